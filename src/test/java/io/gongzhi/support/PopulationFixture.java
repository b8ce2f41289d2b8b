package io.gongzhi.support;

import io.gongzhi.population.internal.Residents;
import io.gongzhi.geography.GridGeneration;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.population.internal.Address;
import io.gongzhi.population.internal.Criteria;
import io.gongzhi.population.internal.NationalId;
import io.gongzhi.population.internal.Registry;
import io.gongzhi.population.internal.Resident;
import io.gongzhi.population.internal.ResidentForm;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Progress;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * People for tests that need the registry: grids and compounds in the demo district (seed 1, a
 * small city), and two known residents, one in each of two neighbouring communities of the Yulin
 * sub-district (the authorisation matrix's inside and outside). Re-created when another test
 * cleared the registry or regenerated the grids.
 */
public final class PopulationFixture {

    public static final String INSIDE = "510107005001";
    public static final String OUTSIDE = "510107005002";
    public static final String INSIDE_NAME = "欧阳内测";
    public static final String OUTSIDE_NAME = "上官外测";
    public static final NationalId INSIDE_ID = NationalId.nth("510107", LocalDate.of(1950, 3, 1), 499, true);
    public static final NationalId OUTSIDE_ID = NationalId.nth("510107", LocalDate.of(1960, 5, 5), 499, false);
    public static final String INSIDE_PHONE = "13900001111";

    public record People(Resident inside, Resident outside, Unit insideCompound, Unit outsideCompound, Unit insideGrid) {
    }

    private PopulationFixture() {
    }

    public static synchronized People ensure(ApplicationContext context) {
        Hierarchy hierarchy = context.getBean(Hierarchy.class);
        if (hierarchy.under(INSIDE, Level.COMPOUND).isEmpty() || hierarchy.under(OUTSIDE, Level.COMPOUND).isEmpty()) {
            context.getBean(GridGeneration.class).generate("5101", 1, 300_000, 400, 44, Set.of("510107"), Progress.NONE);
        }
        Unit insideCompound = hierarchy.under(INSIDE, Level.COMPOUND).get(0);
        Unit outsideCompound = hierarchy.under(OUTSIDE, Level.COMPOUND).get(0);
        Unit insideGrid = hierarchy.children(INSIDE).get(0);
        Registry registry = context.getBean(Registry.class);
        Resident inside = find(context.getBean(Residents.class), INSIDE_ID).orElseGet(() -> registry.register(
                new Address(insideCompound.code(), "99", "1", "101"),
                new ResidentForm(INSIDE_NAME, "男", "", "居民身份证", INSIDE_ID.value(), "", INSIDE_PHONE, "户籍", "户主", "否", "独居老人", "2001-06-01"),
                Actor.commandLine()));
        Resident outside = find(context.getBean(Residents.class), OUTSIDE_ID).orElseGet(() -> registry.register(
                new Address(outsideCompound.code(), "99", "1", "202"),
                new ResidentForm(OUTSIDE_NAME, "女", "", "居民身份证", OUTSIDE_ID.value(), "", "13900002222", "户籍", "户主", "否", "独居老人", "2005-01-01"),
                Actor.commandLine()));
        return new People(inside, outside, insideCompound, outsideCompound, insideGrid);
    }

    /**
     * At least {@code n} lived-in households in {@code compound}, building 88 (one resident each,
     * registered once and kept), for tests that visit households door to door.
     */
    public static synchronized void households(ApplicationContext context, Unit compound, int n) {
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        Registry registry = context.getBean(Registry.class);
        for (int i = 0; i < n; i++) {
            String room = String.valueOf(101 + i);
            boolean there = jdbc.sql("select count(*) from population_household where compound_code = ? and building = '88' and room = ?")
                    .params(compound.code(), room).query(Long.class).single() > 0;
            if (!there) {
                NationalId id = NationalId.nth("510107", LocalDate.of(1970, 1, 1).plusDays(i), 300 + i, i % 2 == 0);
                registry.register(new Address(compound.code(), "88", "1", room),
                        new ResidentForm("走访户" + "甲乙丙丁戊己庚辛".charAt(i % 8), i % 2 == 0 ? "男" : "女", "", "居民身份证", id.value(), "", "", "户籍", "户主", "否", "", "2010-01-01"),
                        Actor.commandLine());
            }
        }
    }

    private static java.util.Optional<Resident> find(Residents residents, NationalId id) {
        List<Resident> found = residents.search(new Criteria(id.value(), null, null, null, null, null, null), Jurisdiction.EVERYWHERE, 0, 1).residents();
        try {
            return found.stream().findFirst().map(r -> residents.resident(r.id(), Jurisdiction.EVERYWHERE));
        } catch (NotFound e) {
            return java.util.Optional.empty();
        }
    }
}
