package io.gongzhi.platform.files;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

/**
 * Whether a photo is the whole picture it says it is, found out before it is kept: a photo cut
 * short on the way or damaged would show a grey half or nothing on every phone that opens the
 * case. The size comes from the header alone (a JPEG's frame header, a PNG's IHDR, a WebP's first
 * chunk) and a picture of more pixels than allowed is refused before anything decodes it, so a
 * small file declaring 60000 × 60000 pixels cannot make the server claim gigabytes. A JPEG or PNG
 * is then decoded whole (every n-th pixel kept, which also gives its thumbnail); the decoder's
 * warnings about missing or corrupt data count as broken, and a PNG's chunks and checksums must
 * all be there up to its end. A WebP is taken apart instead ({@link WebpStructure}). Animations
 * (APNG, animated WebP) are refused: only their first frame would be checked, and they are no photo.
 */
public final class PhotoCheck {

    public enum Verdict { WHOLE, BROKEN, TOO_MANY_PIXELS, ANIMATED }

    /** What checking found: the verdict, the size the header declares (0 when there is none) and a whole JPEG's or PNG's thumbnail. */
    public record Result(Verdict verdict, int width, int height, byte[] thumbnail) {

        static final Result BROKEN = new Result(Verdict.BROKEN, 0, 0, null);
    }

    /**
     * Decoding is CPU work, and a progressive JPEG keeps all its coefficients in memory while it
     * decodes (3 to 6 bytes a pixel, outside the Java heap): as many decodes at once as there are
     * cores is as fast and keeps that memory bounded however many uploads arrive together.
     */
    private static final Semaphore DECODERS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private PhotoCheck() {
    }

    /** Checks {@code bytes} (as they will be kept); anything not a photo (a PDF) is {@link Verdict#WHOLE} here, its checks are elsewhere. */
    public static Result of(byte[] bytes, long maxPixels) {
        String type = FileKinds.type(bytes).orElse("");
        int[] size = switch (type) {
            case "image/jpeg" -> jpegSize(bytes);
            case "image/png" -> pngSize(bytes);
            case "image/webp" -> {
                var canvas = WebpStructure.canvas(bytes);
                yield canvas == null ? null : new int[] {canvas.width(), canvas.height()};
            }
            default -> new int[] {0, 0};
        };
        if (size == null) {
            return Result.BROKEN;
        }
        if ((long) size[0] * size[1] > maxPixels) {
            return new Result(Verdict.TOO_MANY_PIXELS, size[0], size[1], null);
        }
        return switch (type) {
            case "image/webp" -> WebpStructure.animated(bytes) ? verdict(Verdict.ANIMATED, size)
                    : verdict(WebpStructure.whole(bytes) ? Verdict.WHOLE : Verdict.BROKEN, size);
            case "image/png" -> {
                Verdict chunks = pngChunks(bytes);
                yield chunks == Verdict.WHOLE ? decoded(bytes, "png", size) : verdict(chunks, size);
            }
            case "image/jpeg" -> decoded(bytes, "jpeg", size);
            default -> new Result(Verdict.WHOLE, 0, 0, null);
        };
    }

    private static Result verdict(Verdict verdict, int[] size) {
        return new Result(verdict, size[0], size[1], null);
    }

    /** Width and height from the first frame header (SOF0 to SOF15, less DHT, JPG and DAC) before the scan; null when there is none. */
    private static int[] jpegSize(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null;
            }
            int length = (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (length < 8 || i + 9 > b.length) {
                    return null;
                }
                int height = (b[i + 5] & 0xFF) << 8 | b[i + 6] & 0xFF;
                int width = (b[i + 7] & 0xFF) << 8 | b[i + 8] & 0xFF;
                return width == 0 || height == 0 ? null : new int[] {width, height};
            }
            i += 2 + length;
        }
        return null;
    }

    /** Width and height from the IHDR chunk, which must come first; null when it does not. */
    private static int[] pngSize(byte[] b) {
        if (b.length < 33 || !ascii(b, 12, "IHDR") || u32(b, 8) != 13) {
            return null;
        }
        long width = u32(b, 16);
        long height = u32(b, 20);
        return width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE ? null : new int[] {(int) width, (int) height};
    }

    /** Every chunk whole with its checksum, picture data present, and the end chunk reached; an animation control chunk makes it an animation. */
    private static Verdict pngChunks(byte[] b) {
        int i = 8;
        boolean data = false;
        boolean animated = false;
        while (i + 12 <= b.length) {
            long length = u32(b, i);
            if (length > b.length - i - 12) {
                return Verdict.BROKEN;
            }
            var crc = new CRC32();
            crc.update(b, i + 4, 4 + (int) length);
            if (crc.getValue() != u32(b, i + 8 + (int) length)) {
                return Verdict.BROKEN;
            }
            data |= ascii(b, i + 4, "IDAT");
            animated |= ascii(b, i + 4, "acTL");
            if (ascii(b, i + 4, "IEND")) {
                return !data ? Verdict.BROKEN : animated ? Verdict.ANIMATED : Verdict.WHOLE;
            }
            i += 12 + (int) length;
        }
        return Verdict.BROKEN;
    }

    /** Decodes every n-th pixel of the whole picture: whole if the decoder neither failed nor warned, with its thumbnail. */
    private static Result decoded(byte[] bytes, String format, int[] size) {
        var readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            return Result.BROKEN;
        }
        ImageReader reader = readers.next();
        DECODERS.acquireUninterruptibly();
        // in memory: ImageIO's default stream would spill the upload into a temporary file
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            var warned = new AtomicBoolean();
            reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
            reader.setInput(input, true, true);
            if (reader.getWidth(0) != size[0] || reader.getHeight(0) != size[1]) {
                return Result.BROKEN;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Thumbnails.step(size[0], size[1]);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage read = reader.read(0, param);
            if (warned.get()) {
                return Result.BROKEN;
            }
            Integer orientation = format.equals("jpeg") ? PhotoMetadata.jpegOrientation(bytes) : null;
            return new Result(Verdict.WHOLE, size[0], size[1], Thumbnails.of(read, orientation == null ? 1 : orientation));
        } catch (IOException | RuntimeException undecodable) {
            return Result.BROKEN;
        } finally {
            reader.dispose();
            DECODERS.release();
        }
    }

    private static boolean ascii(byte[] b, int at, String text) {
        return at + text.length() <= b.length && new String(b, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    private static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
