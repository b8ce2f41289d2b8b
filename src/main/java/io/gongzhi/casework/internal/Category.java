package io.gongzhi.casework.internal;

import io.gongzhi.casework.TimeLimit;
/**
 * A kind of case in the responsibility catalogue. Classes (no parent) group categories; cases
 * are reported in categories, which name the department that answers for them, the time limit
 * and the level that dispatches them.
 */
public record Category(String code, String parentCode, String kind, String nameZh, String nameEn, String department,
                       TimeLimit timeLimit, String dispatchLevel, boolean active, int revision) {

    public boolean reportable() {
        return parentCode != null && department != null && active;
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
