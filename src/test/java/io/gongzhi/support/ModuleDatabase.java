package io.gongzhi.support;

/**
 * The database of a module test: an embedded one of its own, whichever database the rest of the
 * suite runs on. A module test starts only some modules, and with them only their migrations (a
 * module may bring one written in Java); on the database the other tests share it would leave
 * the schema short of the others' migrations.
 */
public final class ModuleDatabase {

    private ModuleDatabase() {
    }

    /** Properties for {@code @TestPropertySource}: the H2 database named after the module follows this prefix. */
    public static final String URL = "spring.datasource.url=jdbc:h2:mem:module-";
    public static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    public static final String USER = "spring.datasource.username=sa";
    public static final String PASSWORD = "spring.datasource.password=";
    public static final String NO_OWNER = "gongzhi.db.owner=";
}
