package io.gongzhi.platform;

import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * Why something was refused, as its stable code and a sentence in the caller's language: the
 * REST API's problem details and pages or answers that list several refusals at once.
 */
@Component
public class Refusals {

    private final MessageSource messages;

    public Refusals(MessageSource messages) {
        this.messages = messages;
    }

    public String code(RuntimeException refusal) {
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

    /** The sentence; bad input gives every reason, joined. */
    public String message(RuntimeException refusal) {
        if (refusal instanceof Conflict c) {
            return text(c.code(), c.args().toArray());
        }
        if (refusal instanceof InvalidInput i) {
            return i.violations().stream().map(this::message).collect(Collectors.joining("; "));
        }
        return text(code(refusal), null);
    }

    public String message(Violation violation) {
        return text(violation.code(), violation.args().toArray());
    }

    /** A message by its key in the caller's language; the key itself when there is none. */
    public String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
