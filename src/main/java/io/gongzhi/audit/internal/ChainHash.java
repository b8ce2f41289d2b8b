package io.gongzhi.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links a row to the one before it: SHA-256 over the previous hash and every
 * field of the row, each field length-prefixed so that no two rows serialise alike.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String prevHash, int chain, long seq, Instant at, String account, Long accountId, String roles,
                            String jurisdiction, String action, String object, String outcome, String client, String detail) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Object field : new Object[] {prevHash, chain, seq, at.getEpochSecond() + "." + at.getNano(), account,
                accountId == null ? "" : accountId, roles, jurisdiction, action, object, outcome, client, detail}) {
            byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
