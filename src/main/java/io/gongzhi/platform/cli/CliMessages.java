package io.gongzhi.platform.cli;

import io.gongzhi.shared.Violation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The command line speaks the user's language: {@code GONGZHI_LANG} (zh-CN or en) if set,
 * else Chinese when the system locale is Chinese and English otherwise. It reads the same
 * message files as the web pages.
 */
public final class CliMessages {

    private CliMessages() {
    }

    public static Locale locale() {
        String chosen = System.getenv("GONGZHI_LANG");
        if (chosen != null && !chosen.isBlank()) {
            return chosen.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        return "zh".equals(Locale.getDefault().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public static String get(String key, Object... args) {
        try {
            var bundle = ResourceBundle.getBundle("i18n/messages", locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(key), locale()).format(args);
        } catch (MissingResourceException missing) {
            return key + " " + List.of(args);
        }
    }

    /** One line per reason: where (line, column or field), then what is wrong, then the stable code in brackets. */
    public static void printViolations(java.io.PrintWriter err, List<Violation> violations) {
        err.println(get("cli.invalid", violations.size()));
        for (Violation v : violations) {
            err.println("  " + where(v) + get(v.code(), v.args().toArray()) + " [" + v.code() + "]");
        }
    }

    private static String where(Violation v) {
        boolean field = v.where() != null && !v.where().isBlank();
        if (v.line() != null) {
            return field ? get("cli.at-line-column", v.line(), v.where()) : get("cli.at-line", v.line());
        }
        return field ? v.where() + ": " : "";
    }
}
