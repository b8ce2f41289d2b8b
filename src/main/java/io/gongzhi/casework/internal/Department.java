package io.gongzhi.casework.internal;

/** A department cases are dispatched to. */
public record Department(String code, String nameZh, String nameEn, boolean active) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
