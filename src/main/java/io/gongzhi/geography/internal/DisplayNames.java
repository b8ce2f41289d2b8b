package io.gongzhi.geography.internal;

import java.util.List;

/**
 * The name people use for a division: the official community name ends in the committee's
 * title (玉林社区居民委员会, 红星村民委员会), which nobody says aloud. Also used to match
 * divisions by name when codes differ (新津县 ≈ 新津区).
 */
public final class DisplayNames {

    // Longest first, so 社区居民委员会 is not cut as 居民委员会.
    private static final List<String[]> COMMITTEE_SUFFIXES = List.of(
            new String[] {"社区居民委员会", "社区"},
            new String[] {"居民委员会", ""},
            new String[] {"社区居委会", "社区"},
            new String[] {"居委会", ""},
            new String[] {"村民委员会", "村"},
            new String[] {"村委会", "村"});

    private static final List<String> DIVISION_SUFFIXES = List.of("自治县", "县", "区", "市");

    private DisplayNames() {
    }

    public static String of(String officialName) {
        String name = officialName.strip();
        for (String[] suffix : COMMITTEE_SUFFIXES) {
            if (name.endsWith(suffix[0]) && name.length() > suffix[0].length()) {
                String stem = name.substring(0, name.length() - suffix[0].length());
                return stem.endsWith(suffix[1]) ? stem : stem + suffix[1];
            }
        }
        return name;
    }

    /** The name without its kind of division, for matching: 新津县 and 新津区 both give 新津. */
    public static String matchKey(String name) {
        String key = of(name);
        for (String suffix : DIVISION_SUFFIXES) {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                return key.substring(0, key.length() - suffix.length());
            }
        }
        return key;
    }
}
