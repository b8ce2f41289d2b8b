package io.gongzhi.emergency.internal;

/**
 * The unified social credit code of an organisation (统一社会信用代码, GB 32100-2015): 18 characters
 * of the 31 the standard allows (digits and capitals without I, O, Z, S, V), the last a check
 * character computed from the other 17 with the standard's weights, so a mistyped character is
 * caught at once.
 */
final class CreditCode {

    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARACTERS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return check(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character of the first 17 characters. */
    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }
}
