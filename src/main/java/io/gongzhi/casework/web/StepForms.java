package io.gongzhi.casework.web;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.platform.Refusals;
import io.gongzhi.shared.Conflict;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Violation;
import org.springframework.ui.Model;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A step asked for by a page's form (the case page, the reporter's link page): taken, or the
 * page is shown again saying why not: field errors under the form that failed ({@code errors},
 * {@code failed}), a refusal at the top in the reader's language ({@code refusal}).
 */
final class StepForms {

    private StepForms() {
    }

    /** The step taken, or empty when it was refused (the model then says why). */
    static Optional<CaseAction> take(String action, Predicate<CaseAction> offered, Consumer<CaseAction> step, Model model,
                                     Refusals refusals) {
        try {
            CaseAction chosen = CaseAction.parse(action).filter(offered)
                    .orElseThrow(() -> new InvalidInput(Violation.of("action", "casework.action-unknown", action)));
            step.accept(chosen);
            return Optional.of(chosen);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("failed", action);
        } catch (Conflict | NotPermitted refused) {
            model.addAttribute("refusal", refusals.message(refused));
        }
        return Optional.empty();
    }
}
