package io.gongzhi.screening.web;

import io.gongzhi.platform.Refusals;
import io.gongzhi.screening.internal.Campaigns;
import io.gongzhi.screening.internal.Coverage;
import io.gongzhi.screening.internal.Rounds;
import io.gongzhi.screening.internal.VisitForm;
import io.gongzhi.screening.internal.Visits;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Door-to-door screening over HTTP: plan a campaign with its visit form, open its rounds, follow
 * coverage level by level, and, from phones, read one's list of households and send visits in
 * batches (each visit with a key of its own, so sending a batch again changes nothing).
 */
@RestController
@RequestMapping("/api/screening")
@Tag(name = "screening")
class ScreeningApi {

    /** A batch of visits as a phone sends it. */
    record Batch(List<Visits.Sent> visits) {
    }

    /** One refusal of a visit: where, its stable code, and why in the caller's language. */
    record Problem(String field, String code, String message) {
    }

    /** What became of one visit of a batch. */
    record VisitAnswer(String key, Visits.Status status, String state, List<String> anomalies, List<Problem> problems) {
    }

    record BatchAnswer(int recorded, int already, int refused, List<VisitAnswer> results) {
    }

    private final Campaigns campaigns;
    private final Rounds rounds;
    private final Visits visits;
    private final Coverage coverage;
    private final Refusals refusals;
    /**
     * Batches worked on at once ({@code gongzhi.screening.batch-turns}, 4): checking and writing 50
     * visits keeps a core busy, so more at once only shares the two cores more thinly, and the
     * coverage a command centre reads waits behind them; the rest wait their turn, first come first served.
     */
    private final Semaphore batchTurns;

    ScreeningApi(Campaigns campaigns, Rounds rounds, Visits visits, Coverage coverage, Refusals refusals,
                 @Value("${gongzhi.screening.batch-turns:4}") int batchTurns) {
        this.batchTurns = new Semaphore(Math.max(1, batchTurns), true);
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.visits = visits;
        this.coverage = coverage;
        this.refusals = refusals;
    }

    @GetMapping("/campaigns")
    @PreAuthorize("hasAuthority('screening.read')")
    @Operation(summary = "The campaigns over or inside the caller's places, newest first, with their rounds")
    List<Campaigns.Campaign> campaigns() {
        return campaigns.visible(Actor.current(), 100);
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('screening.plan')")
    @Operation(summary = "Plan a campaign over one of the caller's places (city to community) with its visit form: fields and anomaly rules as data")
    Campaigns.Campaign plan(@RequestBody Campaigns.Plan plan) {
        return campaigns.plan(plan, Actor.current());
    }

    @GetMapping("/campaigns/{id}")
    @PreAuthorize("hasAuthority('screening.read')")
    @Operation(summary = "A campaign with its rounds")
    Campaigns.Campaign campaign(@PathVariable long id) {
        return campaigns.get(id, Actor.current());
    }

    @GetMapping("/campaigns/{id}/form")
    @PreAuthorize("hasAuthority('screening.read')")
    @Operation(summary = "The campaign's visit form as it stands: what a phone asks and which answers make an anomaly")
    VisitForm form(@PathVariable long id) {
        return campaigns.currentForm(id, Actor.current());
    }

    @PostMapping("/campaigns/{id}/forms")
    @PreAuthorize("hasAuthority('screening.plan')")
    @Operation(summary = "Replace the campaign's visit form by a new version, for the rounds opened from now on")
    Campaigns.Campaign newForm(@PathVariable long id, @RequestBody VisitForm.Definition form) {
        return campaigns.newForm(id, form, Actor.current());
    }

    @PostMapping("/campaigns/{id}/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('screening.plan')")
    @Operation(summary = "Open the campaign's next round (after the last one's days): every household in its scope gets a task in its grid")
    Rounds.Round open(@PathVariable long id, @RequestBody Rounds.Schedule schedule) {
        return rounds.open(id, schedule, Actor.current());
    }

    @GetMapping("/rounds/{id}/coverage")
    @PreAuthorize("hasAuthority('screening.read')")
    @Operation(summary = "A round's coverage at a place (default: the campaign's scope or the caller's place in it) and each of its children")
    Coverage.View coverage(@PathVariable long id, @RequestParam(required = false) String unit) {
        return coverage.view(id, unit, Actor.current());
    }

    @GetMapping("/rounds/{id}/tasks")
    @PreAuthorize("hasAuthority('screening.visit')")
    @Operation(summary = "The households of a grid or compound to visit in the round, in walking order, with their state")
    List<Coverage.Task> tasks(@PathVariable long id, @RequestParam String unit) {
        return coverage.tasks(id, unit, Actor.current());
    }

    @PostMapping("/rounds/{id}/visits")
    @PreAuthorize("hasAuthority('screening.visit')")
    @Operation(summary = "Send visits in a batch (at most 200), each with a key the phone made: a key kept before changes nothing and answers "
            + "ALREADY; each visit gets its own answer")
    BatchAnswer visits(@PathVariable long id, @RequestBody Batch batch) throws InterruptedException {
        List<Visits.Result> recorded;
        batchTurns.acquire();
        try {
            recorded = visits.record(id, batch.visits(), Actor.current());
        } finally {
            batchTurns.release();
        }
        var results = recorded.stream()
                .map(r -> new VisitAnswer(r.key(), r.status(), r.state(), r.anomalies(),
                        r.problems().stream().map(v -> new Problem(v.where(), v.code(), refusals.message(v))).toList()))
                .toList();
        return new BatchAnswer(count(results, Visits.Status.RECORDED), count(results, Visits.Status.ALREADY), count(results, Visits.Status.REFUSED),
                results);
    }

    private static int count(List<VisitAnswer> results, Visits.Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
