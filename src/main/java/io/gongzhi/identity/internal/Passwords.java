package io.gongzhi.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.util.Map;

/**
 * Password hashing and generation. Hashes are bcrypt, prefixed with their algorithm so
 * that a stronger one can be introduced without locking anybody out. The cost factor is
 * chosen by the benchmark in {@code bench/} (see docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
public class Passwords {

    public static final int MINIMUM_LENGTH = 12;
    public static final int BCRYPT_STRENGTH = 10;

    // No 0/O, 1/l/I: generated passwords are read aloud and typed from paper.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final String SYMBOLS = "#%+=@";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_STRENGTH)));
    }

    /** 16 characters with upper, lower, digit and symbol, so it passes any complexity policy. */
    public static String generate() {
        var sb = new StringBuilder();
        sb.append(pick("ABCDEFGHJKLMNPQRSTUVWXYZ")).append(pick("abcdefghijkmnopqrstuvwxyz"))
                .append(pick("23456789")).append(pick(SYMBOLS));
        while (sb.length() < 16) {
            sb.append(pick(ALPHABET));
        }
        // shuffle so the classes are not always in the same positions
        for (int i = sb.length() - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char c = sb.charAt(i);
            sb.setCharAt(i, sb.charAt(j));
            sb.setCharAt(j, c);
        }
        return sb.toString();
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
