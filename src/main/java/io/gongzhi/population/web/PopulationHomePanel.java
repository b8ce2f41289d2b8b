package io.gongzhi.population.web;

import io.gongzhi.platform.HomePanel;
import io.gongzhi.population.internal.CareGroups;
import io.gongzhi.population.internal.PopulationStatistics;
import io.gongzhi.population.internal.Residents;
import io.gongzhi.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The people on the home page: for whoever visits, the residents in a care group due a visit;
 * for those who read statistics of one place, its residents by the places one level down and
 * by care group ({@link AreaFigures}).
 */
@Component
class PopulationHomePanel implements HomePanel {

    private final Residents residents;
    private final AreaFigures areaFigures;
    private final CareGroups careGroups;
    private final MessageSource messages;

    PopulationHomePanel(Residents residents, AreaFigures areaFigures, CareGroups careGroups, MessageSource messages) {
        this.residents = residents;
        this.areaFigures = areaFigures;
        this.careGroups = careGroups;
        this.messages = messages;
    }

    @Override
    public List<Waiting> waitingFor(Actor actor) {
        if (!actor.may("person.write") || actor.jurisdiction().isEverywhere() || actor.jurisdiction().isEmpty()) {
            return List.of();
        }
        int due = residents.visitsDueCount(actor.jurisdiction());
        return due == 0 ? List.of() : List.of(new Waiting(messages.getMessage("home.wait.visits", null, LocaleContextHolder.getLocale()),
                due, "/grid", 30));
    }

    @Override
    public List<Chart> chartsFor(Actor actor) {
        var figures = areaFigures.of(actor);
        if (figures.isEmpty()) {
            return List.of();
        }
        var f = figures.get();
        Locale locale = LocaleContextHolder.getLocale();
        var charts = new ArrayList<Chart>();
        String total = messages.getMessage("home.chart.residents-total", new Object[]{f.residents(), f.households()}, locale);
        if (!f.children().isEmpty()) {
            charts.add(new Chart("residents-by-area", messages.getMessage("home.chart.residents-by-area", new Object[]{f.name()}, locale), "bar",
                    f.children().stream().map(PopulationStatistics.Part::name).toList(),
                    f.children().stream().map(PopulationStatistics.Part::residents).toList(), total, 20));
        }
        var groups = careGroups.byCode();
        charts.add(new Chart("care-groups", messages.getMessage("home.chart.care-groups", null, locale), "pie",
                f.careGroups().keySet().stream().map(g -> groups.containsKey(g) ? groups.get(g).name(locale) : g).toList(),
                List.copyOf(f.careGroups().values()), f.children().isEmpty() ? total : null, 21));
        return charts;
    }
}
