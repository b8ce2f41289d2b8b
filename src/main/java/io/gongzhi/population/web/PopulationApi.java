package io.gongzhi.population.web;

import io.gongzhi.population.internal.CareGroups;
import io.gongzhi.population.internal.Residents;
import io.gongzhi.population.internal.Address;
import io.gongzhi.population.internal.CareGroup;
import io.gongzhi.population.internal.Criteria;
import io.gongzhi.population.internal.Household;
import io.gongzhi.population.internal.Move;
import io.gongzhi.population.internal.PopulationStatistics;
import io.gongzhi.population.internal.Registration;
import io.gongzhi.population.internal.Registry;
import io.gongzhi.population.internal.Resident;
import io.gongzhi.population.internal.ResidentForm;
import io.gongzhi.population.internal.ResidentPage;
import io.gongzhi.population.internal.ResidentStatus;
import io.gongzhi.population.internal.Visit;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The population registry over REST: the twin of the community and grid workers' pages, scoped to the caller's jurisdiction. */
@RestController
@RequestMapping("/api/population")
@Tag(name = "population")
class PopulationApi {

    private final Registry registry;
    private final Residents residents;
    private final CareGroups careGroups;
    private final PopulationStatistics statistics;
    private final io.gongzhi.population.internal.PopulationImports imports;

    PopulationApi(Registry registry, Residents residents, CareGroups careGroups, PopulationStatistics statistics, io.gongzhi.population.internal.PopulationImports imports) {
        this.registry = registry;
        this.residents = residents;
        this.careGroups = careGroups;
        this.statistics = statistics;
        this.imports = imports;
    }

    @PostMapping(value = "/imports", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('person.write')")
    @Operation(summary = "Import residents from an .xlsx or .csv (the page's template); checked whole first (INVALID: problems and errorReport, "
            + "an .xlsx in Base64), then written in chunks under key; the same key resumes and never imports twice")
    io.gongzhi.population.internal.ImportReport importFile(@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                                                  @RequestParam(defaultValue = "") String key, java.util.Locale locale) throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(Violation.of("file", "person.import.no-file"));
        }
        return imports.run(file.getBytes(), file.getOriginalFilename(), key, io.gongzhi.population.internal.PopulationImports.DEFAULT_CHUNK,
                Actor.current(), locale, io.gongzhi.shared.Progress.NONE);
    }

    record NewResident(Address address, ResidentForm resident) {
    }

    record Change(int version, ResidentForm resident) {
    }

    record MoveOut(String day, ResidentStatus status, String reason) {
    }

    record Transfer(Address address, String day, String reason) {
    }

    record Unmask(Registry.Field field, String reason) {
    }

    record Unmasked(String value) {
    }

    record NewVisit(String day, String note) {
    }

    @GetMapping("/residents")
    @PreAuthorize("hasAuthority('person.read')")
    @Operation(summary = "Residents in your jurisdiction: q is a name (prefix), an ID, passport or phone number; within a grid, compound or community code; numbers are masked")
    ResidentPage search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String within,
                        @RequestParam(defaultValue = "") String care, @RequestParam(required = false) Registration registration,
                        @RequestParam(required = false) Integer ageFrom, @RequestParam(required = false) Integer ageTo,
                        @RequestParam(defaultValue = "PRESENT") ResidentStatus status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return residents.search(new Criteria(q, within, care, registration, ageFrom, ageTo, status), Actor.current(), page, size);
    }

    @GetMapping("/residents/{id}")
    @PreAuthorize("hasAuthority('person.read')")
    @Operation(summary = "One resident, numbers masked")
    Resident resident(@PathVariable long id) {
        return residents.resident(id, Actor.current().jurisdiction());
    }

    @GetMapping("/residents/{id}/moves")
    @PreAuthorize("hasAuthority('person.read')")
    @Operation(summary = "The resident's moves in, out and between households, oldest first")
    List<Move> moves(@PathVariable long id) {
        return residents.moves(id, Actor.current().jurisdiction());
    }

    @GetMapping("/residents/{id}/visits")
    @PreAuthorize("hasAuthority('person.read')")
    @Operation(summary = "Visits to the resident, newest first")
    List<Visit> visits(@PathVariable long id) {
        return residents.visits(id, Actor.current().jurisdiction());
    }

    @PostMapping("/residents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('person.write')")
    @Operation(summary = "Register a resident at an address (a move in); the household is created when new")
    Resident register(@RequestBody NewResident body) {
        return registry.register(body.address() == null ? new Address(null, null, null, null) : body.address(), form(body.resident()),
                Actor.current());
    }

    @PutMapping("/residents/{id}")
    @PreAuthorize("hasAuthority('person.write')")
    @Operation(summary = "Change a resident's details; version is the one read (a stale version is refused)")
    Resident update(@PathVariable long id, @RequestBody Change body) {
        return registry.update(id, body.version(), form(body.resident()), Actor.current());
    }

    @PostMapping("/residents/{id}/move-out")
    @PreAuthorize("hasAuthority('person.write')")
    @Operation(summary = "The resident moved away (MOVED_OUT) or died (DECEASED) on day")
    Resident moveOut(@PathVariable long id, @RequestBody MoveOut body) {
        return registry.moveOut(id, day(body.day()), body.status() == null ? ResidentStatus.MOVED_OUT : body.status(), body.reason(),
                Actor.current());
    }

    @PostMapping("/residents/{id}/transfer")
    @PreAuthorize("hasAuthority('person.write')")
    @Operation(summary = "The resident moved to another address in your jurisdiction on day")
    Resident transfer(@PathVariable long id, @RequestBody Transfer body) {
        return registry.transfer(id, body.address() == null ? new Address(null, null, null, null) : body.address(), day(body.day()),
                body.reason(), Actor.current());
    }

    @PostMapping("/residents/{id}/unmask")
    @PreAuthorize("hasAuthority('person.unmask')")
    @Operation(summary = "The full ID or phone number, with a reason; written to the audit log")
    Unmasked unmask(@PathVariable long id, @RequestBody Unmask body) {
        if (body.field() == null) {
            throw new InvalidInput(Violation.of("field", "person.required"));
        }
        return new Unmasked(registry.unmask(id, body.field(), body.reason(), Actor.current()));
    }

    @PostMapping("/residents/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('person.write')")
    @Operation(summary = "Record a visit with a note (day defaults to today)")
    Visit visit(@PathVariable long id, @RequestBody NewVisit body) {
        return registry.visit(id, body.day() == null || body.day().isBlank() ? registry.today() : day(body.day()), body.note(),
                Actor.current());
    }

    @GetMapping("/households/{id}")
    @PreAuthorize("hasAuthority('person.read')")
    @Operation(summary = "A household with its residents and former residents")
    Household household(@PathVariable long id) {
        return residents.household(id, Actor.current().jurisdiction());
    }

    @GetMapping("/visits-due")
    @PreAuthorize("hasAuthority('person.read')")
    @Operation(summary = "Residents in care groups who are due a visit, most overdue first")
    List<Residents.Due> due(@RequestParam(defaultValue = "100") int limit) {
        return residents.visitsDue(Actor.current().jurisdiction(), Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/care-groups")
    @PreAuthorize("hasAuthority('person.read')")
    @Operation(summary = "The managed list of care groups")
    List<CareGroup> careGroups() {
        return careGroups.all();
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAuthority('person.statistics')")
    @Operation(summary = "Counts for a place in your jurisdiction: residents, households, by child place and care group, age pyramid, registration mix")
    PopulationStatistics.Figures statistics(@RequestParam String unit) {
        return statistics.of(unit, Actor.current().jurisdiction());
    }

    private static ResidentForm form(ResidentForm form) {
        return form == null ? new ResidentForm(null, null, null, null, null, null, null, null, null, null, null, null) : form;
    }

    static LocalDate day(String text) {
        return ResidentForm.date(text).orElseThrow(() -> new InvalidInput(Violation.of("day", "person.date-invalid", text == null ? "" : text)));
    }
}
