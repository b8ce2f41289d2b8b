package io.gongzhi.platform;

import java.util.Optional;

/**
 * Where uploaded files' bytes are kept. The default keeps them in the database
 * ({@code platform_file}), so every node sees them and a file stays exactly when the
 * transaction that brought it commits; an object store can take its place behind this
 * interface. What a file is and who may read it is the owning module's business.
 */
public interface FileStore {

    /** Keeps the bytes; the key reads them back. Inside a transaction they are kept only if it commits. */
    String put(byte[] content);

    /** The bytes kept under {@code key}, if any. */
    Optional<byte[]> get(String key);
}
