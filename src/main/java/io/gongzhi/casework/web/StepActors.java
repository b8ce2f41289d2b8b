package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.Step;
import io.gongzhi.identity.Account;
import io.gongzhi.identity.Accounts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who took the steps of a timeline, as people read it: an account by its display name, the
 * platform's own actors (the demo data, a resident through their SMS link, the system, the
 * command line) by what they are, in the reader's language. Login names stay in the API and
 * the audit log.
 */
@Component
class StepActors {

    private final Accounts accounts;
    private final MessageSource messages;

    StepActors(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    Map<String, String> names(List<Step> steps, Locale locale) {
        var names = new LinkedHashMap<String, String>();
        for (Step step : steps) {
            names.computeIfAbsent(step.actor(), actor -> name(actor, locale));
        }
        return names;
    }

    private String name(String actor, Locale locale) {
        if (actor.startsWith("cli:")) {
            return messages.getMessage("cases.actor.cli", null, locale);
        }
        return switch (actor) {
            case "demo-seed", "sms-link", "system" -> messages.getMessage("cases.actor." + actor, null, locale);
            default -> accounts.find(actor).map(Account::displayName).orElse(actor);
        };
    }
}
