package io.gongzhi.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The role that owns the tables ({@code GONGZHI_DB_OWNER}), apart from the application's own,
 * which owns nothing (see {@code gongzhi database init}). Migrations run as the owner; so does
 * work that must change the tables' objects themselves, such as a bulk load setting indexes aside.
 * Without an owner configured (the embedded database, or one role for everything) the pool's
 * connections serve.
 */
@Component
public class DatabaseOwner {

    private final String url;
    private final String user;
    private final String password;
    private final DataSource pool;

    DatabaseOwner(@Value("${spring.datasource.url}") String url, @Value("${gongzhi.db.owner:}") String user,
                  @Value("${gongzhi.db.owner-password:}") String password, DataSource pool) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.pool = pool;
    }

    /** Whether a separate owner is configured. */
    public boolean configured() {
        return !user.isBlank();
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A connection as the owner, or of the pool when none is configured; the caller closes it. */
    public Connection connect() throws SQLException {
        return configured() ? DriverManager.getConnection(url, user, password) : pool.getConnection();
    }
}
