package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.InForce;
import io.gongzhi.emergency.internal.Responses;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.platform.PageBanner;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.RegionPath;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every page of every account inside a response says so: the most severe response over the
 * account's places, and how many places inside them are in a response of their own.
 */
@Component
class EmergencyBanner implements PageBanner {

    private final InForce inForce;
    private final Hierarchy hierarchy;
    private final MessageSource messages;

    EmergencyBanner(InForce inForce, Hierarchy hierarchy, MessageSource messages) {
        this.inForce = inForce;
        this.hierarchy = hierarchy;
        this.messages = messages;
    }

    @Override
    public List<Banner> bannersFor(Actor actor) {
        var all = inForce.all();
        // the three administrators work everywhere and inside no place
        if (all.isEmpty() || actor.jurisdiction().isEmpty() || actor.jurisdiction().isEverywhere()) {
            return List.of();
        }
        String href = actor.may("emergency.read") ? "/emergency" : null;
        Locale locale = LocaleContextHolder.getLocale();
        var banners = new ArrayList<Banner>();
        var paths = actor.jurisdiction().paths();
        all.stream().filter(r -> paths.stream().anyMatch(p -> r.holdsOver(p.value()))).findFirst().ifPresent(r -> banners.add(new Banner("alert",
                messages.getMessage("emergency.banner.over", new Object[] {name(r), r.level().numeral()}, locale), href)));
        long inside = all.stream().filter(r -> paths.stream().anyMatch(p -> !p.value().equals(r.path()) && p.covers(r.path()))).count();
        if (inside > 0) {
            banners.add(new Banner("alert", messages.getMessage("emergency.banner.inside", new Object[] {inside}, locale), href));
        }
        return banners;
    }

    private String name(Responses.Response r) {
        return hierarchy.displayNames(List.of(r.unitCode())).getOrDefault(r.unitCode(), RegionPath.of(r.path()).code());
    }
}
