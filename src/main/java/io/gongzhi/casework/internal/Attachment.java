package io.gongzhi.casework.internal;

import java.time.Instant;

/** A file kept with one step of a case; {@code contentType} is what its bytes are, whatever the uploader claimed. */
public record Attachment(long id, long stepId, String name, String contentType, long size, Instant at) {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
