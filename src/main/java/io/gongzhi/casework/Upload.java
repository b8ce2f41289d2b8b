package io.gongzhi.casework;

/** A file brought with a step, as the uploader sent it: its name, the type it claimed, and the bytes. */
public record Upload(String name, String declaredType, byte[] content) {
}
