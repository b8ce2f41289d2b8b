package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.Notice;
import io.gongzhi.identity.Notices;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /api/notices}: my notices, in my language; and {@code /api/me/delivery}: how they reach me beyond the app. */
@RestController
@Tag(name = "identity")
class NoticesApi {

    /** A notice as read: its text in the caller's language, where it leads, when, and whether it was read. */
    record NoticeView(long id, String code, String text, String link, Instant createdAt, Instant readAt) {
    }

    record DeliveryChange(String phone, String email, Boolean sms, Boolean byEmail) {
    }

    private final Notices notices;
    private final MessageSource messages;

    NoticesApi(Notices notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping("/api/notices")
    @Operation(summary = "My notices, newest first (unread=true: only those not yet read; before=ID: those older than that notice, the next page)")
    List<NoticeView> list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int size,
                          @RequestParam(required = false) Long before) {
        return notices.of(Actor.current().accountId(), unread, size, before).stream().map(this::view).toList();
    }

    @GetMapping("/api/notices/unread")
    @Operation(summary = "How many of my notices are unread")
    Map<String, Integer> unread() {
        return Map.of("unread", notices.unread(Actor.current().accountId()));
    }

    @PostMapping("/api/notices/{id}/read")
    @Operation(summary = "Mark one of my notices read; 404 for a notice that is not mine")
    Map<String, String> read(@PathVariable long id) {
        String link = notices.open(Actor.current().accountId(), id).orElseThrow(() -> new NotFound("notices.not-found", "notice " + id));
        return Map.of("link", link);
    }

    @PostMapping("/api/notices/read-all")
    @Operation(summary = "Mark all my notices read")
    Map<String, Integer> readAll() {
        return Map.of("read", notices.readAll(Actor.current().accountId()));
    }

    @GetMapping("/api/me/delivery")
    @Operation(summary = "How my notices reach me beyond the app (the mobile number masked)")
    Notices.Delivery delivery() {
        return notices.delivery(Actor.current().accountId());
    }

    @PutMapping("/api/me/delivery")
    @Operation(summary = "Set the mobile number and e-mail address for notices, and whether to send them by SMS and e-mail "
            + "(a blank phone keeps the number given before)")
    Notices.Delivery setDelivery(@RequestBody DeliveryChange change) {
        return notices.setDelivery(Actor.current().accountId(), change.phone(), change.email(), Boolean.TRUE.equals(change.sms()),
                Boolean.TRUE.equals(change.byEmail()));
    }

    private NoticeView view(Notice n) {
        return new NoticeView(n.id(), n.code(), messages.getMessage(n.code(), n.args().toArray(), n.code(), LocaleContextHolder.getLocale()),
                n.link(), n.createdAt(), n.readAt());
    }
}
