package io.gongzhi.audit;

import java.time.Instant;

/**
 * One row of the operation log.
 *
 * @param object what was acted on, as {@code kind:id} (e.g. {@code account:42}); never personal information
 * @param detail a reason given (e.g. for unmasking) or counts; never personal information
 * @param client the client's network address
 * @param prevId the id of the row before it in its chain (null before the chain was keyed, and for a chain's first row)
 * @param keyed  whether the hash is keyed (HMAC); rows written before the key was used carry plain SHA-256
 */
public record AuditRecord(long id, int chain, long seq, Instant at, String account, Long accountId, String roles,
                          String jurisdiction, String action, String object, Outcome outcome, String client,
                          String detail, String prevHash, String hash, Long prevId, boolean keyed) {
}
