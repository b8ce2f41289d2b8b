package io.gongzhi.platform.internal;

import io.gongzhi.platform.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** {@link FileStore} in the application's own database: one row per file. */
@Component
class DatabaseFileStore implements FileStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    DatabaseFileStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String put(byte[] content) {
        String key = UUID.randomUUID().toString();
        jdbc.sql("insert into platform_file (file_key, content, size, created_at) values (:k, :c, :s, :at)")
                .param("k", key).param("c", content).param("s", content.length).param("at", Timestamp.from(clock.instant())).update();
        return key;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return jdbc.sql("select content from platform_file where file_key = :k").param("k", key).query(byte[].class).optional();
    }
}
