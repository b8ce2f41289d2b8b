package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.AcknowledgementCurves;
import io.gongzhi.emergency.internal.Amendments;
import io.gongzhi.emergency.internal.Answers;
import io.gongzhi.emergency.internal.DirectiveFiles;
import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.platform.files.HttpFiles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.NonResponders;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.Map;

/**
 * Directives down the command chain: issue one from one's own place, follow it level by level,
 * and acknowledge and report it for the units one looks after (safe to send again).
 */
@RestController
@RequestMapping("/api/emergency/directives")
@Tag(name = "emergency")
class DirectivesApi {

    private final Directives directives;
    private final Answers answers;
    private final DirectiveFiles directiveFiles;
    private final Amendments amendments;
    private final AcknowledgementCurves curves;
    private final DirectiveProgress progress;
    private final NonResponders nonResponders;

    DirectivesApi(Directives directives, DirectiveFiles directiveFiles, Answers answers, Amendments amendments, AcknowledgementCurves curves, DirectiveProgress progress,
                  NonResponders nonResponders) {
        this.directives = directives;
        this.answers = answers;
        this.directiveFiles = directiveFiles;
        this.amendments = amendments;
        this.curves = curves;
        this.progress = progress;
        this.nonResponders = nonResponders;
    }

    @GetMapping("/{id}/silent")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "The units below a place (default: the issuer, or the caller's own place) that have not acknowledged, with the places above them and whom to call (phones masked); audited")
    List<NonResponders.Silent> silent(@PathVariable long id, @RequestParam(required = false) String unit) {
        return nonResponders.below(id, unit, Actor.current());
    }

    record Lists(List<DirectiveProgress.Item> inbox, List<DirectiveProgress.Item> issued) {
    }

    /** @param units the units to acknowledge for; empty or absent: every one of the caller's that has not yet */
    record Acknowledgement(List<String> units) {
    }

    /** @param values the report form's fields by key (f1, f2 …): yes/no as true/false or 1/0, whole numbers, text */
    record Report(String unit, String report, Map<String, String> values) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "The directives reaching the caller's places (with the counts of the caller's units) and those issued from them")
    Lists list() {
        Actor actor = Actor.current();
        return new Lists(progress.inbox(actor, 100), progress.issued(actor, 100));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('directive.issue')")
    @Operation(summary = "Issue a directive from one's own place to every unit below it down to a level (COMPOUND unless told), or to chosen units below it (units) and everything under them; optionally with a report form (form: label, type YES_NO, NUMBER or TEXT, required)")
    Directives.Directive issue(@RequestBody Directives.Issue issue) {
        return directives.issue(issue, Actor.current());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('directive.issue')")
    @Operation(summary = "Issue a directive with files: the part 'directive' is the JSON as for a directive without files, each part 'files' a PDF, JPEG, "
            + "PNG or WebP (at most 5, 10 MB each by default); a refused file issues nothing (400 naming it)")
    Directives.Directive issueWithFiles(@RequestPart("directive") Directives.Issue issue,
                                        @RequestPart(value = DirectiveFiles.FIELD, required = false) List<MultipartFile> parts) {
        var files = directiveFiles.prepare(HttpFiles.of(parts));
        return directiveFiles.issue(issue, files, Actor.current());
    }

    @GetMapping("/{id}/files")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "The files issued with a directive")
    List<DirectiveFiles.File> files(@PathVariable long id) {
        directives.visible(id, Actor.current());
        return directiveFiles.of(id);
    }

    @GetMapping("/{id}/files/{file}")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "A file issued with a directive, as its own type")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long file) {
        var content = directiveFiles.open(id, file, Actor.current());
        return HttpFiles.answer(content.file().name(), content.file().contentType(), content.bytes());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "A directive issued inside the caller's places or reaching into them")
    Directives.Directive one(@PathVariable long id) {
        return directives.visible(id, Actor.current());
    }

    @GetMapping("/{id}/tree")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "How far a directive has got below a place (default: the issuer, or the caller's own place): each child with its units, acknowledged, reported, silent")
    DirectiveProgress.Tree tree(@PathVariable long id, @RequestParam(required = false) String unit) {
        return progress.tree(id, unit, Actor.current());
    }

    @GetMapping("/{id}/mine")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    @Operation(summary = "The caller's units among a directive's recipients, with what each has answered")
    List<Answers.Recipient> mine(@PathVariable long id) {
        directives.visible(id, Actor.current());
        return answers.mine(id, Actor.current());
    }

    @PostMapping("/{id}/acknowledgements")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    @Operation(summary = "Acknowledge (收到) for the caller's units; a retry acknowledges nothing twice and answers 0")
    Map<String, Integer> acknowledge(@PathVariable long id, @RequestBody(required = false) Acknowledgement a) {
        return Map.of("acknowledged", answers.acknowledge(id, a == null || a.units() == null ? List.of() : a.units(), Actor.current()));
    }

    @PostMapping("/{id}/reports")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    @Operation(summary = "Report a directive done (落实) for one of the caller's units; the same report again is accepted, another is 409")
    Map<String, String> report(@PathVariable long id, @RequestBody Report r) {
        answers.report(id, r.unit(), r.values(), r.report(), Actor.current());
        return Map.of("unit", r.unit().strip(), "state", "reported");
    }

    @PostMapping("/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('directive.issue')")
    @Operation(summary = "Follow a directive up from its issuing place: to every unit it reached (ALL), or to those that had not acknowledged (UNACKNOWLEDGED) or reported (UNREPORTED)")
    Directives.Directive followUp(@PathVariable long id, @RequestBody Directives.FollowUp followUp) {
        return directives.followUp(id, followUp, Actor.current());
    }

    @PostMapping("/{id}/amendments")
    @PreAuthorize("hasAuthority('directive.issue')")
    @Operation(summary = "Amend a directive from its issuing place: add text, move a deadline later (hours), with a reason; every recipient hears of it")
    Directives.Directive amend(@PathVariable long id, @RequestBody Amendments.Amend amend) {
        return amendments.amend(id, amend, Actor.current());
    }

    @GetMapping("/{id}/amendments")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "A directive's amendments, oldest first")
    List<Amendments.Amendment> amendments(@PathVariable long id) {
        directives.visible(id, Actor.current());
        return amendments.of(id);
    }

    @GetMapping("/{id}/curve")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "How acknowledgements and reports came in over time below a place (default: as for the tree), in at most 48 steps")
    AcknowledgementCurves.Curve curve(@PathVariable long id, @RequestParam(required = false) String unit) {
        var tree = progress.tree(id, unit, Actor.current());
        return curves.of(directives.visible(id, Actor.current()), tree.unit().path(), tree.totals().total());
    }
}
