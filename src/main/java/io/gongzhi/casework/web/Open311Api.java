package io.gongzhi.casework.web;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseQueries;
import io.gongzhi.casework.PublishedCases;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Catalogue;
import io.gongzhi.casework.Category;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.internal.XmlCharacters;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Open311 GeoReport v2 (services, service definitions, requests, tokens, and the
 * {@code servicerequestupdates} extension) in XML and JSON. A service is a reportable
 * category; {@code jurisdiction_id} is optional and names the city or one district; posting
 * needs an {@code api_key}, which is an API token of an account allowed to report
 * ({@code case.report}). Requests are realtime: the answer carries the service_request_id, so
 * no token is ever issued. Disputes and welfare cases are never published.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "open311")
class Open311Api {

    static final Duration WINDOW = Duration.ofDays(90);

    private final Catalogue catalogue;
    private final Cases cases;
    private final PublishedCases queries;
    private final Hierarchy hierarchy;
    private final io.gongzhi.geography.Locator locator;
    private final MessageSource messages;
    private final Clock clock;
    private final Open311Records records;
    private final CaseQueries caseQueries;

    Open311Api(Catalogue catalogue, Cases cases, PublishedCases queries, Hierarchy hierarchy, io.gongzhi.geography.Locator locator,
               MessageSource messages, Clock clock, CaseQueries caseQueries) {
        this.locator = locator;
        this.caseQueries = caseQueries;
        this.catalogue = catalogue;
        this.cases = cases;
        this.queries = queries;
        this.hierarchy = hierarchy;
        this.messages = messages;
        this.clock = clock;
        this.records = new Open311Records(catalogue, messages);
    }

    /** A refusal in the spec's error format. */
    static final class Refusal extends RuntimeException {
        final HttpStatus status;
        final List<String> descriptions;

        Refusal(HttpStatus status, List<String> descriptions) {
            super(String.join("; ", descriptions));
            this.status = status;
            this.descriptions = descriptions;
        }
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private ResponseEntity<String> answer(String format, java.util.function.Supplier<ResponseEntity<String>> work) {
        try {
            return work.get();
        } catch (Refusal r) {
            return GeoReport.errors(format, r.status, r.descriptions);
        } catch (InvalidInput bad) {
            return GeoReport.errors(format, HttpStatus.BAD_REQUEST, bad.violations().stream()
                    .map(v -> (v.where() == null ? "" : v.where() + ": ") + say(v.code(), v.args().toArray())).toList());
        }
    }

    /** The city, or the district {@code jurisdiction_id} names (404 for anything else). */
    private Jurisdiction jurisdiction(String id) {
        if (id == null || id.isBlank()) {
            return Jurisdiction.EVERYWHERE;
        }
        try {
            var unit = hierarchy.unit(id.strip());
            if (unit.level() == Level.CITY || unit.level() == Level.DISTRICT) {
                return Jurisdiction.of(RegionPath.of(unit.path()));
            }
        } catch (NotFound | IllegalArgumentException missing) {
            // answered below
        }
        throw new Refusal(HttpStatus.NOT_FOUND, List.of(say("open311.jurisdiction-unknown", id)));
    }

    @GetMapping("/services.{format:json|xml}")
    @Operation(summary = "GeoReport v2: the service list (reportable categories)")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        return answer(format, () -> {
            jurisdiction(jurisdiction);
            return GeoReport.list(format, HttpStatus.OK, "services", "service",
                    catalogue.categories().stream().filter(Category::reportable).map(records::service).toList());
        });
    }

    @GetMapping("/services/{code}.{format:json|xml}")
    @Operation(summary = "GeoReport v2: a service definition (no extra attributes are asked for)")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        return answer(format, () -> {
            jurisdiction(jurisdiction);
            Category category = service(code);
            var record = new LinkedHashMap<String, Object>();
            record.put("service_code", category.code());
            record.put("attributes", List.of());
            return GeoReport.one(format, "service_definition", record);
        });
    }

    private Category service(String code) {
        if (code == null || code.isBlank()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.service-code-missing")));
        }
        try {
            Category category = catalogue.category(code.strip());
            if (category.reportable()) {
                return category;
            }
        } catch (NotFound missing) {
            // answered below
        }
        throw new Refusal(HttpStatus.NOT_FOUND, List.of(say("open311.service-unknown", code)));
    }

    @PostMapping("/requests.{format:json|xml}")
    @Operation(summary = "GeoReport v2: create a service request (form fields; api_key required)")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam Map<String, String> given) {
        Map<String, String> form = arguments(given);
        return answer(format, () -> {
            Actor actor = Actor.current();
            if (!actor.may("case.report")) {
                throw new Refusal(HttpStatus.FORBIDDEN, List.of(say("open311.api-key")));
            }
            Jurisdiction where = jurisdiction(form.get("jurisdiction_id"));
            Category category = service(form.get("service_code"));
            var problems = new ArrayList<String>();
            Double lat = coordinate(form.get("lat"), "lat", -90, 90, problems);
            Double lon = coordinate(form.get("long"), "long", -180, 180, problems);
            String address = blankToNull(form.get("address_string"));
            String place = blankToNull(form.get("address_id"));
            if ((lat == null) != (lon == null) && problems.isEmpty()) {
                problems.add(say("open311.lat-long-together"));
            }
            if (lat == null && lon == null && place == null) {
                if (address != null && !where.isEverywhere()) {
                    // an address alone cannot be located here: it lands in the named district, for the dispatcher to place
                    place = where.paths().iterator().next().code();
                } else if (problems.isEmpty()) {
                    problems.add(say("open311.location-missing"));
                }
            }
            String description = form.getOrDefault("description", "").strip();
            if (description.length() > 4000) {
                problems.add(say("open311.description-too-long", 4000));
            }
            if (!problems.isEmpty()) {
                throw new Refusal(HttpStatus.BAD_REQUEST, problems);
            }
            String path = where.isEverywhere() ? "" : pathOf(lon, lat, place);
            if (!path.isEmpty() && !where.covers(path)) {
                throw new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.outside-jurisdiction")));
            }
            String name = (form.getOrDefault("last_name", "") + form.getOrDefault("first_name", "")).strip();
            Case created = cases.report(new Cases.Report(category.code(), description.isEmpty() ? category.name(Locale.CHINA) : description,
                    lon, lat, place, address, Channel.OPEN311, name.length() > 60 ? name.substring(0, 60) : name, form.get("phone"),
                    form.get("media_url")), actor);
            var record = new LinkedHashMap<String, Object>();
            record.put("service_request_id", created.id());
            record.put("service_notice", records.notice(category));
            record.put("account_id", null);
            return GeoReport.list(format, HttpStatus.OK, "service_requests", "request", List.of(record));
        });
    }

    /** Where the request will be placed, to hold it to the named district before anything is written ("" when unknown). */
    private String pathOf(Double lon, Double lat, String place) {
        try {
            if (lon != null && lat != null) {
                return locator.locate(lon, lat).map(l -> hierarchy.unit(l.finest().code()).path()).orElse("");
            }
            return place == null ? "" : hierarchy.unit(place).path();
        } catch (NotFound | InvalidInput unknown) {
            // the report itself names what is wrong
            return "";
        }
    }

    private Double coordinate(String text, String field, double min, double max, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value >= min && value <= max)) {
                problems.add(say("open311.coordinate-range", field, min, max));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(say("open311.coordinate-number", field));
            return null;
        }
    }

    /**
     * The arguments as the spec means them: one passed empty (or blank) is one not passed, and the
     * characters XML 1.0 cannot carry are dropped, as they are kept, published and repeated in XML answers.
     */
    private static Map<String, String> arguments(Map<String, String> given) {
        var passed = new LinkedHashMap<String, String>();
        given.forEach((name, value) -> {
            String kept = XmlCharacters.keep(value);
            if (kept != null && !kept.isBlank()) {
                passed.put(name, kept);
            }
        });
        return passed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/tokens/{token}.{format:json|xml}")
    @Operation(summary = "GeoReport v2: a request id from a token (none are issued: requests are realtime)")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        return answer(format, () -> {
            jurisdiction(jurisdiction);
            throw new Refusal(HttpStatus.NOT_FOUND, List.of(say("open311.token-unknown", token)));
        });
    }

    @GetMapping("/requests/{id}.{format:json|xml}")
    @Operation(summary = "GeoReport v2: one service request")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        return answer(format, () -> {
            Jurisdiction where = jurisdiction(jurisdiction);
            long number = ids(id).stream().findFirst()
                    .orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.request-id", id))));
            var found = queries.published(new PublishedCases.PublicFilter(List.of(number), null, null, null, null, where, 0, 1));
            if (found.isEmpty()) {
                throw new Refusal(HttpStatus.NOT_FOUND, List.of(say("open311.request-unknown", id)));
            }
            return GeoReport.list(format, HttpStatus.OK, "service_requests", "request", records.requests(found, caseQueries.mediaUrls(found.stream().map(Case::id).toList())));
        });
    }

    @GetMapping("/requests.{format:json|xml}")
    @Operation(summary = "GeoReport v2: service requests (default: the last 90 days, at most 1,000; extension: page (from 1) and page_size)")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> given) {
        Map<String, String> query = arguments(given);
        return answer(format, () -> {
            Jurisdiction where = jurisdiction(query.get("jurisdiction_id"));
            List<Long> ids = ids(query.get("service_request_id"));
            List<String> codes = split(query.get("service_code"));
            Instant[] window = window(query.get("start_date"), query.get("end_date"));
            Boolean open = status(query.get("status"));
            int page = number(query.get("page"), "page", 1, Integer.MAX_VALUE, 1);
            int size = number(query.get("page_size"), "page_size", 1, 1000, 1000);
            var found = queries.published(new PublishedCases.PublicFilter(ids, codes, window[0], window[1], open, where, page - 1, size));
            return GeoReport.list(format, HttpStatus.OK, "service_requests", "request", records.requests(found, caseQueries.mediaUrls(found.stream().map(Case::id).toList())));
        });
    }

    @GetMapping("/servicerequestupdates.{format:json|xml}")
    @Operation(summary = "Extension: the steps taken on published requests between start_date and end_date (default: the last 24 hours)")
    ResponseEntity<String> updates(@PathVariable String format, @RequestParam Map<String, String> given) {
        Map<String, String> query = arguments(given);
        return answer(format, () -> {
            Jurisdiction where = jurisdiction(query.get("jurisdiction_id"));
            Instant end = query.get("end_date") == null ? clock.instant() : Open311Records.dateTime(query.get("end_date"), "end_date", this::say);
            Instant start = query.get("start_date") == null ? end.minus(Duration.ofDays(1))
                    : Open311Records.dateTime(query.get("start_date"), "start_date", this::say);
            checkWindow(start, end);
            var steps = queries.publishedSteps(start, end, where, 1000);
            return GeoReport.list(format, HttpStatus.OK, "service_request_updates", "request_update", steps.stream().map(records::update).toList());
        });
    }

    private Instant[] window(String from, String to) {
        Instant now = clock.instant();
        Instant start = from == null || from.isBlank() ? null : Open311Records.dateTime(from, "start_date", this::say);
        Instant end = to == null || to.isBlank() ? null : Open311Records.dateTime(to, "end_date", this::say);
        if (start == null && end == null) {
            end = now;
        }
        if (start == null) {
            start = end.minus(WINDOW);
        }
        if (end == null) {
            end = start.plus(WINDOW);
        }
        checkWindow(start, end);
        return new Instant[] {start, end};
    }

    private void checkWindow(Instant start, Instant end) {
        if (end.isBefore(start)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.window-backwards")));
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.window-too-long", 90)));
        }
    }

    private Boolean status(String text) {
        var wanted = split(text);
        if (wanted.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.status-unknown", text)));
        }
        return wanted.size() == 1 ? wanted.get(0).equals("open") : null;
    }

    /** A comma list of ids; empty when it names none (a list of nothing filters nothing, as service_code's and status's). */
    private List<Long> ids(String text) {
        var ids = new ArrayList<Long>();
        for (String part : split(text)) {
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.request-id", part)));
            }
        }
        return ids;
    }

    private int number(String text, String field, int min, int max, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Refusal(HttpStatus.BAD_REQUEST, List.of(say("open311.number", field, min, max)));
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the case counts as open for Open311 (everything not finished). */
    static String status(CaseState state) {
        return state.open() ? "open" : "closed";
    }
}
