package io.gongzhi.casework.internal;

/**
 * Text as XML 1.0 can carry it. A case's description, address and the like are published as XML
 * (Open311), and one character outside XML 1.0's {@code Char} production (U+FFFE or U+FFFF, a
 * control character other than tab, line feed and carriage return, half of a surrogate pair)
 * makes every document holding it unreadable to a conforming parser, for as long as the case is
 * listed. Such characters carry nothing a person wrote, so they are dropped: when the text comes
 * in, and again when an XML answer is written, for text stored before.
 */
public final class XmlCharacters {

    private XmlCharacters() {
    }

    /** The text without the characters XML 1.0 does not allow; the same instance when it has none; null for null. */
    public static String keep(String text) {
        if (text == null || allAllowed(text)) {
            return text;
        }
        var kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int length = Character.charCount(codePoint);
            if (allowed(codePoint)) {
                kept.appendCodePoint(codePoint);
            }
            i += length;
        }
        return kept.toString();
    }

    private static boolean allAllowed(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!allowed(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /**
     * XML 1.0's {@code Char}. A lone surrogate reaches here as a code point of its own (codePointAt
     * pairs only a high surrogate followed by a low one), inside D800–DFFF, and is refused.
     */
    static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
