package io.gongzhi.population.internal;

import io.gongzhi.population.Dwellings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/** The registry's lived-in households under a place, read a page at a time by id (each page one short index range). */
@Component
class DwellingListing implements Dwellings {

    private final JdbcClient jdbc;

    DwellingListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long forEachUnder(String path, int batch, Consumer<List<Dwelling>> each) {
        int size = Math.max(1, batch);
        long after = 0;
        long count = 0;
        while (true) {
            List<Dwelling> page = jdbc.sql("""
                            select h.id, h.compound_code, h.path, h.building, h.unit_no, h.room from population_household h
                            where h.id > :after and (h.path = :path or h.path like :below)
                              and exists (select 1 from population_resident r where r.household_id = h.id and r.status = 'PRESENT')
                            order by h.id fetch first :size rows only""")
                    .param("after", after).param("path", path).param("below", path + "/%").param("size", size)
                    .query((rs, i) -> new Dwelling(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)))
                    .list();
            if (page.isEmpty()) {
                return count;
            }
            each.accept(page);
            count += page.size();
            after = page.get(page.size() - 1).id();
            if (page.size() < size) {
                return count;
            }
        }
    }
}
