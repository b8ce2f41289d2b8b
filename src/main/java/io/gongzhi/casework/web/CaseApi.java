package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.NoticesOfActedCases;
import io.gongzhi.casework.internal.Attachments;
import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.Rating;
import io.gongzhi.casework.internal.Step;
import io.gongzhi.casework.Upload;
import io.gongzhi.shared.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Cases over REST. Staff work on the cases of their jurisdiction under {@code /api/cases} (what
 * each may do is the step's party, checked per case); anyone who reported follows their own
 * reports under {@code /api/my/cases}, where they rate and reopen.
 */
@RestController
@Tag(name = "casework")
class CaseApi {

    /**
     * A report: a category, a description, and where: lon/lat (WGS84) or a place code. Staff reporting for
     * someone without an account give their name and mobile number: the closing reaches them by SMS with a link to rate it.
     */
    record NewCase(String category, String description, Double lon, Double lat, String place, String address, String channel,
                   String reporterName, String contactPhone) {
    }

    /** A step: the action (e.g. {@code accept}, {@code dispatch}, {@code feedback}) and what it needs. */
    record NewStep(String action, String note, String department, List<String> coHandlers, List<String> departments, Integer days,
                   Integer hours, Rating rating, Long parent, Integer version) {
    }

    private final Cases cases;
    private final CaseQueries queries;
    private final Attachments attachments;
    private final io.gongzhi.geography.Hierarchy hierarchy;
    private final java.time.Clock clock;
    private final NoticesOfActedCases acted;

    CaseApi(Cases cases, CaseQueries queries, Attachments attachments, io.gongzhi.geography.Hierarchy hierarchy, java.time.Clock clock,
            NoticesOfActedCases acted) {
        this.acted = acted;
        this.cases = cases;
        this.attachments = attachments;
        this.queries = queries;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    @PostMapping("/api/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "Report a case; staff report inside their jurisdiction (channel GRID, or HOTLINE for a dispatcher taking a call), "
            + "residents anywhere in the city")
    Case report(@RequestBody NewCase body) {
        return report(body, List.of());
    }

    @PostMapping(path = "/api/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "Report a case with photos: the part 'case' is the JSON report, each part 'photos' a JPEG, PNG, WebP or PDF "
            + "(at most 9, 10 MB each by default; a photo whole and of at most 50 megapixels, else 400 casework.attachment-broken "
            + "or casework.attachment-too-many-pixels)")
    Case reportWithPhotos(@RequestPart("case") NewCase body, @RequestPart(value = Attachments.FIELD, required = false) List<MultipartFile> photos) {
        return report(body, Uploads.of(photos));
    }

    private Case report(NewCase body, List<Upload> photos) {
        if (body == null) {
            throw new InvalidInput(Violation.of("category", "casework.required"));
        }
        Actor actor = Actor.current();
        Channel channel = channel(body.channel(), actor);
        return cases.report(new Cases.Report(body.category(), body.description(), body.lon(), body.lat(), body.place(), body.address(),
                channel, body.reporterName(), channel == Channel.RESIDENT ? null : body.contactPhone()), actor, photos);
    }

    private static Channel channel(String asked, Actor actor) {
        // one who reports but may not read the area's cases reports for themselves, as a resident
        if (!actor.may("case.read")) {
            return Channel.RESIDENT;
        }
        if ("HOTLINE".equalsIgnoreCase(asked == null ? "" : asked.strip())) {
            if (!actor.may("case.dispatch")) {
                throw new InvalidInput(Violation.of("channel", "casework.channel-not-yours"));
            }
            return Channel.HOTLINE;
        }
        return Channel.GRID;
    }

    @GetMapping("/api/cases")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "Cases you may see, newest first (overdue=true: the most overdue first); department staff see their departments' cases; "
            + "todo=true: only those waiting for your step (a dispatcher's to accept, dispatch or decide, a department's inbox, a community's to verify); "
            + "within: the code of one of your places, only cases reported at it or below it")
    CaseQueries.CasePage list(@RequestParam(required = false) CaseState state, @RequestParam(required = false) Boolean overdue,
                              @RequestParam(required = false) String department, @RequestParam(required = false) String category,
                              @RequestParam(required = false) Boolean pending, @RequestParam(required = false) Boolean todo,
                              @RequestParam(required = false) String within,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Actor actor = Actor.current();
        String place = PlaceFilter.path(hierarchy, actor.jurisdiction(), within);
        return queries.list(new CaseQueries.Filter(state, overdue, department, category, null, pending, todo, place), actor, page, size);
    }

    @GetMapping("/api/cases/{id}")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "One case with the departments on it")
    Case one(@PathVariable long id) {
        return queries.get(id, Actor.current());
    }

    @GetMapping("/api/cases/{id}/steps")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "The case's timeline, oldest step first")
    List<Step> steps(@PathVariable long id) {
        return queries.steps(id, Actor.current());
    }

    @GetMapping("/api/cases/similar")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "Before reporting: open cases of the category within 50 m (or at the same place) reported in the last 24 hours")
    List<Case> similar(@RequestParam String category, @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
                       @RequestParam(required = false) String place) {
        return queries.similar(category, lon, lat, place == null || place.isBlank() ? null : hierarchy.unit(place.strip()).path(),
                clock.instant(), -1, Actor.current());
    }

    @GetMapping("/api/cases/{id}/similar")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "Open cases that may be the same problem as this one (to merge it into): same category, 50 m, 24 hours")
    List<Case> similarTo(@PathVariable long id) {
        Case c = queries.get(id, Actor.current());
        return queries.similar(c.category(), c.lon(), c.lat(), c.path(), c.reportedAt(), c.id(), Actor.current());
    }

    @PostMapping("/api/cases/{id}/steps")
    @PreAuthorize("hasAnyAuthority('case.dispatch', 'case.handle', 'case.verify')")
    @Operation(summary = "Take a step: 403 when the step is another party's, 409 when the case is not ready for it (or changed since version)")
    Case act(@PathVariable long id, @RequestBody NewStep body) {
        return acted.read(Actor.current(), cases.act(id, command(body), Actor.current()));
    }

    @PostMapping(path = "/api/cases/{id}/steps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyAuthority('case.dispatch', 'case.handle', 'case.verify')")
    @Operation(summary = "Take a step with files (e.g. photos of the work done with a feedback): the part 'step' is the JSON step, "
            + "each part 'photos' a file; a refused file refuses the step")
    Case actWithPhotos(@PathVariable long id, @RequestPart("step") NewStep body,
                       @RequestPart(value = Attachments.FIELD, required = false) List<MultipartFile> photos) {
        return acted.read(Actor.current(), cases.act(id, command(body), Actor.current(), Uploads.of(photos)));
    }

    @GetMapping("/api/cases/{id}/attachments/{file}")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "A file of a case's timeline (its id is in the step's attachments), as its own type; "
            + "thumb=true: a photo's thumbnail (JPEG, at most 320 pixels across) when it has one")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long file, @RequestParam(defaultValue = "false") boolean thumb) {
        return open(id, file, thumb, Actor.current());
    }

    @GetMapping("/api/my/cases/{id}/attachments/{file}")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "A file of a case you reported, from a step shown to you")
    ResponseEntity<byte[]> myFile(@PathVariable long id, @PathVariable long file, @RequestParam(defaultValue = "false") boolean thumb) {
        return open(id, file, thumb, CaseQueries.asReporter(Actor.current()));
    }

    private ResponseEntity<byte[]> open(long id, long file, boolean thumb, Actor actor) {
        return Uploads.answer(attachments.open(queries.steps(id, actor), file, thumb)
                .orElseThrow(() -> new NotFound("casework.attachment-not-found", "case " + id + " file " + file)));
    }

    @GetMapping("/api/my/cases")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "The cases you reported, newest first")
    CaseQueries.CasePage mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.list(new CaseQueries.Filter(null, null, null, null, true, null), CaseQueries.asReporter(Actor.current()), page, size);
    }

    @GetMapping("/api/my/cases/{id}")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "One case you reported")
    Case myOne(@PathVariable long id) {
        return queries.get(id, CaseQueries.asReporter(Actor.current()));
    }

    @GetMapping("/api/my/cases/{id}/steps")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "The timeline of a case you reported")
    List<Step> mySteps(@PathVariable long id) {
        return queries.steps(id, CaseQueries.asReporter(Actor.current()));
    }

    @PostMapping("/api/my/cases/{id}/steps")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "Rate a closed case you reported (rate), or reopen it within the reopening period (reopen, with a reason)")
    Case myStep(@PathVariable long id, @RequestBody NewStep body) {
        return acted.read(Actor.current(), cases.act(id, command(body), CaseQueries.asReporter(Actor.current())));
    }

    @PostMapping(path = "/api/my/cases/{id}/steps", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "Reopen a case you reported with photos showing the problem is back (parts 'step' and 'photos')")
    Case myStepWithPhotos(@PathVariable long id, @RequestPart("step") NewStep body,
                          @RequestPart(value = Attachments.FIELD, required = false) List<MultipartFile> photos) {
        return acted.read(Actor.current(), cases.act(id, command(body), CaseQueries.asReporter(Actor.current()), Uploads.of(photos)));
    }


    private static Cases.Command command(NewStep body) {
        if (body == null) {
            throw new InvalidInput(Violation.of("action", "casework.required"));
        }
        CaseAction action = CaseAction.parse(body.action())
                .filter(a -> a.party().isPresent())
                .orElseThrow(() -> new InvalidInput(Violation.of("action", body.action() == null || body.action().isBlank()
                        ? "casework.required" : "casework.action-unknown", String.valueOf(body.action()))));
        return new Cases.Command(action, body.note(), body.department(), body.coHandlers(), body.departments(), body.days(), body.hours(),
                body.rating(), body.parent(), body.version());
    }
}
