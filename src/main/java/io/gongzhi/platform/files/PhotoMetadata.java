package io.gongzhi.platform.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a photo says besides its picture, taken out before the photo is kept: a phone writes
 * where it was taken (GPS), when, and which device took it into EXIF and XMP, and editing
 * software adds comments and captions. A JPEG keeps only its orientation, so that it still shows
 * the right way up; a PNG or WebP keeps none of it. Colour profiles stay. Bytes that do not
 * parse as the format they begin like are left as they are.
 */
public final class PhotoMetadata {

    private PhotoMetadata() {
    }

    /** The photo without its metadata; anything else (a PDF, unreadable bytes) unchanged. */
    public static byte[] strip(byte[] bytes) {
        String type = FileKinds.type(bytes).orElse("");
        return switch (type) {
            case "image/jpeg" -> jpeg(bytes);
            case "image/png" -> png(bytes);
            case "image/webp" -> webp(bytes);
            default -> bytes;
        };
    }

    // --- JPEG: segments up to the scan (SOS); APP0 (JFIF), ICC profiles in APP2 and APP14 (Adobe) stay

    private static byte[] jpeg(byte[] b) {
        JpegSegments segments = jpegSegments(b);
        if (segments == null) {
            return b;
        }
        var kept = segments.kept();
        Integer orientation = segments.orientation();
        var out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2);
        int next = 0;
        if (!kept.isEmpty() && (b[kept.get(0)[0] + 1] & 0xFF) == 0xE0) {
            out.write(b, kept.get(0)[0], kept.get(0)[1] - kept.get(0)[0]);
            next = 1;
        }
        if (orientation != null && orientation >= 2 && orientation <= 8) {
            out.writeBytes(orientationOnly(orientation));
        }
        for (int[] segment : kept.subList(next, kept.size())) {
            out.write(b, segment[0], segment[1] - segment[0]);
        }
        out.write(b, segments.scan(), b.length - segments.scan());
        return out.toByteArray();
    }

    /** The segments of a JPEG to keep ({from, to} each), its EXIF orientation if any, and where its scan begins. */
    private record JpegSegments(List<int[]> kept, Integer orientation, int scan) {
    }

    /** The JPEG's segments up to the scan, or null when they do not add up (the bytes are then kept as they are). */
    private static JpegSegments jpegSegments(byte[] b) {
        var kept = new ArrayList<int[]>();
        Integer orientation = null;
        int i = 2;
        while (true) {
            if (i + 4 > b.length || (b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA) {
                return new JpegSegments(kept, orientation, i);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9)) {
                kept.add(new int[] {i, i + 2});
                i += 2;
                continue;
            }
            int end = i + 2 + u16(b, i + 2, false);
            if (end > b.length || end < i + 4) {
                return null;
            }
            boolean app = marker >= 0xE0 && marker <= 0xEF;
            if (marker == 0xE1 && orientation == null) {
                orientation = exifOrientation(b, i + 4, end);
            }
            if (!(app || marker == 0xFE) || marker == 0xE0 || marker == 0xEE || (marker == 0xE2 && startsWith(b, i + 4, "ICC_PROFILE"))) {
                kept.add(new int[] {i, end});
            }
            i = end;
        }
    }

    /** The orientation tag (0x0112) of IFD0 in an APP1 segment's data from {@code from} to {@code to}, if it is EXIF and has one. */
    private static Integer exifOrientation(byte[] b, int from, int to) {
        if (!startsWith(b, from, "Exif\0\0") || to - from < 14) {
            return null;
        }
        int tiff = from + 6;
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return null;
        }
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > to) {
            return null;
        }
        int at = (int) (tiff + ifd);
        int count = u16(b, at, little);
        for (int n = 0; n < count; n++) {
            int entry = at + 2 + n * 12;
            if (entry + 12 > to) {
                return null;
            }
            if (u16(b, entry, little) == 0x0112 && u16(b, entry + 2, little) == 3) {
                return u16(b, entry + 8, little);
            }
        }
        return null;
    }

    /** An APP1 EXIF segment with the orientation and nothing else (big-endian TIFF, one IFD entry). */
    private static byte[] orientationOnly(int orientation) {
        return new byte[] {
                (byte) 0xFF, (byte) 0xE1, 0, 34,
                'E', 'x', 'i', 'f', 0, 0,
                'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
    }

    // --- PNG: chunks; text, time and EXIF chunks go

    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

    private static byte[] png(byte[] b) {
        var out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (i < b.length) {
            if (i + 12 > b.length) {
                return b;
            }
            long length = u32(b, i, false);
            if (length > b.length - i - 12) {
                return b;
            }
            int end = i + 12 + (int) length;
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (!PNG_DROPPED.contains(type)) {
                out.write(b, i, end - i);
            }
            i = end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    // --- WebP: RIFF chunks; EXIF and XMP go, and the extended header stops announcing them

    private static byte[] webp(byte[] b) {
        var chunks = new ArrayList<int[]>();
        int i = 12;
        while (i < b.length) {
            if (i + 8 > b.length) {
                return b;
            }
            long size = u32(b, i + 4, true);
            long end = i + 8 + size + (size & 1);
            if (end > b.length) {
                if (i + 8 + size == b.length) {
                    end = b.length;
                } else {
                    return b;
                }
            }
            String type = new String(b, i, 4, StandardCharsets.ISO_8859_1);
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                chunks.add(new int[] {i, (int) end});
            }
            i = (int) end;
        }
        var out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        int flags = -1;
        for (int[] chunk : chunks) {
            if (startsWith(b, chunk[0], "VP8X") && chunk[1] - chunk[0] > 8) {
                flags = out.size() + 8;
            }
            out.write(b, chunk[0], chunk[1] - chunk[0]);
        }
        byte[] result = out.toByteArray();
        if (flags >= 0) {
            // bit 3: EXIF present, bit 2: XMP present
            result[flags] &= (byte) ~0x0C;
        }
        long riff = result.length - 8L;
        for (int n = 0; n < 4; n++) {
            result[4 + n] = (byte) (riff >>> (8 * n));
        }
        return result;
    }

    // --- bytes

    private static boolean startsWith(byte[] b, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        if (at + t.length > b.length) {
            return false;
        }
        for (int n = 0; n < t.length; n++) {
            if (b[at + n] != t[n]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? x | y << 8 : x << 8 | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int n = 0; n < 4; n++) {
            int shift = little ? 8 * n : 8 * (3 - n);
            value |= (long) (b[at + n] & 0xFF) << shift;
        }
        return value;
    }

    /** The orientation a JPEG's EXIF gives (1 to 8), if it has one. */
    public static Integer jpegOrientation(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) != 0xDA) {
            int end = i + 2 + u16(b, i + 2, false);
            if ((b[i + 1] & 0xFF) == 0xE1 && end <= b.length) {
                Integer found = exifOrientation(b, i + 4, end);
                if (found != null) {
                    return found;
                }
            }
            i = end;
        }
        return null;
    }
}
