package io.gongzhi.casework.web;

import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/** Why a step on one case was refused, as a stable code and a sentence in the caller's language (bulk answers). */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    String code(RuntimeException refusal) {
        if (refusal instanceof Conflict c) {
            return c.code();
        }
        if (refusal instanceof NotPermitted p) {
            return p.code();
        }
        if (refusal instanceof NotFound n) {
            return n.code();
        }
        if (refusal instanceof InvalidInput i && !i.violations().isEmpty()) {
            return i.violations().get(0).code();
        }
        return "invalid-input";
    }

    String message(RuntimeException refusal) {
        var locale = LocaleContextHolder.getLocale();
        if (refusal instanceof Conflict c) {
            return messages.getMessage(c.code(), c.args().toArray(), c.code(), locale);
        }
        if (refusal instanceof InvalidInput i) {
            return i.violations().stream().map(v -> messages.getMessage(v.code(), v.args().toArray(), v.code(), locale))
                    .collect(Collectors.joining("; "));
        }
        return messages.getMessage(code(refusal), null, code(refusal), locale);
    }
}
