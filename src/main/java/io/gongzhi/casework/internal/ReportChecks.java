package io.gongzhi.casework.internal;

import io.gongzhi.casework.Cases;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Locator;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report must be before it becomes a case: a category that may be reported in, a
 * description, texts within their lengths, a place inside the city (and inside a staff
 * reporter's jurisdiction), a channel, a mobile number and a media link that are what they say.
 * Every problem is named at once, with the field it is about.
 */
@Component
public class ReportChecks {

    /** A report as it will be kept: stripped, cleaned of what XML cannot carry, its place found. */
    public record Checked(Category category, String description, String path, String address, String reporterName, String contact,
                          String mediaUrl) {
    }

    private final Catalogue catalogue;
    private final Hierarchy hierarchy;
    private final Locator locator;
    private final CaseRules rules;

    ReportChecks(Catalogue catalogue, Hierarchy hierarchy, Locator locator, CaseRules rules) {
        this.catalogue = catalogue;
        this.hierarchy = hierarchy;
        this.locator = locator;
        this.rules = rules;
    }

    /** The report as it will be kept, or {@link InvalidInput} naming every problem (the files' among them). */
    public Checked check(Cases.Report asGiven, Actor actor, List<Violation> fileProblems) {
        // characters XML 1.0 cannot carry go: the text is published as XML (Open311), where one would spoil every list holding the case
        var report = new Cases.Report(asGiven.category(), XmlCharacters.keep(asGiven.description()), asGiven.lon(), asGiven.lat(),
                asGiven.place(), XmlCharacters.keep(asGiven.address()), asGiven.channel(), XmlCharacters.keep(asGiven.reporterName()),
                asGiven.contactPhone(), asGiven.mediaUrl());
        var problems = new ArrayList<>(fileProblems);
        Category category = reportable(report.category(), problems);
        checkTexts(report, problems);
        String contact = ReporterLinks.mobile(report.contactPhone(), problems);
        String mediaUrl = mediaUrl(report.mediaUrl(), problems);
        String path = place(report, problems);
        if (path != null && rules.staff(actor) && !actor.jurisdiction().covers(path)) {
            problems.add(Violation.of("place", "casework.outside-jurisdiction"));
        }
        if (report.channel() == null) {
            problems.add(Violation.of("channel", "casework.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Checked(category, stripped(report.description()), path, stripped(report.address()), stripped(report.reporterName()),
                contact, mediaUrl);
    }

    private static String stripped(String text) {
        return text == null ? "" : text.strip();
    }

    /** The category a report names, if it exists and may be reported in; null (and a problem) otherwise. */
    private Category reportable(String code, List<Violation> problems) {
        try {
            Category category = catalogue.category(code);
            if (!category.reportable()) {
                problems.add(Violation.of("category", "casework.category-not-reportable", code));
            }
            return category;
        } catch (NotFound missing) {
            problems.add(Violation.of("category", code == null || code.isBlank() ? "casework.required" : "casework.category-unknown", code));
            return null;
        }
    }

    /** A description is required; description, address and the reporter's name within their lengths. */
    private static void checkTexts(Cases.Report report, List<Violation> problems) {
        String description = stripped(report.description());
        if (description.isEmpty()) {
            problems.add(Violation.of("description", "casework.required"));
        } else if (description.length() > 4000) {
            problems.add(Violation.of("description", "casework.too-long", 4000));
        }
        if (report.address() != null && report.address().length() > 400) {
            problems.add(Violation.of("address", "casework.too-long", 400));
        }
        if (report.reporterName() != null && report.reporterName().length() > 60) {
            problems.add(Violation.of("reporterName", "casework.too-long", 60));
        }
    }

    /** A link to media held elsewhere: an absolute http(s) address of at most {@link Cases#MAX_MEDIA_URL} characters; null for none. */
    private static String mediaUrl(String raw, List<Violation> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (url.length() > Cases.MAX_MEDIA_URL) {
            problems.add(Violation.of("mediaUrl", "casework.too-long", Cases.MAX_MEDIA_URL));
            return null;
        }
        try {
            var uri = new URI(url);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return url;
            }
        } catch (URISyntaxException notAnAddress) {
            // answered below
        }
        problems.add(Violation.of("mediaUrl", "casework.media-url-invalid"));
        return null;
    }

    /** The finest place the report lies in: from the coordinates when given, else from the place code. */
    private String place(Cases.Report report, List<Violation> problems) {
        if (report.lon() != null || report.lat() != null) {
            return located(report.lon(), report.lat(), problems);
        }
        if (report.place() == null || report.place().isBlank()) {
            problems.add(Violation.of("place", "casework.location-required"));
            return null;
        }
        String given = report.place().strip();
        try {
            return hierarchy.unit(given).path();
        } catch (NotFound notACode) {
            return named(given, problems);
        }
    }

    /** A place given by its name (as the report form's place search fills it in): the one community, grid or compound so named. */
    private String named(String name, List<Violation> problems) {
        var named = hierarchy.search(name, 20).stream()
                .filter(u -> u.level().compareTo(io.gongzhi.geography.Level.COMMUNITY) >= 0)
                .filter(u -> name.equals(u.displayName()) || name.equals(u.name())).toList();
        if (named.size() == 1) {
            return named.get(0).path();
        }
        // what looks like a code was meant as one
        String unknown = name.matches("[0-9A-Za-z]+") ? "casework.place-unknown" : "casework.place-name-unknown";
        problems.add(Violation.of("place", named.isEmpty() ? unknown : "casework.place-ambiguous", name));
        return null;
    }

    private String located(Double lon, Double lat, List<Violation> problems) {
        if (lon == null || lat == null) {
            problems.add(Violation.of(lon == null ? "lon" : "lat", "casework.location-half"));
            return null;
        }
        try {
            var location = locator.locate(lon, lat);
            if (location.isEmpty()) {
                problems.add(Violation.of("lon", "casework.outside-city"));
                return null;
            }
            return hierarchy.unit(location.get().finest().code()).path();
        } catch (InvalidInput bad) {
            problems.addAll(bad.violations());
            return null;
        }
    }
}
