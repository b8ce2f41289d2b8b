package io.gongzhi.casework.web;

import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.internal.CaseFigures;
import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.platform.HomePanel;
import io.gongzhi.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The case loop on the home page: the cases waiting for the person's next step, by what the step
 * is, each leading to the queue filtered to them; for those who dispatch or steer, their area's
 * open cases by state and by department, how many are overdue, and the reports of the last two weeks.
 */
@Component
class CaseHomePanel implements HomePanel {

    /** The most departments a chart names; the rest are summed as others. */
    static final int DEPARTMENTS_SHOWN = 8;

    private final CaseFigures figures;
    private final Catalogue catalogue;
    private final MessageSource messages;

    CaseHomePanel(CaseFigures figures, Catalogue catalogue, MessageSource messages) {
        this.figures = figures;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Override
    public List<Waiting> waitingFor(Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        var items = new ArrayList<Waiting>();
        figures.waiting(actor).forEach((wait, count) -> items.add(new Waiting(
                messages.getMessage("home.wait." + wait.name(), null, locale), count, href(wait), 10 + wait.ordinal())));
        return items;
    }

    @Override
    public List<Start> startsFor(Actor actor) {
        return actor.may("case.report")
                ? List.of(new Start(messages.getMessage("cases.report", null, LocaleContextHolder.getLocale()), "/cases/new", 10))
                : List.of();
    }

    private static String href(CaseFigures.Wait wait) {
        return switch (wait) {
            case ACCEPT -> "/cases?todo=true&state=REPORTED";
            case DISPATCH -> "/cases?todo=true&state=ACCEPTED";
            case DECIDE -> "/cases?todo=true&pending=true";
            case RECEIVE -> "/cases?todo=true&state=DISPATCHED";
            case HANDLE -> "/cases?todo=true";
            case VERIFY -> "/cases?todo=true&state=FED_BACK";
            case RATE -> "/my/cases";
        };
    }

    @Override
    public List<Chart> chartsFor(Actor actor) {
        if (!actor.may("case.dispatch") && !actor.may("case.evaluate")) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        var open = figures.open(actor);
        var states = new ArrayList<String>();
        var byState = new ArrayList<Long>();
        for (CaseState state : CaseState.values()) {
            if (open.byState().containsKey(state)) {
                states.add(messages.getMessage("casework.state." + state.key(), null, locale));
                byState.add(open.byState().get(state));
            }
        }
        var charts = new ArrayList<Chart>();
        charts.add(new Chart("cases-by-state", say("home.chart.cases-by-state", locale), "bar", states, byState,
                messages.getMessage("home.chart.open-overdue", new Object[]{open.total(), open.overdue()}, locale), 10));
        charts.add(departments(open.byDepartment(), locale));
        var days = figures.reportedByDay(actor, CaseFigures.DAYS);
        var format = DateTimeFormatter.ofPattern("MM-dd");
        charts.add(new Chart("cases-by-day", say("home.chart.cases-by-day", locale), "line",
                days.keySet().stream().map(format::format).toList(), List.copyOf(days.values()),
                messages.getMessage("home.chart.reported-total", new Object[]{days.values().stream().mapToLong(Long::longValue).sum()}, locale), 12));
        return charts;
    }

    private Chart departments(Map<String, Long> byDepartment, Locale locale) {
        var names = new ArrayList<String>();
        var counts = new ArrayList<Long>();
        long others = 0;
        for (var entry : byDepartment.entrySet()) {
            if (names.size() < DEPARTMENTS_SHOWN) {
                names.add(catalogue.departments().stream().filter(d -> d.code().equals(entry.getKey())).findFirst()
                        .map(d -> d.name(locale)).orElse(entry.getKey()));
                counts.add(entry.getValue());
            } else {
                others += entry.getValue();
            }
        }
        if (others > 0) {
            names.add(say("home.chart.other-departments", locale));
            counts.add(others);
        }
        return new Chart("cases-by-department", say("home.chart.cases-by-department", locale), "bar", names, counts, null, 11);
    }

    private String say(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
