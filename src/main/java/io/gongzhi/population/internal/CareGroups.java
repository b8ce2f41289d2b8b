package io.gongzhi.population.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The care groups (the managed list): what residents may be counted in, and how often each is visited. */
@Service
public class CareGroups {

    private final JdbcClient jdbc;

    CareGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CareGroup> all() {
        return jdbc.sql("select code, name_zh, name_en, visit_days from population_care_group where active order by sort_order, code")
                .query((rs, n) -> new CareGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** The care groups by code, in list order: what pages and exports show for a resident's codes. */
    public Map<String, CareGroup> byCode() {
        var byCode = new LinkedHashMap<String, CareGroup>();
        all().forEach(g -> byCode.put(g.code(), g));
        return byCode;
    }

    /** Each care group's code and names, lower case, to its code: what forms and import rows may say. */
    public Map<String, String> names() {
        var names = new HashMap<String, String>();
        for (CareGroup g : all()) {
            names.put(g.code(), g.code());
            names.put(g.nameZh().toLowerCase(Locale.ROOT), g.code());
            names.put(g.nameEn().toLowerCase(Locale.ROOT), g.code());
        }
        return names;
    }
}
