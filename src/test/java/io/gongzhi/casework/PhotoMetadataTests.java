package io.gongzhi.casework;

import io.gongzhi.casework.internal.Attachments;
import io.gongzhi.platform.files.PhotoCheck;
import io.gongzhi.platform.files.PhotoMetadata;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept photo tells nobody where, when or with what it was taken, and still shows the same picture the same way up. */
class PhotoMetadataTests {

    static final String GPS = "GPS 30.6586N 104.0648E";

    static byte[] image(String format) throws IOException {
        var picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                picture.setRGB(x, y, x < 20 ? 0xCC3322 : 0x2255AA);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An EXIF APP1 segment as a phone writes one: little-endian, the orientation and (as text here) a position. */
    static byte[] exifSegment(int orientation) {
        byte[] tiff = concat(bytes('I', 'I', 42, 0, 8, 0, 0, 0), bytes(1, 0), bytes(0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0),
                bytes(0, 0, 0, 0), ascii(GPS));
        byte[] data = concat(ascii("Exif\0\0"), tiff);
        return concat(bytes(0xFF, 0xE1, (data.length + 2) >> 8, (data.length + 2) & 0xFF), data);
    }

    static byte[] segment(int marker, byte[] data) {
        return concat(bytes(0xFF, marker, (data.length + 2) >> 8, (data.length + 2) & 0xFF), data);
    }

    /** A JPEG with, after its JFIF header, an EXIF segment, an XMP packet, a comment and an IPTC caption. */
    static byte[] phoneJpeg(int orientation) throws IOException {
        byte[] plain = image("jpg");
        int afterApp0 = 4 + ((plain[4] & 0xFF) << 8 | plain[5] & 0xFF);
        return concat(Arrays.copyOfRange(plain, 0, afterApp0), exifSegment(orientation),
                segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Sony ILCE-7M3, " + GPS + "</x:xmpmeta>")),
                segment(0xFE, ascii("taken by 张三 13800001234")), segment(0xED, ascii("Photoshop 3.0\0caption: 张三家门口")),
                Arrays.copyOfRange(plain, afterApp0, plain.length));
    }

    static List<Integer> markers(byte[] jpeg) {
        var markers = new ArrayList<Integer>();
        int i = 2;
        while ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) != 0xDA) {
            markers.add(jpeg[i + 1] & 0xFF);
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        return markers;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(ascii(needle), StandardCharsets.ISO_8859_1));
    }

    static void assertSamePicture(byte[] kept, byte[] original) throws IOException {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(kept));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(original));
        assertThat(a).as("still an image").isNotNull();
        assertThat(new int[] {a.getWidth(), a.getHeight()}).containsExactly(b.getWidth(), b.getHeight());
        assertThat(a.getRGB(5, 5)).isEqualTo(b.getRGB(5, 5));
        assertThat(a.getRGB(35, 25)).isEqualTo(b.getRGB(35, 25));
    }

    @Test
    void aJpegLosesItsPositionDeviceCommentAndCaptionAndKeepsItsOrientation() throws IOException {
        byte[] photo = phoneJpeg(6);
        assertThat(contains(photo, GPS)).isTrue();

        byte[] kept = PhotoMetadata.strip(photo);

        assertThat(contains(kept, GPS)).isFalse();
        assertThat(contains(kept, "ILCE")).isFalse();
        assertThat(contains(kept, "13800001234")).isFalse();
        assertThat(contains(kept, "Photoshop")).isFalse();
        assertThat(markers(kept)).as("JFIF first, then the orientation's own EXIF, then the tables")
                .startsWith(0xE0, 0xE1).doesNotContain(0xED, 0xFE).filteredOn(m -> m == 0xE1).hasSize(1);
        assertThat(PhotoMetadata.jpegOrientation(kept)).as("still shown the right way up").isEqualTo(6);
        assertSamePicture(kept, photo);
        assertThat(Attachments.type(kept)).contains("image/jpeg");
    }

    @Test
    void aJpegTakenUprightNeedsNoExifAtAllAndAnUnreadableOneIsLeftAsItIs() throws IOException {
        byte[] kept = PhotoMetadata.strip(phoneJpeg(1));
        assertThat(markers(kept)).doesNotContain(0xE1);
        assertThat(PhotoMetadata.jpegOrientation(kept)).isNull();
        assertSamePicture(kept, image("jpg"));

        byte[] notReally = concat(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10), new byte[100]);
        assertThat(PhotoMetadata.strip(notReally)).isEqualTo(notReally);
        byte[] pdf = ascii("%PDF-1.7 /Author (张三)");
        assertThat(PhotoMetadata.strip(pdf)).isEqualTo(pdf);
    }

    static byte[] pngChunk(String type, byte[] data) {
        var crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        long c = crc.getValue();
        return concat(bytes(data.length >>> 24, data.length >>> 16 & 0xFF, data.length >>> 8 & 0xFF, data.length & 0xFF), ascii(type), data,
                bytes((int) (c >>> 24), (int) (c >>> 16 & 0xFF), (int) (c >>> 8 & 0xFF), (int) (c & 0xFF)));
    }

    @Test
    void aPngLosesItsTextTimeAndExifChunks() throws IOException {
        byte[] plain = image("png");
        int afterHeader = 8 + 25;
        byte[] photo = concat(Arrays.copyOfRange(plain, 0, afterHeader), pngChunk("tEXt", ascii("Author\0张三")),
                pngChunk("eXIf", Arrays.copyOfRange(exifSegment(1), 10, exifSegment(1).length)),
                pngChunk("tIME", bytes(0x07, 0xEA, 11, 30, 9, 30, 0)), pngChunk("iTXt", ascii("Location\0\0\0\0\0" + GPS)),
                Arrays.copyOfRange(plain, afterHeader, plain.length));
        assertThat(contains(photo, GPS)).isTrue();

        byte[] kept = PhotoMetadata.strip(photo);

        assertThat(contains(kept, GPS)).isFalse();
        assertThat(contains(kept, "Author")).isFalse();
        assertThat(contains(kept, "tIME")).isFalse();
        assertThat(kept).isEqualTo(plain);
        assertSamePicture(kept, plain);
    }

    static byte[] riffChunk(String type, byte[] data) {
        byte[] padded = data.length % 2 == 0 ? data : concat(data, new byte[1]);
        return concat(ascii(type), bytes(data.length & 0xFF, data.length >>> 8 & 0xFF, data.length >>> 16 & 0xFF, data.length >>> 24), padded);
    }

    static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        int size = body.length + 4;
        return concat(ascii("RIFF"), bytes(size & 0xFF, size >>> 8 & 0xFF, size >>> 16 & 0xFF, size >>> 24), ascii("WEBP"), body);
    }

    @Test
    void aWebpLosesItsExifAndXmpAndNoLongerAnnouncesThem() {
        byte[] header = riffChunk("VP8X", bytes(0x0C, 0, 0, 0, 39, 0, 0, 29, 0, 0));
        byte[] picture = riffChunk("VP8L", bytes(0x2F, 39, 0xC0, 0x71, 0, 7, 0x10, 0x11, 0x11));
        byte[] photo = riff(header, picture, riffChunk("EXIF", Arrays.copyOfRange(exifSegment(3), 10, exifSegment(3).length)),
                riffChunk("XMP ", ascii("<x:xmpmeta>" + GPS + "</x:xmpmeta>")));
        assertThat(contains(photo, GPS)).isTrue();

        byte[] kept = PhotoMetadata.strip(photo);

        byte[] expectedHeader = riffChunk("VP8X", bytes(0x00, 0, 0, 0, 39, 0, 0, 29, 0, 0));
        assertThat(kept).isEqualTo(riff(expectedHeader, picture));
        assertThat(Attachments.type(kept)).contains("image/webp");
    }

    static boolean reddish(int rgb) {
        return (rgb >> 16 & 0xFF) > (rgb & 0xFF) + 60;
    }

    static byte[] thumbnail(byte[] photo) {
        return PhotoCheck.of(photo, Long.MAX_VALUE).thumbnail();
    }

    @Test
    void theThumbnailOfAPhotoTakenWithThePhoneTurnedIsUpright() throws IOException {
        // 40 x 30, the left half red: turned a quarter clockwise it is 30 x 40 with the top half red
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(thumbnail(PhotoMetadata.strip(phoneJpeg(6)))));
        assertThat(new int[] {thumb.getWidth(), thumb.getHeight()}).containsExactly(30, 40);
        assertThat(reddish(thumb.getRGB(15, 5))).as("top red").isTrue();
        assertThat(reddish(thumb.getRGB(15, 35))).as("bottom blue").isFalse();

        BufferedImage upside = ImageIO.read(new ByteArrayInputStream(thumbnail(phoneJpeg(3))));
        assertThat(new int[] {upside.getWidth(), upside.getHeight()}).containsExactly(40, 30);
        assertThat(reddish(upside.getRGB(35, 15))).as("turned half round: red on the right").isTrue();
        assertThat(reddish(upside.getRGB(5, 15))).isFalse();

        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(thumbnail(image("jpg"))));
        assertThat(reddish(plain.getRGB(5, 15))).as("no orientation: as taken").isTrue();
    }
}
