package io.gongzhi.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets kept in the database (AES-256-GCM), so that a copy of the database alone
 * reveals none of them. Each value is bound to a context (e.g. {@code identity.totp:42}):
 * a sealed value moved to another row does not open. The key is {@code GONGZHI_SECRET_KEY}
 * (32 bytes, Base64); without it, a key is created once in the data directory's
 * {@code secret.key}, readable by its owner only. Nodes sharing a database must share the key.
 */
@Component
public class Sealing {

    private static final Logger log = LoggerFactory.getLogger(Sealing.class);
    private static final String VERSION = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    Sealing(@Value("${gongzhi.secret-key:}") String configured, @Value("${gongzhi.data-dir:./data}") String dataDir) {
        this.key = new SecretKeySpec(configured.isBlank() ? keyFile(Path.of(dataDir, "secret.key")) : decode(configured), "AES");
    }

    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext; throws if the value was altered, moved to another context or sealed with another key. */
    public String open(String sealed, String context) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("sealed value cannot be opened (altered, moved, or another key)", e);
        }
    }

    /**
     * A keyed hash (HMAC-SHA256 under a key derived from the secret key for {@code purpose}) to
     * find a sealed value by equality without opening it: the same value always gives the same
     * hash, and without the key nobody can compute it from a guessed value.
     */
    public String lookupHash(String value, String purpose) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            byte[] subkey = derive.doFinal(("gongzhi.lookup:" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subkey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh HMAC-SHA256 under a key derived from the secret key for {@code purpose}, e.g. to
     * chain rows so that someone who can write the database but lacks the key cannot forge the
     * chain. Not thread-safe: one per use.
     */
    public Mac mac(String purpose) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(("gongzhi.mac:" + purpose).getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Seals and hashes many values of one context on one thread (a bulk load): the cipher and the
     * MAC are set up once, and nonces are a random 8-byte prefix and a 4-byte counter, so no nonce
     * repeats within a batch and two batches collide with probability 2^-64. The output is the
     * same format as {@link #seal} and {@link #lookupHash}. Not thread-safe: one per thread.
     */
    public Batch batch(String context) {
        return new Batch(context);
    }

    public final class Batch {
        private final byte[] aad;
        private final Cipher cipher;
        private final Mac mac;
        private final ByteBuffer nonce = ByteBuffer.allocate(NONCE);
        private int counter;

        private Batch(String context) {
            try {
                this.aad = context.getBytes(StandardCharsets.UTF_8);
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
                Mac derive = Mac.getInstance("HmacSHA256");
                derive.init(key);
                this.mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(derive.doFinal(("gongzhi.lookup:" + context).getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
                byte[] prefix = new byte[8];
                RANDOM.nextBytes(prefix);
                nonce.put(prefix);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String seal(String plaintext) {
            try {
                byte[] iv = nonce.putInt(8, counter++).array().clone();
                if (counter == 0) {
                    throw new IllegalStateException("batch exhausted its nonces");
                }
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                cipher.updateAAD(aad);
                byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
                return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(iv).put(sealed).array());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String lookup(String value) {
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("GONGZHI_SECRET_KEY must be 32 bytes in Base64 (e.g. openssl rand -base64 32)");
        }
        return bytes;
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect it
            }
            log.warn("Created a new secret key in {}; set GONGZHI_SECRET_KEY instead when several nodes share a database", file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
