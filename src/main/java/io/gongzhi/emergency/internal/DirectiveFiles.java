package io.gongzhi.emergency.internal;

import io.gongzhi.platform.FileStore;
import io.gongzhi.platform.files.FileKinds;
import io.gongzhi.platform.files.HttpFiles;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Digests;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Files issued with a directive: at most {@code gongzhi.emergency.attachments.max-count} (5) of
 * at most {@code …max-bytes} (10 MB) each, JPEG, PNG, WebP or PDF judged by their bytes, a photo
 * whole and without its metadata; kept in the issuing transaction (a refused directive keeps none
 * and a refused file issues nothing); read by whoever may read the directive.
 */
@Service
public class DirectiveFiles {

    /** The form field and the problem-detail field the files come in. */
    public static final String FIELD = "files";

    /** A file of a directive, as listed. */
    public record File(long id, String name, String contentType, long size) {
        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** A file and its bytes. */
    public record Content(File file, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final FileStore store;
    private final Directives directives;
    private final Clock clock;
    private final long maxBytes;
    private final int maxCount;
    private final long maxPixels;

    DirectiveFiles(JdbcClient jdbc, FileStore store, Directives directives, Clock clock,
                   @Value("${gongzhi.emergency.attachments.max-bytes:10485760}") long maxBytes,
                   @Value("${gongzhi.emergency.attachments.max-count:5}") int maxCount,
                   @Value("${gongzhi.emergency.attachments.max-pixels:50000000}") long maxPixels) {
        this.jdbc = jdbc;
        this.store = store;
        this.directives = directives;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxCount = maxCount;
        this.maxPixels = maxPixels;
    }

    /** The files as they will be kept, checked before the issuing transaction (decoding a photo takes a while). */
    public List<FileKinds.Ready> prepare(List<HttpFiles.Part> parts) {
        return parts.stream().map(p -> FileKinds.ready(p.name(), p.content(), maxBytes, maxPixels)).toList();
    }

    /** Issues the directive with its files, or neither: every file's problem is named before anything is issued. */
    @Transactional
    public Directives.Directive issue(Directives.Issue in, List<FileKinds.Ready> files, Actor actor) {
        var problems = new ArrayList<Violation>();
        if (files.size() > maxCount) {
            problems.add(Violation.of(FIELD, "emergency.attachment-too-many", maxCount));
        }
        files.forEach(f -> FileKinds.problem(FIELD, "emergency.attachment", f, maxBytes, maxPixels).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var d = directives.issue(in, actor);
        Instant now = clock.instant();
        for (FileKinds.Ready f : files) {
            jdbc.sql("insert into emergency_attachment (directive_id, name, content_type, size, sha256, file_key, at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(d.id(), f.name(), FileKinds.type(f.content()).orElseThrow(), f.content().length, Digests.sha256Hex(f.content()),
                            store.put(f.content()), Timestamp.from(now)).update();
        }
        return d;
    }

    /** The files of a directive, in the order they were given. */
    public List<File> of(long id) {
        return jdbc.sql("select id, name, content_type, size from emergency_attachment where directive_id = ? order by id").param(id)
                .query((rs, n) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** A file of a directive {@code actor} may read; any other answers as absent. */
    public Content open(long id, long file, Actor actor) {
        directives.visible(id, actor);
        Optional<Content> found = jdbc.sql("select id, name, content_type, size, file_key from emergency_attachment where directive_id = ? and id = ?")
                .params(id, file).query((rs, n) -> new Object[] {new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                        rs.getString(5)}).optional()
                .flatMap(row -> store.get((String) row[1]).map(bytes -> new Content((File) row[0], bytes)));
        return found.orElseThrow(() -> new NotFound("emergency.attachment-not-found", "directive " + id + " file " + file));
    }
}
