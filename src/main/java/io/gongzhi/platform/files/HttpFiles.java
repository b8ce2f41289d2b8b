package io.gongzhi.platform.files;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Files between HTTP and a module that keeps them: multipart parts in, a kept file out. */
public final class HttpFiles {

    private HttpFiles() {
    }

    /** A file as sent: the name the browser gave and its bytes. */
    public record Part(String name, byte[] content) {
    }

    /** The files sent; the empty part a browser sends for a file field left empty is no file. */
    public static List<Part> of(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .map(p -> {
                    try {
                        return new Part(p.getOriginalFilename(), p.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    /**
     * A kept file as its type, never sniffed into another; images shown in the page, documents
     * downloaded. Private to the browser: what a module keeps is not for shared caches.
     */
    public static ResponseEntity<byte[]> answer(String name, String contentType, byte[] bytes) {
        ContentDisposition disposition = (contentType.startsWith("image/") ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(bytes);
    }
}
