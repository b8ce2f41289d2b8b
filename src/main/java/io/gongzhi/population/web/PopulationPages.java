package io.gongzhi.population.web;

import io.gongzhi.population.internal.CareGroups;
import io.gongzhi.population.internal.Residents;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.population.internal.Address;
import io.gongzhi.population.internal.Criteria;
import io.gongzhi.population.internal.Registration;
import io.gongzhi.population.internal.Registry;
import io.gongzhi.population.internal.Resident;
import io.gongzhi.population.internal.ResidentForm;
import io.gongzhi.population.internal.ResidentStatus;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The community worker's registry pages: search with filters, the resident card (history, visits,
 * unmasking with a reason), the household card, registering, editing, moving out and moving.
 */
@Controller
class PopulationPages {

    private final Registry registry;
    private final Residents residents;
    private final CareGroups careGroups;
    private final Hierarchy hierarchy;
    private final io.gongzhi.population.internal.PopulationExport export;

    private final AreaFigures areaFigures;

    PopulationPages(Registry registry, Residents residents, CareGroups careGroups, Hierarchy hierarchy,
                    io.gongzhi.population.internal.PopulationExport export, AreaFigures areaFigures) {
        this.areaFigures = areaFigures;
        this.registry = registry;
        this.residents = residents;
        this.careGroups = careGroups;
        this.hierarchy = hierarchy;
        this.export = export;
    }

    @GetMapping("/population/export.xlsx")
    @PreAuthorize("hasAuthority('person.export')")
    org.springframework.http.ResponseEntity<byte[]> export(@ModelAttribute("filters") Filters filters, java.util.Locale locale) {
        return PopulationImportPages.xlsx(export.xlsx(filters.criteria(), Actor.current(), locale),
                locale.getLanguage().equals("zh") ? "居民.xlsx" : "residents.xlsx");
    }

    /** The search form as typed. */
    record Filters(String q, String within, String care, String registration, String ageFrom, String ageTo, String status, Integer page) {
        Criteria criteria() {
            return new Criteria(q, within, care, parse(registration, Registration.class), number(ageFrom), number(ageTo),
                    status == null || status.isBlank() ? ResidentStatus.PRESENT : parse(status, ResidentStatus.class));
        }

        int pageOrFirst() {
            return page == null ? 0 : Math.max(0, page);
        }

        private static Integer number(String text) {
            try {
                return text == null || text.isBlank() ? null : Math.max(0, Math.min(150, Integer.parseInt(text.strip())));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static <E extends Enum<E>> E parse(String text, Class<E> type) {
            try {
                return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    @GetMapping("/population")
    @PreAuthorize("hasAuthority('person.read')")
    String search(@ModelAttribute("filters") Filters filters, Model model) {
        Jurisdiction j = Actor.current().jurisdiction();
        model.addAttribute("places", places(j));
        model.addAttribute("careGroups", careGroups.all());
        // above the community a list of everybody is hundreds of thousands of people: ask for a search or a place first
        boolean broad = hierarchy.roots(j).stream().anyMatch(u -> j.covers(u.path()) && u.level().compareTo(Level.COMMUNITY) < 0);
        var criteria = filters.criteria();
        boolean nothingAsked = criteria.text().isEmpty() && criteria.within().isEmpty() && criteria.careGroup().isEmpty()
                && criteria.registration() == null && criteria.ageFrom() == null && criteria.ageTo() == null;
        model.addAttribute("narrowFirst", broad && nothingAsked);
        try {
            model.addAttribute("result", broad && nothingAsked ? new io.gongzhi.population.internal.ResidentPage(List.of(), 0, 50, false)
                    : residents.search(criteria, Actor.current(), filters.pageOrFirst(), 50));
        } catch (io.gongzhi.shared.NotFound outside) {
            model.addAttribute("result", new io.gongzhi.population.internal.ResidentPage(List.of(), 0, 50, false));
        }
        model.addAttribute("today", registry.today());
        model.addAttribute("careNames", careGroups.byCode());
        model.addAttribute("totals", areaFigures.of(Actor.current()).orElse(null));
        return "population/search";
    }

    @GetMapping("/population/residents/{id}")
    @PreAuthorize("hasAuthority('person.read')")
    String resident(@PathVariable long id, Model model) {
        return card(id, model);
    }

    @PostMapping("/population/residents/{id}/unmask")
    @PreAuthorize("hasAuthority('person.unmask')")
    String unmask(@PathVariable long id, @RequestParam(defaultValue = "ID") Registry.Field field, @RequestParam(defaultValue = "") String reason,
                  Model model) {
        try {
            // shown in this answer only: never kept in the session or a redirect
            model.addAttribute("revealed", Map.of(field.name(), registry.unmask(id, field, reason, Actor.current())));
        } catch (InvalidInput invalid) {
            model.addAttribute("unmaskErrors", invalid.byField());
            model.addAttribute("unmaskField", field.name());
        }
        return card(id, model);
    }

    @PostMapping("/population/residents/{id}/visits")
    @PreAuthorize("hasAuthority('person.write')")
    String visit(@PathVariable long id, @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String day,
                 @RequestParam(defaultValue = "") String back, Model model) {
        try {
            registry.visit(id, day.isBlank() ? registry.today() : PopulationApi.day(day), note, Actor.current());
        } catch (InvalidInput invalid) {
            model.addAttribute("visitErrors", invalid.byField());
            model.addAttribute("note", note);
            return card(id, model);
        }
        return "redirect:" + ("grid".equals(back) ? "/grid?visited=" + id : "/population/residents/" + id + "?done=visit");
    }

    @PostMapping("/population/residents/{id}/move-out")
    @PreAuthorize("hasAuthority('person.write')")
    String moveOut(@PathVariable long id, @RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "MOVED_OUT") ResidentStatus status,
                   @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            registry.moveOut(id, PopulationApi.day(day), status, reason, Actor.current());
        } catch (InvalidInput invalid) {
            model.addAttribute("moveErrors", invalid.byField());
            return card(id, model);
        }
        return "redirect:/population/residents/" + id + "?done=moved-out";
    }

    @PostMapping("/population/residents/{id}/transfer")
    @PreAuthorize("hasAuthority('person.write')")
    String transfer(@PathVariable long id, @ModelAttribute("to") AddressForm to, @RequestParam(defaultValue = "") String day,
                    @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            registry.transfer(id, to.address(), PopulationApi.day(day), reason, Actor.current());
        } catch (InvalidInput invalid) {
            model.addAttribute("transferErrors", invalid.byField());
            return card(id, model);
        }
        return "redirect:/population/residents/" + id + "?done=moved";
    }

    @GetMapping("/population/households/{id}")
    @PreAuthorize("hasAuthority('person.read')")
    String household(@PathVariable long id, Model model) {
        model.addAttribute("household", residents.household(id, Actor.current().jurisdiction()));
        model.addAttribute("today", registry.today());
        model.addAttribute("careNames", careGroups.byCode());
        return "population/household";
    }

    /** The address part of a form. */
    record AddressForm(String compound, String building, String unitNo, String room) {
        Address address() {
            return new Address(compound, building, unitNo, room);
        }
    }

    @GetMapping("/population/new")
    @PreAuthorize("hasAuthority('person.write')")
    String registerForm(@RequestParam(required = false) Long household, Model model) {
        var address = new AddressForm("", "", "", "");
        if (household != null) {
            var h = residents.household(household, Actor.current().jurisdiction());
            address = new AddressForm(h.compoundCode(), h.address().building(), h.address().unitNo(), h.address().room());
        }
        model.addAttribute("address", address);
        model.addAttribute("form", new ResidentForm("", "", "", "NATIONAL_ID", "", "CHN", "", "LOCAL", household == null ? "HEAD" : "CHILD",
                "", "", ""));
        return editor(model, null);
    }

    @PostMapping("/population/new")
    @PreAuthorize("hasAuthority('person.write')")
    String register(@ModelAttribute("address") AddressForm address, @ModelAttribute("form") ResidentFields fields, Model model) {
        try {
            Resident created = registry.register(address.address(), fields.form(), Actor.current());
            return "redirect:/population/residents/" + created.id() + "?done=registered";
        } catch (InvalidInput invalid) {
            model.addAttribute("form", fields.form());
            model.addAttribute("errors", invalid.byField());
            return editor(model, null);
        }
    }

    @GetMapping("/population/residents/{id}/edit")
    @PreAuthorize("hasAuthority('person.write')")
    String editForm(@PathVariable long id, Model model) {
        Resident r = residents.resident(id, Actor.current().jurisdiction());
        // the birth date and numbers stay blank (kept unless typed again); a change does not move anyone in
        model.addAttribute("form", new ResidentForm(r.name(), r.sex(), "", r.idKind().name(), "", r.nationality(), "",
                r.registration().name(), r.relation().name(), r.partyMember() ? "yes" : "no", String.join("、", r.careGroups()), ""));
        return editor(model, r);
    }

    @PostMapping("/population/residents/{id}/edit")
    @PreAuthorize("hasAuthority('person.write')")
    String edit(@PathVariable long id, @RequestParam int version, @ModelAttribute("form") ResidentFields fields, Model model) {
        try {
            registry.update(id, version, fields.form(), Actor.current());
            return "redirect:/population/residents/" + id + "?done=saved";
        } catch (InvalidInput invalid) {
            model.addAttribute("form", fields.form());
            model.addAttribute("errors", invalid.byField());
            return editor(model, residents.resident(id, Actor.current().jurisdiction()));
        }
    }

    /** The resident part of a form; care groups come as several checkboxes. */
    record ResidentFields(String name, String sex, String birthDate, String idKind, String idNumber, String nationality, String phone,
                          String registration, String relation, String partyMember, List<String> careGroups, String movedIn) {
        ResidentForm form() {
            return new ResidentForm(name, sex, birthDate, idKind, idNumber, nationality, phone, registration, relation,
                    partyMember == null ? "no" : partyMember, careGroups == null ? "" : String.join("、", careGroups), movedIn);
        }
    }

    private String editor(Model model, Resident existing) {
        model.addAttribute("existing", existing);
        model.addAttribute("careGroups", careGroups.all());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "population/edit";
    }

    private String card(long id, Model model) {
        Jurisdiction j = Actor.current().jurisdiction();
        Resident resident = residents.resident(id, j);
        model.addAttribute("resident", resident);
        model.addAttribute("household", residents.household(resident.householdId(), Jurisdiction.EVERYWHERE));
        model.addAttribute("moves", residents.moves(id, j));
        model.addAttribute("visits", residents.visits(id, j));
        model.addAttribute("today", registry.today());
        model.addAttribute("careNames", careGroups.byCode());
        for (String key : List.of("unmaskErrors", "visitErrors", "moveErrors", "transferErrors")) {
            if (!model.containsAttribute(key)) {
                model.addAttribute(key, Map.of());
            }
        }
        return "population/resident";
    }

    /** Grids (and, for a grid worker, compounds) to filter by: the places inside the caller's jurisdiction. */
    private List<Unit> places(Jurisdiction j) {
        var places = new ArrayList<Unit>();
        for (Unit root : hierarchy.roots(j)) {
            if (!j.covers(root.path())) {
                continue;
            }
            Level below = root.level().compareTo(Level.COMMUNITY) <= 0 ? Level.GRID : Level.COMPOUND;
            if (root.level().compareTo(Level.SUBDISTRICT) < 0) {
                below = Level.SUBDISTRICT;
            } else if (root.level() == Level.SUBDISTRICT) {
                below = Level.COMMUNITY;
            }
            places.addAll(hierarchy.under(root.code(), below).stream().limit(500).toList());
        }
        return places;
    }

}
