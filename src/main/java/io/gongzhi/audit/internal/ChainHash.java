package io.gongzhi.audit.internal;

import javax.crypto.Mac;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links a row to the one before it, over the previous hash and every field of the
 * row, each field written as its UTF-8 length, a colon and its UTF-8 bytes, so that no two rows
 * serialise alike. Rows are {@link #keyed}: an HMAC under a key kept outside the database, so that
 * whoever can write the tables cannot compute the chain again after changing a row. Rows written
 * before the key was used carry plain SHA-256 ({@link #of}); the first keyed row of a chain binds
 * their last hash, so they cannot be rewritten either without breaking it.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String prevHash, int chain, long seq, Instant at, String account, Long accountId, String roles,
                            String jurisdiction, String action, String object, String outcome, String client, String detail) {
        MessageDigest sha = sha256();
        sha.update(head(prevHash, chain, seq).getBytes(StandardCharsets.UTF_8));
        sha.update(tail(at, account, accountId, roles, jurisdiction, action, object, outcome, client, detail));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The keyed hash of a row: HMAC-SHA256 with {@code mac} (see {@code Sealing#mac}) over a
     * version mark, the previous hash, chain, sequence number, the id of the row before it (which
     * names a deleted row) and the row's fields.
     */
    public static String keyed(Mac mac, String prevHash, int chain, long seq, Long prevId, Instant at, String account, Long accountId,
                               String roles, String jurisdiction, String action, String object, String outcome, String client, String detail) {
        mac.reset();
        mac.update((field("v2") + head(prevHash, chain, seq) + field(prevId == null ? "" : prevId.toString())).getBytes(StandardCharsets.UTF_8));
        mac.update(tail(at, account, accountId, roles, jurisdiction, action, object, outcome, client, detail));
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** The encoding of the previous hash, the chain and the sequence number (all ASCII). */
    static String head(String prevHash, int chain, long seq) {
        return field(prevHash) + field(String.valueOf(chain)) + field(String.valueOf(seq));
    }

    /** The encoding of the row's own fields. */
    static byte[] tail(Instant at, String account, Long accountId, String roles, String jurisdiction, String action,
                       String object, String outcome, String client, String detail) {
        var out = new ByteArrayOutputStream();
        for (String value : new String[] {at.getEpochSecond() + "." + at.getNano(), account,
                accountId == null ? "" : accountId.toString(), roles, jurisdiction, action, object, outcome, client, detail}) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static String field(String ascii) {
        return ascii.length() + ":" + ascii;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
