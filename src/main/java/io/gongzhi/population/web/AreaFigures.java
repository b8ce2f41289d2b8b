package io.gongzhi.population.web;

import io.gongzhi.population.internal.PopulationStatistics;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.KeptReads;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The population figures of the one place a person looks after (residents, households, the
 * places below, care groups), for those who may read statistics: shown on their home and above
 * the residents list. A district's or the city's take a moment to add up, so they are kept for a
 * few minutes (people move slowly).
 */
@Component
class AreaFigures {

    private final PopulationStatistics statistics;
    private final KeptReads<Actor, Optional<PopulationStatistics.Figures>> kept = new KeptReads<>(Duration.ofMinutes(5), 1_000);

    AreaFigures(PopulationStatistics statistics) {
        this.statistics = statistics;
    }

    Optional<PopulationStatistics.Figures> of(Actor actor) {
        var paths = actor.jurisdiction().paths();
        if (!actor.may("person.statistics") || paths.size() != 1 || actor.jurisdiction().isEverywhere()) {
            return Optional.empty();
        }
        return kept.get(actor, a -> Optional.of(statistics.of(paths.iterator().next().code(), a.jurisdiction())));
    }
}
