package io.gongzhi.platform.files;

import io.gongzhi.shared.Violation;

import java.util.Optional;

/**
 * What an uploaded file is, judged by its first bytes (JPEG, PNG, WebP or PDF; a script named
 * {@code photo.jpg} is nothing), the name it is kept under, and what is wrong with it: empty, too
 * big, of another kind, or a photo that is not the whole picture it says it is. Problems carry the
 * owning module's message codes ({@code prefix + "-empty"}, {@code -too-big}, {@code -type},
 * {@code -broken}, {@code -animated}, {@code -too-many-pixels}) under its form field.
 */
public final class FileKinds {

    private FileKinds() {
    }

    /** The file as it will be kept: a photo without its metadata, checked whole (null for anything else or too big to look at). */
    public record Ready(String name, byte[] content, PhotoCheck.Result picture) {
    }

    /** Prepares a file: its name cleaned, a photo stripped of its metadata and checked (at most {@code maxPixels}). */
    public static Ready ready(String rawName, byte[] content, long maxBytes, long maxPixels) {
        if (content == null || content.length > maxBytes) {
            return new Ready(name(rawName), content, null);
        }
        byte[] kept = PhotoMetadata.strip(content);
        return new Ready(name(rawName), kept, PhotoCheck.of(kept, maxPixels));
    }

    /** What is wrong with one file, if anything. */
    public static Optional<Violation> problem(String field, String prefix, Ready file, long maxBytes, long maxPixels) {
        byte[] content = file.content();
        if (content == null || content.length == 0) {
            return Optional.of(Violation.of(field, prefix + "-empty", file.name()));
        }
        if (content.length > maxBytes) {
            return Optional.of(Violation.of(field, prefix + "-too-big", file.name(), maxBytes / (1024 * 1024)));
        }
        if (type(content).isEmpty()) {
            return Optional.of(Violation.of(field, prefix + "-type", file.name()));
        }
        if (file.picture() == null) {
            return Optional.empty();
        }
        PhotoCheck.Result picture = file.picture();
        return switch (picture.verdict()) {
            case WHOLE -> Optional.empty();
            case BROKEN -> Optional.of(Violation.of(field, prefix + "-broken", file.name()));
            case ANIMATED -> Optional.of(Violation.of(field, prefix + "-animated", file.name()));
            case TOO_MANY_PIXELS -> Optional.of(Violation.of(field, prefix + "-too-many-pixels", file.name(), picture.width(), picture.height(),
                    maxPixels));
        };
    }

    /** What the bytes are, from their first bytes; empty for anything not accepted. */
    public static Optional<String> type(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b == null || b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file's own name without the folders a browser may send, control characters or more than 200 characters. */
    public static String name(String raw) {
        String given = raw == null ? "" : raw;
        String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
