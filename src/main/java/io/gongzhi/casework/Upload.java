package io.gongzhi.casework;

import io.gongzhi.casework.internal.Attachments;

/**
 * A file brought with a step, as the uploader sent it: its name and its bytes. What it is comes
 * from the bytes ({@link Attachments}), never from the type the uploader claimed.
 */
public record Upload(String name, byte[] content) {
}
