package io.gongzhi.screening.web;

import io.gongzhi.platform.HomePanel;
import io.gongzhi.screening.internal.Campaigns;
import io.gongzhi.screening.internal.Coverage;
import io.gongzhi.screening.internal.Rounds;
import io.gongzhi.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A running round on the home of those who visit: how many households of their place are still to
 * visit (not yet, or not at home), and a button straight to the visits.
 */
@Component
class ScreeningHomePanel implements HomePanel {

    private final Campaigns campaigns;
    private final Coverage coverage;
    private final MessageSource messages;

    ScreeningHomePanel(Campaigns campaigns, Coverage coverage, MessageSource messages) {
        this.campaigns = campaigns;
        this.coverage = coverage;
        this.messages = messages;
    }

    /** The newest round running today of a campaign over or inside the actor's places, with its campaign. */
    private Optional<Running> running(Actor actor) {
        if (!actor.may("screening.visit")) {
            return Optional.empty();
        }
        LocalDate today = campaigns.today();
        return campaigns.visible(actor, 20).stream()
                .flatMap(c -> c.rounds().stream().filter(r -> r.runsOn(today)).map(r -> new Running(c, r)))
                .findFirst();
    }

    private record Running(Campaigns.Campaign campaign, Rounds.Round round) {
    }

    @Override
    public List<Waiting> waitingFor(Actor actor) {
        return running(actor).map(r -> {
            var totals = coverage.view(r.round().id(), null, actor).totals();
            return List.of(new Waiting(messages.getMessage("home.wait.screening", null, LocaleContextHolder.getLocale()),
                    totals.open() + totals.notHome(), "/screening/rounds/" + r.round().id() + "/visit", 2));
        }).orElse(List.of());
    }

    @Override
    public List<Start> startsFor(Actor actor) {
        return running(actor).map(r -> List.of(new Start(messages.getMessage("home.start.screening", new Object[] {r.campaign().name()},
                LocaleContextHolder.getLocale()), "/screening/rounds/" + r.round().id() + "/visit", 1))).orElse(List.of());
    }
}
