package io.gongzhi.casework.web;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.internal.PublishedCases;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.casework.internal.Category;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spec's records (service, request, update) from the case loop's own, with w3 date-times. */
final class Open311Records {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Catalogue catalogue;
    private final MessageSource messages;

    Open311Records(Catalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    Map<String, Object> service(Category c) {
        var classes = catalogue.categories().stream().filter(k -> k.parentCode() == null)
                .collect(java.util.stream.Collectors.toMap(Category::code, k -> k.name(LocaleContextHolder.getLocale())));
        var record = new LinkedHashMap<String, Object>();
        record.put("service_code", c.code());
        record.put("service_name", c.name(LocaleContextHolder.getLocale()));
        record.put("description", notice(c));
        record.put("metadata", false);
        // blackbox: a client cannot follow these requests (they are never published). The answer
        // to a POST still carries the id: FixMyStreet's client takes a request without one (or a
        // token) as not sent, and would send it again.
        record.put("type", PublishedCases.publishes(c) ? "realtime" : "blackbox");
        record.put("keywords", c.nameZh() + ", " + c.nameEn());
        record.put("group", classes.getOrDefault(c.parentCode(), c.parentCode()));
        return record;
    }

    /** Who answers for the category and how fast. */
    String notice(Category c) {
        String department = catalogue.departments().stream().filter(d -> d.code().equals(c.department())).findFirst()
                .map(d -> d.name(LocaleContextHolder.getLocale())).orElse(c.department());
        return say("open311.notice." + c.timeLimit().name().toLowerCase(java.util.Locale.ROOT), department);
    }

    /** The cases as service requests, each with the media link its report came with, if any. */
    List<Map<String, Object>> requests(List<Case> found, Map<Long, String> mediaUrls) {
        return found.stream().map(c -> request(c, mediaUrls.get(c.id()))).toList();
    }

    Map<String, Object> request(Case c, String mediaUrl) {
        Category category = catalogue.category(c.category());
        var record = new LinkedHashMap<String, Object>();
        record.put("service_request_id", c.id());
        record.put("status", Open311Api.status(c.state()));
        record.put("status_notes", say("casework.state." + c.state().key()));
        record.put("service_name", category.name(LocaleContextHolder.getLocale()));
        record.put("service_code", c.category());
        record.put("description", c.description());
        record.put("agency_responsible", c.leadDepartment() == null ? null : department(c.leadDepartment()));
        record.put("service_notice", notice(category));
        record.put("requested_datetime", w3(c.reportedAt()));
        record.put("updated_datetime", w3(c.updatedAt()));
        record.put("expected_datetime", c.deadline() == null ? null : w3(c.deadline()));
        record.put("address", c.address().isEmpty() ? null : c.address());
        record.put("address_id", c.path().substring(c.path().lastIndexOf('/') + 1));
        record.put("zipcode", null);
        record.put("lat", c.lat());
        record.put("long", c.lon());
        record.put("media_url", mediaUrl);
        return record;
    }

    /**
     * A step as an update. Its status is the extended status FixMyStreet's Open311 updates use, so
     * such clients follow the loop rather than only open and closed.
     */
    Map<String, Object> update(PublishedCases.PublicStep s) {
        var record = new LinkedHashMap<String, Object>();
        record.put("update_id", s.id());
        record.put("service_request_id", s.caseId());
        record.put("status", extended(s.action(), s.to()));
        record.put("updated_datetime", w3(s.at()));
        String action = say("casework.action." + s.action().key());
        record.put("description", s.department() == null ? action : action + "：" + department(s.department()));
        record.put("media_url", null);
        return record;
    }

    static String extended(CaseAction action, CaseState to) {
        if (action == CaseAction.REOPEN) {
            return "OPEN";
        }
        return switch (to) {
            case REPORTED -> "OPEN";
            case ACCEPTED -> "INVESTIGATING";
            case DISPATCHED -> "ACTION_SCHEDULED";
            case HANDLING, FED_BACK -> "IN_PROGRESS";
            case CLOSED -> "FIXED";
            case REJECTED -> "NO_FURTHER_ACTION";
            case MERGED -> "DUPLICATE";
        };
    }

    private String department(String code) {
        return catalogue.departments().stream().filter(d -> d.code().equals(code)).findFirst()
                .map(d -> d.name(LocaleContextHolder.getLocale())).orElse(code);
    }

    static String w3(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).atZone(CHINA).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
