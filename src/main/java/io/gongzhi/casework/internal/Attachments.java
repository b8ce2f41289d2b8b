package io.gongzhi.casework.internal;

import io.gongzhi.casework.Upload;

import io.gongzhi.shared.Digests;
import io.gongzhi.platform.FileStore;
import io.gongzhi.platform.files.FileKinds;
import io.gongzhi.platform.files.PhotoCheck;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Photos and documents brought by a step (the problem on a report, the work done on a
 * feedback). A step takes at most {@code gongzhi.casework.attachments.max-count} files of at
 * most {@code …max-bytes} each, and only JPEG, PNG, WebP or PDF, judged by the bytes themselves
 * (a script named {@code photo.jpg} is refused). A photo must be the whole picture it says it is
 * and of at most {@code …max-pixels} pixels ({@link PhotoCheck}), and is kept without its metadata
 * (the place and device a phone writes into it). The bytes go to the {@link FileStore} in the
 * step's own transaction, so a refused step keeps none of its files.
 */
@Service
public class Attachments {

    /** The form field and the problem-detail field the files come in. */
    public static final String FIELD = "photos";

    private final JdbcClient jdbc;
    private final FileStore files;
    private final long maxBytes;
    private final int maxCount;
    private final long maxPixels;

    Attachments(JdbcClient jdbc, FileStore files, @Value("${gongzhi.casework.attachments.max-bytes:10485760}") long maxBytes,
                @Value("${gongzhi.casework.attachments.max-count:9}") int maxCount,
                @Value("${gongzhi.casework.attachments.max-pixels:50000000}") long maxPixels) {
        this.jdbc = jdbc;
        this.files = files;
        this.maxBytes = maxBytes;
        this.maxCount = maxCount;
        this.maxPixels = maxPixels;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxCount() {
        return maxCount;
    }

    /** A file as it will be kept: the upload, and what checking it as a photo found (null when it was too big to look at). */
    public record Ready(Upload upload, PhotoCheck.Result picture) {

        /** A small JPEG to show in lists, or null. */
        byte[] thumbnail() {
            return picture == null ? null : picture.thumbnail();
        }
    }

    /**
     * The files as they will be kept, photos without their metadata (where and with what they
     * were taken: {@link io.gongzhi.platform.files.PhotoMetadata}), checked whole and with their thumbnails; worked out
     * before the step's transaction (decoding a photo takes a while, and the writers that commit
     * steps together must not wait for it).
     */
    public List<Ready> ready(List<Upload> uploads) {
        // more files than a step takes are refused for their number: decoding them first would only cost time
        boolean tooMany = uploads != null && uploads.size() > maxCount;
        return uploads == null ? List.of() : uploads.stream().map(u -> {
            var ready = FileKinds.ready(u.name(), u.content(), tooMany ? -1 : maxBytes, maxPixels);
            return new Ready(new Upload(u.name(), ready.content()), ready.picture());
        }).toList();
    }

    /** What is wrong with the files, every one of them; empty when all may be kept. */
    public List<Violation> check(List<Ready> files) {
        var problems = new ArrayList<Violation>();
        if (files.size() > maxCount) {
            problems.add(Violation.of(FIELD, "casework.attachment-too-many", maxCount));
        }
        for (Ready file : files) {
            FileKinds.problem(FIELD, "casework.attachment", new FileKinds.Ready(name(file.upload()), file.upload().content(), file.picture()),
                    maxBytes, maxPixels).ifPresent(problems::add);
        }
        return problems;
    }

    /** Keeps checked files with the step that brought them, in the caller's transaction. */
    public void keep(long caseId, long stepId, List<Ready> ready, Instant at) {
        for (Ready file : ready) {
            Upload upload = file.upload();
            String key = files.put(upload.content());
            String thumb = file.thumbnail() == null ? null : files.put(file.thumbnail());
            jdbc.sql("insert into casework_attachment (case_id, step_id, name, content_type, size, sha256, file_key, thumb_key, at) "
                            + "values (:c, :s, :n, :t, :size, :sha, :k, :thumb, :at)")
                    .param("c", caseId).param("s", stepId).param("n", name(upload)).param("t", type(upload.content()).orElseThrow())
                    .param("size", upload.content().length).param("sha", Digests.sha256Hex(upload.content())).param("k", key)
                    .param("thumb", thumb).param("at", Timestamp.from(at)).update();
        }
    }

    /** A case's files by the step that brought them, in upload order. */
    public Map<Long, List<Attachment>> byStep(long caseId) {
        var byStep = new LinkedHashMap<Long, List<Attachment>>();
        jdbc.sql("select id, step_id, name, content_type, size, at from casework_attachment where case_id = :c order by id")
                .param("c", caseId)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant()))
                .list().forEach(a -> byStep.computeIfAbsent(a.stepId(), k -> new ArrayList<>()).add(a));
        return byStep;
    }

    /** A file and its bytes. */
    public record Content(Attachment attachment, byte[] bytes) {
    }

    /**
     * The file {@code id} if it belongs to one of {@code visible} (the timeline as the caller
     * may see it, from {@link CaseQueries#steps}): whoever may not see a step may not open its files.
     * When {@code small}, a photo's thumbnail if it has one (a JPEG at most 320 pixels across).
     */
    public Optional<Content> open(List<Step> visible, long id, boolean small) {
        var found = visible.stream().flatMap(s -> s.attachments().stream()).filter(a -> a.id() == id).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Attachment a = found.get();
        String[] keys = jdbc.sql("select file_key, thumb_key from casework_attachment where id = :id").param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        if (small && keys[1] != null) {
            return files.get(keys[1]).map(b -> new Content(new Attachment(a.id(), a.stepId(), a.name(), "image/jpeg", b.length, a.at()), b));
        }
        return files.get(keys[0]).map(b -> new Content(a, b));
    }

    /** What the bytes are, from their first bytes; empty for anything not accepted. */
    public static Optional<String> type(byte[] b) {
        return FileKinds.type(b);
    }

    /** The file's own name without the folders a browser may send, control characters or more than 200 characters. */
    private static String name(Upload upload) {
        return FileKinds.name(upload.name());
    }
}
