package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.Attachments;
import io.gongzhi.casework.Upload;
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

/** Files between HTTP and the case loop: multipart parts in, a kept file out. */
final class Uploads {

    private Uploads() {
    }

    /** The files sent; the empty part a browser sends for a file field left empty is no file. */
    static List<Upload> of(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .map(p -> {
                    try {
                        return new Upload(p.getOriginalFilename(), p.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    /**
     * A kept file as its type, never sniffed into another; images shown in the page, documents
     * downloaded. Private to the browser: a case's photos are not for shared caches.
     */
    static ResponseEntity<byte[]> answer(Attachments.Content content) {
        var a = content.attachment();
        ContentDisposition disposition = (a.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(content.bytes());
    }
}
