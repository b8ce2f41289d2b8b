package io.gongzhi.population.web;

import io.gongzhi.population.internal.ImportReport;
import io.gongzhi.population.internal.PopulationImports;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports started from the page run in the background so the page can show a progress bar; a
 * job is visible only to the account that started it. The durable progress is the import's key
 * in the database: if this node stops, the same upload with the same key resumes.
 */
@Component
class ImportJobs {

    /** A job's state, read by the page while it runs. */
    public static final class Job implements Progress {
        final String id;
        final Long owner;
        final String fileName;
        volatile long total = -1;
        volatile long done;
        volatile ImportReport report;
        volatile InvalidInput refused;
        volatile String failure;

        Job(String id, Long owner, String fileName) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
        }

        @Override
        public void start(String task, long total) {
            this.total = total;
            this.done = 0;
        }

        @Override
        public void advance(long units) {
            done += units;
        }

        @Override
        public void finish() {
        }

        public boolean finished() {
            return report != null || refused != null || failure != null;
        }

        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }

        public String getId() {
            return id;
        }

        public String getFileName() {
            return fileName;
        }

        public ImportReport getReport() {
            return report;
        }

        public InvalidInput getRefused() {
            return refused;
        }

        public String getFailure() {
            return failure;
        }

        public long getDone() {
            return done;
        }

        public long getTotal() {
            return total;
        }
    }

    private final PopulationImports imports;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "population-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(PopulationImports imports) {
        this.imports = imports;
    }

    Job start(byte[] file, String fileName, String key, Actor actor, Locale locale) {
        var job = new Job(UUID.randomUUID().toString(), actor.accountId(), fileName);
        jobs.put(job.id, job);
        runner.submit(() -> {
            try {
                job.report = imports.run(file, fileName, key, PopulationImports.DEFAULT_CHUNK, actor, locale, job);
            } catch (InvalidInput invalid) {
                job.refused = invalid;
            } catch (RuntimeException e) {
                job.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        });
        return job;
    }

    Job of(String id, Actor actor) {
        Job job = jobs.get(id);
        if (job == null || actor.accountId() == null || !actor.accountId().equals(job.owner)) {
            throw new io.gongzhi.shared.NotFound("person.import.not-found", "import " + id);
        }
        return job;
    }
}
