package io.gongzhi.identity.internal;

import com.nulabinc.zxcvbn.Zxcvbn;
import io.gongzhi.shared.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be (MLPS level 3 and OWASP ASVS 2.1): at least 12 characters,
 * at least three of upper case, lower case, digits and symbols, not the username, and not
 * guessable: zxcvbn's lists of common passwords, words, keyboard walks, dates and
 * sequences, extended with words people here put in passwords, must rate it at least 3 of 4.
 */
public final class PasswordRules {

    public static final int MAXIMUM_LENGTH = 128;
    public static final int MINIMUM_SCORE = 3;

    /** Pinyin and local words common in Chinese passwords, which zxcvbn's English lists lack. */
    private static final List<String> LOCAL_WORDS = List.of("woaini", "woaini1314", "5201314", "1314520", "520520",
            "aini", "laopo", "laogong", "baobei", "zhangsan", "lisi", "wangwu", "chengdu", "sichuan", "tianfu",
            "gongzhi", "shequ", "wangge", "jiedao", "zhengfu", "beijing", "shanghai", "zhongguo", "china", "qwertyuiop",
            "888888", "666666", "168168", "147258369", "a123456", "admin", "administrator", "root");

    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordRules() {
    }

    /** Every reason the password is refused; empty when it is acceptable. */
    public static List<Violation> check(String field, String password, String... personal) {
        var problems = new ArrayList<Violation>();
        if (password == null || password.length() < Passwords.MINIMUM_LENGTH) {
            problems.add(Violation.of(field, "account.password-too-short", Passwords.MINIMUM_LENGTH));
            return problems;
        }
        if (password.length() > MAXIMUM_LENGTH) {
            problems.add(Violation.of(field, "account.password-too-long", MAXIMUM_LENGTH));
            return problems;
        }
        if (classes(password) < 3) {
            problems.add(Violation.of(field, "account.password-classes"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        var inputs = new ArrayList<>(LOCAL_WORDS);
        for (String p : personal) {
            if (p != null && p.length() >= 3) {
                inputs.add(p.toLowerCase(Locale.ROOT));
                if (lower.contains(p.toLowerCase(Locale.ROOT))) {
                    problems.add(Violation.of(field, "account.password-personal"));
                    return problems;
                }
            }
        }
        if (ZXCVBN.measure(password, inputs).getScore() < MINIMUM_SCORE) {
            problems.add(Violation.of(field, "account.password-common"));
        }
        return problems;
    }

    static int classes(String password) {
        boolean upper = false, lower = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
