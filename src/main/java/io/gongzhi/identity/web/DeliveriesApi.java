package io.gongzhi.identity.web;

import io.gongzhi.audit.Audit;
import io.gongzhi.identity.internal.Outbox;
import io.gongzhi.platform.Reactions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Messages not delivered and reactions not completed, for an administrator's tools; the twin of {@link DeliveryPages}. */
@RestController
@RequestMapping("/api/admin/deliveries")
@PreAuthorize("hasAuthority('deliveries.manage')")
class DeliveriesApi {

    record Deliveries(List<Outbox.Undelivered> messages, int givenUp, List<Reactions.Waiting> reactions) {
    }

    private final Outbox outbox;
    private final Reactions reactions;
    private final Audit audit;

    DeliveriesApi(Outbox outbox, Reactions reactions, Audit audit) {
        this.outbox = outbox;
        this.reactions = reactions;
        this.audit = audit;
    }

    @GetMapping
    Deliveries list() {
        return new Deliveries(outbox.undelivered(DeliveryPages.SHOWN), outbox.givenUp(), reactions.waiting(DeliveryPages.SHOWN));
    }

    /** Sends a message given up on again, with all its tries; 404 for one that is not given up on. */
    @PostMapping("/{id}/resend")
    ResponseEntity<Void> resend(@PathVariable long id) {
        DeliveryPages.resendOrRefuse(outbox, audit, id);
        return ResponseEntity.accepted().build();
    }
}
