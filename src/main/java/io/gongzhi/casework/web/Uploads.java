package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.Attachments;
import io.gongzhi.casework.Upload;
import io.gongzhi.platform.files.HttpFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;

/** Files between HTTP and the case loop: multipart parts in, a kept file out. */
final class Uploads {

    private Uploads() {
    }

    /** The files sent; the empty part a browser sends for a file field left empty is no file. */
    static List<Upload> of(List<MultipartFile> parts) {
        return HttpFiles.of(parts).stream().map(p -> new Upload(p.name(), p.content())).toList();
    }

    /** A kept file as its type, never sniffed into another ({@link HttpFiles#answer}). */
    static ResponseEntity<byte[]> answer(Attachments.Content content) {
        var a = content.attachment();
        return HttpFiles.answer(a.name(), a.contentType(), content.bytes());
    }
}
