package io.gongzhi.casework.web;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.casework.internal.Category;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.internal.PublishedCases;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Locator;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Open311 GeoReport v2 (services, service definitions, requests, tokens, and the
 * {@code servicerequestupdates} extension) in XML and JSON. A service is a reportable
 * category; {@code jurisdiction_id} is optional and names the city or one district; posting
 * needs an {@code api_key}, which is an API token of an account allowed to report
 * ({@code case.report}). The answer to a POST carries the service_request_id, so no token is
 * ever issued. Disputes and welfare cases are never published: their services are blackbox.
 */
@RestController
@RequestMapping(Open311Api.ROOT)
@Tag(name = "open311")
class Open311Api {

    static final String ROOT = "/open311/v2";

    private final Catalogue catalogue;
    private final Cases cases;
    private final PublishedCases queries;
    private final Hierarchy hierarchy;
    private final Locator locator;
    private final CaseQueries caseQueries;
    private final Open311Records records;
    private final Open311Errors errors;
    private final Open311Arguments arguments;

    Open311Api(Catalogue catalogue, Cases cases, PublishedCases queries, Hierarchy hierarchy, Locator locator, MessageSource messages,
               Clock clock, CaseQueries caseQueries, Open311Errors errors) {
        this.catalogue = catalogue;
        this.cases = cases;
        this.queries = queries;
        this.hierarchy = hierarchy;
        this.locator = locator;
        this.caseQueries = caseQueries;
        this.records = new Open311Records(catalogue, messages);
        this.errors = errors;
        this.arguments = new Open311Arguments(errors, clock);
    }

    private ResponseEntity<String> answer(String format, Supplier<ResponseEntity<String>> work) {
        return errors.answer(format, work);
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
        throw errors.refusal(HttpStatus.NOT_FOUND, "open311.jurisdiction-unknown", id);
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
            throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.service-code-missing");
        }
        try {
            Category category = catalogue.category(code.strip());
            if (category.reportable()) {
                return category;
            }
        } catch (NotFound missing) {
            // answered below
        }
        throw errors.refusal(HttpStatus.NOT_FOUND, "open311.service-unknown", code);
    }

    @PostMapping("/requests.{format:json|xml}")
    @Operation(summary = "GeoReport v2: create a service request (form fields; api_key required)")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam Map<String, String> given) {
        Map<String, String> form = Open311Arguments.passed(given);
        return answer(format, () -> {
            Actor actor = Actor.current();
            if (!actor.may("case.report")) {
                throw errors.refusal(HttpStatus.FORBIDDEN, "open311.api-key");
            }
            Jurisdiction where = jurisdiction(form.get("jurisdiction_id"));
            Category category = service(form.get("service_code"));
            var problems = new ArrayList<String>();
            Location at = location(form, where, problems);
            Double lat = at.lat();
            Double lon = at.lon();
            String address = form.get("address_string");
            String place = at.place();
            String description = form.getOrDefault("description", "");
            if (description.length() > 4000) {
                problems.add(errors.say("open311.description-too-long", 4000));
            }
            if (!problems.isEmpty()) {
                throw new Open311Errors.Refusal(HttpStatus.BAD_REQUEST, problems);
            }
            String path = where.isEverywhere() ? "" : pathOf(lon, lat, place);
            if (!path.isEmpty() && !where.covers(path)) {
                throw errors.refusal(HttpStatus.BAD_REQUEST, "open311.outside-jurisdiction");
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

    /** Where a request says it is: coordinates, a place's code, or (an address alone) the named district. */
    private record Location(Double lat, Double lon, String place) {
    }

    /** The request's coordinates or place, checked; what is wrong with them is added to {@code problems}. */
    private Location location(Map<String, String> form, Jurisdiction where, List<String> problems) {
        Double lat = arguments.coordinate(form.get("lat"), "lat", -90, 90, problems);
        Double lon = arguments.coordinate(form.get("long"), "long", -180, 180, problems);
        String place = form.get("address_id");
        if ((lat == null) != (lon == null) && problems.isEmpty()) {
            problems.add(errors.say("open311.lat-long-together"));
        }
        if (lat == null && lon == null && place == null) {
            if (form.get("address_string") != null && !where.isEverywhere()) {
                // an address alone cannot be located here: it lands in the named district, for the dispatcher to place
                place = where.paths().iterator().next().code();
            } else if (problems.isEmpty()) {
                problems.add(errors.say("open311.location-missing"));
            }
        }
        return new Location(lat, lon, place);
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

    @GetMapping("/tokens/{token}.{format:json|xml}")
    @Operation(summary = "GeoReport v2: a request id from a token (none are issued: requests are realtime)")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        return answer(format, () -> {
            jurisdiction(jurisdiction);
            throw errors.refusal(HttpStatus.NOT_FOUND, "open311.token-unknown", token);
        });
    }

    @GetMapping("/requests/{id}.{format:json|xml}")
    @Operation(summary = "GeoReport v2: one service request")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        return answer(format, () -> {
            Jurisdiction where = jurisdiction(jurisdiction);
            // a path that is not one number names no request, like a number that names none
            var found = Open311Arguments.id(id).map(number -> queries.published(
                    new PublishedCases.PublicFilter(List.of(number), null, null, null, null, where, 0, 1))).orElse(List.of());
            if (found.isEmpty()) {
                throw errors.refusal(HttpStatus.NOT_FOUND, "open311.request-unknown", id);
            }
            return GeoReport.list(format, HttpStatus.OK, "service_requests", "request", records.requests(found, mediaUrls(found)));
        });
    }

    @GetMapping("/requests.{format:json|xml}")
    @Operation(summary = "GeoReport v2: service requests (default: the last 90 days, at most 1,000; extension: page (from 1) and page_size)")
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> given) {
        Map<String, String> query = Open311Arguments.passed(given);
        return answer(format, () -> {
            Jurisdiction where = jurisdiction(query.get("jurisdiction_id"));
            List<Long> ids = arguments.ids(query.get("service_request_id"));
            List<String> codes = Open311Arguments.split(query.get("service_code"));
            Instant[] window = arguments.window(query.get("start_date"), query.get("end_date"));
            Boolean open = arguments.status(query.get("status"));
            int page = arguments.number(query.get("page"), "page", 1, Integer.MAX_VALUE, 1);
            int size = arguments.number(query.get("page_size"), "page_size", 1, 1000, 1000);
            var found = queries.published(new PublishedCases.PublicFilter(ids, codes, window[0], window[1], open, where, page - 1, size));
            return GeoReport.list(format, HttpStatus.OK, "service_requests", "request", records.requests(found, mediaUrls(found)));
        });
    }

    private Map<Long, String> mediaUrls(List<Case> found) {
        return caseQueries.mediaUrls(found.stream().map(Case::id).toList());
    }

    @GetMapping("/servicerequestupdates.{format:json|xml}")
    @Operation(summary = "Extension: the steps taken on published requests between start_date and end_date (default: the last 24 hours)")
    ResponseEntity<String> updates(@PathVariable String format, @RequestParam Map<String, String> given) {
        Map<String, String> query = Open311Arguments.passed(given);
        return answer(format, () -> {
            Jurisdiction where = jurisdiction(query.get("jurisdiction_id"));
            Instant[] window = arguments.updatesWindow(query.get("start_date"), query.get("end_date"));
            var steps = queries.publishedSteps(window[0], window[1], where, 1000);
            return GeoReport.list(format, HttpStatus.OK, "service_request_updates", "request_update", steps.stream().map(records::update).toList());
        });
    }

    /** Whether the case counts as open for Open311 (everything not finished). */
    static String status(CaseState state) {
        return state.open() ? "open" : "closed";
    }
}
