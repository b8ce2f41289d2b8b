package io.gongzhi.population.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.population.internal.Sheets;
import io.gongzhi.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Residents matching a search, as .xlsx in the import template's columns plus age and status.
 * Identity and phone numbers are masked, the birth is its year and dates that would narrow it
 * are years, as on the pages (see {@link BirthYears}): an export never carries a full number nor
 * what would rebuild one. Audited with the number of rows and the filters.
 */
@Service
public class PopulationExport {

    /** An export is for a community's or a grid's lists, not a district's whole population. */
    public static final int MAX_ROWS = 50_000;

    private final Registry registry;
    private final Residents residents;
    private final CareGroups careGroups;
    private final Audit audit;
    private final MessageSource messages;

    PopulationExport(Registry registry, Residents residents, CareGroups careGroups, Audit audit, MessageSource messages) {
        this.registry = registry;
        this.residents = residents;
        this.careGroups = careGroups;
        this.audit = audit;
        this.messages = messages;
    }

    public byte[] xlsx(Criteria criteria, Actor actor, Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        var header = new ArrayList<String>();
        PopulationImports.COLUMNS.forEach(c -> header.add(c.field().equals("birthDate") ? (zh ? "出生年份" : "Year of birth") : zh ? c.zh() : c.en()));
        header.add(zh ? "年龄" : "Age");
        header.add(zh ? "状态" : "Status");
        var rows = new ArrayList<List<String>>();
        var names = careGroups.byCode();
        var today = registry.today();
        var households = new java.util.HashMap<Long, Household>();
        for (int page = 0; rows.size() < MAX_ROWS; page++) {
            ResidentPage result = residents.search(criteria, actor, page, 200);
            for (Resident r : result.residents()) {
                Household h = households.computeIfAbsent(r.householdId(), id -> residents.household(id, actor.jurisdiction()));
                rows.add(List.of(h.compoundCode(), h.address().building(), h.address().unitNo(), h.address().room(), r.name(),
                        text("population.sex." + r.sex(), locale), r.born().label(), text("population.id-kind." + r.idKind().key(), locale),
                        r.idMasked(), r.nationality(), r.phoneMasked() == null ? "" : r.phoneMasked(),
                        text("population.registration." + r.registration().key(), locale), text("population.relation." + r.relation().key(), locale),
                        text(r.partyMember() ? "population.yes" : "population.no", locale),
                        String.join(zh ? "、" : ", ", r.careGroups().stream().map(c -> names.containsKey(c) ? names.get(c).name(locale) : c).toList()),
                        r.movedIn(), r.age(today), text("population.status." + r.status().key(), locale)));
            }
            if (!result.more()) {
                break;
            }
            if (households.size() > 20_000) {
                households.clear();
            }
        }
        audit.record(actor, "person.export", "residents", Outcome.SUCCESS, "rows=" + rows.size() + " masked q=" + (criteria.text().isEmpty() ? "" : "…")
                + " within=" + criteria.within() + " care=" + criteria.careGroup());
        return Sheets.write(zh ? "居民" : "Residents", header, rows, -1, 0, List.of());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
