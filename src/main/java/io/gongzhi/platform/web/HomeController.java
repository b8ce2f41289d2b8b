package io.gongzhi.platform.web;

import io.gongzhi.platform.HomePanel;
import io.gongzhi.platform.internal.SystemStatus;
import io.gongzhi.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The home page: what waits for the person (from every module's {@link HomePanel}), charts of
 * the area they steer or dispatch, what their roles do here, and for whoever operates the
 * system its state.
 */
@Controller
class HomeController {

    /** The permission to see the running system (identity's permission table grants it). */
    static final String SYSTEM_OPERATE = "system.operate";

    private final SystemStatus status;
    private final List<HomePanel> panels;
    private final JsonMapper json;

    HomeController(SystemStatus status, List<HomePanel> panels, JsonMapper json) {
        this.status = status;
        this.panels = panels;
        this.json = json;
    }

    /** A chart with its labels and values as JSON, for the page's data attributes (the chart script reads them; no inline script). */
    record ChartView(HomePanel.Chart chart, String labels, String values) {
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        if (authentication != null && authentication.getAuthorities().stream().anyMatch(a -> SYSTEM_OPERATE.equals(a.getAuthority()))) {
            model.addAttribute("system", status.facts());
        }
        Actor actor = Actor.current();
        model.addAttribute("waiting", gather(p -> p.waitingFor(actor)).stream().filter(w -> w.count() > 0)
                .sorted(Comparator.comparingInt(HomePanel.Waiting::order)).toList());
        model.addAttribute("starts", gather(p -> p.startsFor(actor)).stream().sorted(Comparator.comparingInt(HomePanel.Start::order)).toList());
        model.addAttribute("charts", gather(p -> p.chartsFor(actor)).stream().sorted(Comparator.comparingInt(HomePanel.Chart::order))
                .map(c -> new ChartView(c, json.writeValueAsString(c.labels()), json.writeValueAsString(c.values()))).toList());
        return "platform/home";
    }

    private <T> List<T> gather(Function<HomePanel, List<T>> part) {
        var all = new ArrayList<T>();
        panels.forEach(panel -> all.addAll(part.apply(panel)));
        return all;
    }
}
