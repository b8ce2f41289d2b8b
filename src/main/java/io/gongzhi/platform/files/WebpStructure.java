package io.gongzhi.platform.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebP file taken apart, as far as that can be done without decoding it: the JDK has no WebP
 * decoder, and a decoder of our own would be a second codec to keep safe. What is checked is what
 * libwebp checks before it decodes: the RIFF container holds exactly the chunks it declares,
 * each whole; a simple file is one lossy (VP8) or lossless (VP8L) bitstream, an extended one
 * (VP8X) its canvas, perhaps an alpha channel, and one bitstream of the canvas's size; a lossy
 * frame is a shown key frame whose first partition and every token partition it declares lie
 * inside its chunk, and uncompressed alpha holds a byte for every pixel. What is not checked is
 * that the compressed picture data inside those sizes decodes (a lossless bitstream declares no
 * sizes at all): a file damaged there, or made to look whole, passes and shows grey or nothing.
 */
public final class WebpStructure {

    /** What the file's header says: its size and whether it moves. */
    record Canvas(int width, int height, boolean animated) {
    }

    private record Chunk(String type, int at, int size) {
    }

    private WebpStructure() {
    }

    /** The size the file's first chunk declares, read from the header alone; null when there is no readable one. */
    static Canvas canvas(byte[] b) {
        if (b.length < 20 || !is(b, 0, "RIFF") || !is(b, 8, "WEBP")) {
            return null;
        }
        String type = new String(b, 12, 4, StandardCharsets.ISO_8859_1);
        int at = 20;
        if (b.length < at + (type.equals("VP8L") ? 5 : 10)) {
            return null;
        }
        return switch (type) {
            case "VP8X" -> new Canvas(u24(b, at + 4) + 1, u24(b, at + 7) + 1, (b[at] & 0x02) != 0);
            case "VP8 " -> (u16(b, at + 6) & 0x3FFF) == 0 ? null : new Canvas(u16(b, at + 6) & 0x3FFF, u16(b, at + 8) & 0x3FFF, false);
            case "VP8L" -> new Canvas((int) (u32(b, at + 1) & 0x3FFF) + 1, (int) (u32(b, at + 1) >>> 14 & 0x3FFF) + 1, false);
            default -> null;
        };
    }

    /** Whether every chunk and every size the file declares is there, as {@link WebpStructure} says. */
    static boolean whole(byte[] b) {
        Canvas canvas = canvas(b);
        List<Chunk> chunks = chunks(b);
        if (canvas == null || chunks == null || chunks.isEmpty()) {
            return false;
        }
        Chunk first = chunks.get(0);
        if (!first.type().equals("VP8X")) {
            return chunks.size() == 1 && canvas.equals(bitstream(b, first));
        }
        if (first.size() != 10 || (long) canvas.width() * canvas.height() > 0xFFFFFFFFL) {
            return false;
        }
        Chunk picture = null;
        Chunk alpha = null;
        for (Chunk chunk : chunks.subList(1, chunks.size())) {
            if (chunk.type().equals("VP8 ") || chunk.type().equals("VP8L")) {
                if (picture != null) {
                    return false;
                }
                picture = chunk;
            } else if (chunk.type().equals("ALPH") && picture == null) {
                alpha = chunk;
            }
        }
        if (picture == null || !new Canvas(canvas.width(), canvas.height(), false).equals(bitstream(b, picture))) {
            return false;
        }
        return alpha == null || picture.type().equals("VP8L") || alphaWhole(b, alpha, canvas);
    }

    /** Whether an animation's chunks are there: its frames are not looked into (an animation is no photo). */
    static boolean animated(byte[] b) {
        Canvas canvas = canvas(b);
        List<Chunk> chunks = chunks(b);
        return canvas != null && (canvas.animated()
                || chunks != null && chunks.stream().anyMatch(c -> c.type().equals("ANIM") || c.type().equals("ANMF")));
    }

    /** The chunks after the RIFF header, each whole; null when the container does not hold exactly them. */
    private static List<Chunk> chunks(byte[] b) {
        if (b.length < 12 || u32(b, 4) + 8 != b.length) {
            return null;
        }
        var chunks = new ArrayList<Chunk>();
        int i = 12;
        while (i < b.length) {
            if (i + 8 > b.length) {
                return null;
            }
            long size = u32(b, i + 4);
            if (size > b.length - i - 8) {
                return null;
            }
            chunks.add(new Chunk(new String(b, i, 4, StandardCharsets.ISO_8859_1), i + 8, (int) size));
            // chunks are padded to an even length; a last odd one may lack its padding byte
            i += 8 + (int) size + (int) (size & 1);
        }
        return chunks;
    }

    /** The size a bitstream chunk declares if the bitstream is whole as far as its headers go; null otherwise. */
    private static Canvas bitstream(byte[] b, Chunk chunk) {
        return chunk.type().equals("VP8L") ? lossless(b, chunk) : chunk.type().equals("VP8 ") ? lossy(b, chunk) : null;
    }

    private static Canvas lossless(byte[] b, Chunk c) {
        if (c.size() <= 5 || (b[c.at()] & 0xFF) != 0x2F) {
            return null;
        }
        long bits = u32(b, c.at() + 1);
        if (bits >>> 29 != 0) {
            return null;
        }
        return new Canvas((int) (bits & 0x3FFF) + 1, (int) (bits >>> 14 & 0x3FFF) + 1, false);
    }

    /** RFC 6386 9.1 to 9.5: the frame tag, the key frame's start code and size, and its partitions. */
    private static Canvas lossy(byte[] b, Chunk c) {
        if (c.size() < 10) {
            return null;
        }
        int tag = u24(b, c.at());
        boolean keyFrame = (tag & 1) == 0;
        boolean shown = (tag >> 4 & 1) == 1;
        int firstPartition = tag >>> 5;
        if (!keyFrame || (tag >> 1 & 7) > 3 || !shown || (b[c.at() + 3] & 0xFF) != 0x9D || b[c.at() + 4] != 0x01 || b[c.at() + 5] != 0x2A) {
            return null;
        }
        int width = u16(b, c.at() + 6) & 0x3FFF;
        int height = u16(b, c.at() + 8) & 0x3FFF;
        int partitionsAt = c.at() + 10 + firstPartition;
        int end = c.at() + c.size();
        if (width == 0 || height == 0 || firstPartition == 0 || partitionsAt > end) {
            return null;
        }
        Vp8Header header = new Vp8Header(b, c.at() + 10, firstPartition);
        int partitions = header.tokenPartitions();
        if (header.overrun()) {
            return null;
        }
        long declared = 3L * (partitions - 1);
        if (partitionsAt + declared > end) {
            return null;
        }
        for (int p = 0; p < partitions - 1; p++) {
            declared += u24(b, partitionsAt + 3 * p);
        }
        // the last partition takes what is left, and there must be some
        return partitionsAt + declared < end ? new Canvas(width, height, false) : null;
    }

    /** The ALPH chunk's header is one libwebp accepts, and uncompressed alpha has a byte for every pixel. */
    private static boolean alphaWhole(byte[] b, Chunk c, Canvas canvas) {
        if (c.size() < 2) {
            return false;
        }
        int header = b[c.at()] & 0xFF;
        int compression = header & 3;
        int preprocessing = header >> 4 & 3;
        if (header >> 6 != 0 || preprocessing > 1 || compression > 1) {
            return false;
        }
        return compression == 1 || c.size() - 1L >= (long) canvas.width() * canvas.height();
    }

    private static boolean is(byte[] b, int at, String text) {
        return at + text.length() <= b.length && new String(b, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    static int u16(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    static int u24(byte[] b, int at) {
        return u16(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    static long u32(byte[] b, int at) {
        return u24(b, at) | (long) (b[at + 3] & 0xFF) << 24;
    }
}
