package io.gongzhi.casework;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static io.gongzhi.casework.PhotoMetadataTests.bytes;
import static io.gongzhi.casework.PhotoMetadataTests.concat;
import static io.gongzhi.casework.PhotoMetadataTests.pngChunk;
import static io.gongzhi.casework.PhotoMetadataTests.riff;
import static io.gongzhi.casework.PhotoMetadataTests.riffChunk;

/**
 * Real pictures for tests, and ones broken the ways an upload breaks: cut short on the way,
 * damaged, or declaring a size it does not have. The WebP files were made with libwebp's
 * {@code cwebp} 1.2.4 from a 40 × 30 picture, left half red and right half blue (the JDK
 * cannot write WebP).
 */
final class TestPictures {

    /** Lossy (a simple file: one VP8 chunk), 4 segments. */
    static final byte[] WEBP_LOSSY = Base64.getDecoder().decode(
            "UklGRnYAAABXRUJQVlA4IGoAAABQBACdASooAB4APm0uk0akIqGhMBVYAIANiUAZa1IKABV/+4AAJDej8sYAAP7tzt/+47o5yqt//YO//Qd/+g7/ar63tK9/"
                    + "oRgnu8lCV/IV/eShK+2VJfGlXgfORB+NKvA822ENRWNHgAAA");
    /** Lossy without segments ({@code -segments 1}). */
    static final byte[] WEBP_LOSSY_ONE_SEGMENT = Base64.getDecoder().decode(
            "UklGRmgAAABXRUJQVlA4IFwAAABwAwCdASooAB4AAUAmJaQB4N/IPwl/IClAfgBXf+4AA5yTPtAA/u921//8gX3E23b//7m+cKe/zaefNUn0dojy4grX2sbyN"
                    + "+1/ugzKHZvxlLoxoRL9gTDQ9qAAAA==");
    /** Lossless (one VP8L chunk). */
    static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRiwAAABXRUJQVlA4TB8AAAAvJ0AHAA9wkZlbMV8Ecf5jCUICwv+1HnggR/Q/wBoCAA==");
    /** Extended (VP8X) with an alpha channel (ALPH, compressed) and a lossy picture; half transparent in a checkerboard. */
    static final byte[] WEBP_ALPHA = Base64.getDecoder().decode(
            "UklGRiIBAABXRUJQVlA4WAoAAAAQAAAAJwAAHQAAQUxQSBsAAAABD/DA/4iIICQgVjrppi5H9J9gkqbajiHNlRMAVlA4IOAAAAAQCACdASooAB4APm00lkik"
                    + "IqIhJWgAgA2JZzuI//ED//8vy/538c17QX/hzMH////4kczf/s/y/8z/brXuNf+HQQBrQqm0/KKQAP7vUmoB3rp9QmcctpEhcBc3lpfJ+ELfUJnLX+3nNncA"
                    + "B/gCLcuRpxVOs/eOwLfURrO4TRr+9IYBO5mytmoNYN0Sxr5vSkpjdjLSqLuPTiNZ3CaNf3jsC31HVkJ9/0zd1FbuorF2yfhZp2Bb6iNZ3CaNf3jsC4yhC6UIX"
                    + "ShC6UIWHVMUTJTG7HB0OeuLn8VQrpuagAAAAA==");

    private TestPictures() {
    }

    /** A picture with some detail in it (so that it compresses to more than a few bytes). */
    static byte[] image(String format, int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                picture.setRGB(x, y, (x * 7 + y * 13) % 256 << 16 | (x * y) % 256 << 8 | (x ^ y) & 0xFF);
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg() {
        return image("jpg", 64, 48);
    }

    static byte[] png() {
        return image("png", 64, 48);
    }

    static byte[] cut(byte[] picture, int length) {
        return Arrays.copyOf(picture, length);
    }

    static byte[] withoutLast(byte[] picture, int n) {
        return Arrays.copyOf(picture, picture.length - n);
    }

    /** The picture with one byte changed at {@code at}. */
    static byte[] damaged(byte[] picture, int at) {
        byte[] copy = picture.clone();
        copy[at] ^= 0x5A;
        return copy;
    }

    static int indexOf(byte[] haystack, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A PNG of {@code width} × {@code height} by its header, with a few bytes of picture data and an end. */
    static byte[] pngDeclaring(int width, int height) {
        byte[] header = concat(be32(width), be32(height), bytes(8, 2, 0, 0, 0));
        return concat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), pngChunk("IHDR", header),
                pngChunk("IDAT", bytes(0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01)), pngChunk("IEND", new byte[0]));
    }

    /** A real JPEG whose frame header (SOF0) says {@code width} × {@code height}. */
    static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg().clone();
        int sof = indexOfMarker(jpeg, 0xC0);
        jpeg[sof + 5] = (byte) (height >> 8);
        jpeg[sof + 6] = (byte) height;
        jpeg[sof + 7] = (byte) (width >> 8);
        jpeg[sof + 8] = (byte) width;
        return jpeg;
    }

    /** An extended WebP whose canvas is {@code width} × {@code height}, holding the small lossless picture. */
    static byte[] webpDeclaring(int width, int height) {
        int w = width - 1;
        int h = height - 1;
        byte[] vp8x = riffChunk("VP8X", bytes(0, 0, 0, 0, w & 0xFF, w >> 8 & 0xFF, w >> 16 & 0xFF, h & 0xFF, h >> 8 & 0xFF, h >> 16 & 0xFF));
        return riff(vp8x, Arrays.copyOfRange(WEBP_LOSSLESS, 12, WEBP_LOSSLESS.length));
    }

    /** An animated PNG: the picture with an animation control chunk after its header. */
    static byte[] animatedPng() {
        byte[] png = png();
        return concat(Arrays.copyOfRange(png, 0, 33), pngChunk("acTL", bytes(0, 0, 0, 1, 0, 0, 0, 0)), Arrays.copyOfRange(png, 33, png.length));
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        int i = 2;
        while ((jpeg[i + 1] & 0xFF) != marker) {
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        return i;
    }

    private static byte[] be32(int value) {
        return bytes(value >>> 24, value >>> 16 & 0xFF, value >>> 8 & 0xFF, value & 0xFF);
    }
}
