package io.gongzhi.population.internal;

import java.util.Locale;

/** A group the community looks after (独居老人, 低保, …), from the managed list, and how often its members should be visited. */
public record CareGroup(String code, String nameZh, String nameEn, int visitDays) {

    public String name(Locale locale) {
        return locale.getLanguage().equals("zh") ? nameZh : nameEn;
    }
}
