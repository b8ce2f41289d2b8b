package io.gongzhi.audit.internal;

import io.gongzhi.audit.AuditRecord;
import io.gongzhi.audit.ChainReport;
import io.gongzhi.platform.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The heads of the log written where the database cannot rewrite them: every hour (and with
 * every export) one line with each chain's last sequence number and a keyed digest of those rows'
 * hashes goes to the application log and to {@code audit-checkpoints.log} in the data directory.
 * Someone who deletes the newest rows and moves the heads back leaves a chain that checks out on
 * its own; against an earlier checkpoint the rows it names are gone. Lines name the log they
 * belong to ({@code audit_identity}), so a data directory shared by several databases is fine.
 */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    static final String MARK = "gongzhi-audit-checkpoint";
    public static final String FILE = "audit-checkpoints.log";

    private final AuditStore store;
    private final JdbcClient jdbc;
    private final Sealing sealing;
    private final Clock clock;
    private final Path file;

    Checkpoints(AuditStore store, JdbcClient jdbc, Sealing sealing, Clock clock, @Value("${gongzhi.data-dir:./data}") String dataDir) {
        this.store = store;
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.clock = clock;
        this.file = Path.of(dataDir, FILE);
    }

    /** One checkpoint: when, which log, each chain's last sequence number, and the keyed digest of those rows. */
    public record Checkpoint(Instant at, String logId, long[] seqs, String digest) {

        public String line() {
            var seqText = new StringBuilder();
            for (int i = 0; i < seqs.length; i++) {
                seqText.append(i == 0 ? "" : ",").append(seqs[i]);
            }
            return MARK + " v1 " + at + " " + logId + " " + seqText + " " + digest;
        }

        static Optional<Checkpoint> parse(String line) {
            String[] p = line.strip().split(" ");
            int start = List.of(p).indexOf(MARK);
            if (start < 0 || p.length < start + 6 || !p[start + 1].equals("v1")) {
                return Optional.empty();
            }
            try {
                String[] parts = p[start + 4].split(",");
                long[] seqs = new long[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    seqs[i] = Long.parseLong(parts[i]);
                }
                return Optional.of(new Checkpoint(Instant.parse(p[start + 2]), p[start + 3], seqs, p[start + 5]));
            } catch (RuntimeException garbled) {
                return Optional.empty();
            }
        }
    }

    @Scheduled(fixedDelayString = "${gongzhi.audit.checkpoint-every:PT1H}", initialDelayString = "${gongzhi.audit.checkpoint-first:PT1M}")
    void scheduled() {
        write();
    }

    /** Takes a checkpoint now and writes it to the log and the data directory's file. */
    public Checkpoint write() {
        Checkpoint c = take();
        log.info("{}", c.line());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, c.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Could not write the audit checkpoint to {}: {}", file.toAbsolutePath(), e.getMessage());
        }
        return c;
    }

    public Checkpoint take() {
        var heads = store.heads();
        long[] seqs = new long[heads.size()];
        var hashes = new ArrayList<String>();
        for (AuditStore.Head h : heads) {
            seqs[h.chain()] = h.seq();
            hashes.add(h.hash());
        }
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = logId();
        return new Checkpoint(at, id, seqs, digest(at, id, seqs, hashes));
    }

    /** The checkpoints of this log found in {@code files} (missing files are skipped). */
    public List<Checkpoint> read(List<Path> files) {
        String id = logId();
        var found = new ArrayList<Checkpoint>();
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Checkpoint.parse(line).filter(c -> c.logId().equals(id)).ifPresent(found::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The data directory's file. */
    public Path file() {
        return file;
    }

    /** What the log no longer holds of each checkpoint: rows it named that are gone, or a digest that does not match. */
    public List<ChainReport.Problem> check(List<Checkpoint> checkpoints) {
        var problems = new ArrayList<ChainReport.Problem>();
        for (Checkpoint c : checkpoints) {
            var hashes = new ArrayList<String>();
            boolean complete = true;
            for (int chain = 0; chain < c.seqs().length; chain++) {
                long seq = c.seqs()[chain];
                if (seq == 0) {
                    hashes.add(ChainHash.GENESIS);
                    continue;
                }
                Optional<AuditRecord> row = store.at(chain, seq);
                if (row.isEmpty()) {
                    problems.add(new ChainReport.Problem(chain, seq, null, "behind-checkpoint", c.at()));
                    complete = false;
                } else {
                    hashes.add(row.get().hash());
                }
            }
            if (complete && !digest(c.at(), c.logId(), c.seqs(), hashes).equals(c.digest())) {
                problems.add(new ChainReport.Problem(-1, 0, null, "checkpoint-mismatch", c.at()));
            }
        }
        return problems;
    }

    private String logId() {
        return jdbc.sql("select log_id from audit_identity").query(String.class).single().strip();
    }

    private String digest(Instant at, String logId, long[] seqs, List<String> hashes) {
        Mac mac = sealing.mac("audit-checkpoint");
        mac.update((at + "|" + logId).getBytes(StandardCharsets.UTF_8));
        for (int chain = 0; chain < seqs.length; chain++) {
            mac.update(("|" + chain + ":" + seqs[chain] + ":" + hashes.get(chain)).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
