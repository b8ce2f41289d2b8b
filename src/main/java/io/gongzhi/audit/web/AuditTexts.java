package io.gongzhi.audit.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An audit row as the auditor reads it on the page: the action, the roles and a step's states by
 * their names in the reader's language, with the recorded code beside an action that has no
 * name yet. The export and the API keep the codes, for other tools.
 */
@Component("auditTexts")
public class AuditTexts {

    private final MessageSource messages;

    public AuditTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code login.success}: 登录成功; a case step ({@code case.accept}): the step's name. */
    public String action(String action) {
        Locale locale = LocaleContextHolder.getLocale();
        String named = say("audit.action." + action, locale);
        if (named == null && action.startsWith("case.")) {
            named = say("casework.action." + action.substring("case.".length()), locale);
        }
        return named == null ? action : named;
    }

    /** {@code GRID_WORKER,RESIDENT}: the roles' names, in the reader's language. */
    public String roles(String roles) {
        Locale locale = LocaleContextHolder.getLocale();
        return roles == null || roles.isBlank() ? "" : Arrays.stream(roles.split(","))
                .map(role -> {
                    String named = say("role." + role.strip(), locale);
                    return named == null ? role : named;
                })
                .collect(Collectors.joining(locale.getLanguage().equals("zh") ? "、" : ", "));
    }

    /** A case step's detail {@code reported->accepted} as the two states' names; any other detail as it is. */
    public String detail(String action, String detail) {
        if (detail == null || !action.startsWith("case.") || !detail.matches("[a-z\\-]+->[a-z\\-]+")) {
            return detail;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String[] states = detail.split("->");
        String from = say("casework.state." + states[0], locale);
        String to = say("casework.state." + states[1], locale);
        return from == null || to == null ? detail : from + " → " + to;
    }

    private String say(String key, Locale locale) {
        return messages.getMessage(key, null, null, locale);
    }
}
