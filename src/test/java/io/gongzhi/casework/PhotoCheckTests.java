package io.gongzhi.casework;

import io.gongzhi.platform.files.PhotoCheck;
import io.gongzhi.platform.files.PhotoMetadata;
import io.gongzhi.platform.files.WebpStructure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import static io.gongzhi.platform.files.PhotoCheck.Verdict.BROKEN;
import static io.gongzhi.platform.files.PhotoCheck.Verdict.TOO_MANY_PIXELS;
import static io.gongzhi.platform.files.PhotoCheck.Verdict.WHOLE;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules {@link PhotoCheck} and {@link WebpStructure} apply, on whole pictures and on every way of cutting them short. */
class PhotoCheckTests {

    static final long LIMIT = 50_000_000L;

    static PhotoCheck.Result check(byte[] picture) {
        return PhotoCheck.of(PhotoMetadata.strip(picture), LIMIT);
    }

    static Stream<Arguments> pictures() {
        return Stream.of(Arguments.of("jpeg", TestPictures.jpeg()), Arguments.of("png", TestPictures.png()),
                Arguments.of("webp lossy", TestPictures.WEBP_LOSSY), Arguments.of("webp lossless", TestPictures.WEBP_LOSSLESS),
                Arguments.of("webp with alpha", TestPictures.WEBP_ALPHA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void aWholePictureIsWholeAndEveryShorterCopyIsNot(String what, byte[] picture) {
        assertThat(check(picture).verdict()).isEqualTo(WHOLE);
        // the last byte of the lossless file is the padding of its odd-sized chunk: the picture is all there without it
        int shortest = what.equals("webp lossless") ? picture.length - 2 : picture.length - 1;
        for (int length = 12; length <= shortest; length++) {
            byte[] cut = Arrays.copyOf(picture, length);
            assertThat(check(cut).verdict()).as("%s cut to %d of %d bytes", what, length, picture.length).isNotEqualTo(WHOLE);
        }
    }

    @Test
    void theSizeComesFromTheHeaderAndTheLimitIsInclusive() {
        var huge = PhotoCheck.of(TestPictures.pngDeclaring(60000, 60000), LIMIT);
        assertThat(huge.verdict()).isEqualTo(TOO_MANY_PIXELS);
        assertThat(new int[] {huge.width(), huge.height()}).containsExactly(60000, 60000);
        assertThat(PhotoCheck.of(TestPictures.jpegDeclaring(10000, 5001), LIMIT).verdict()).isEqualTo(TOO_MANY_PIXELS);
        assertThat(PhotoCheck.of(TestPictures.webpDeclaring(16384, 16384), LIMIT).verdict()).isEqualTo(TOO_MANY_PIXELS);
        // at the limit the header passes, and the missing picture data is what refuses it
        assertThat(PhotoCheck.of(TestPictures.pngDeclaring(10000, 5000), LIMIT).verdict()).isEqualTo(BROKEN);
        assertThat(PhotoCheck.of(TestPictures.jpeg(), 64 * 48).verdict()).isEqualTo(WHOLE);
        assertThat(PhotoCheck.of(TestPictures.jpeg(), 64 * 48 - 1).verdict()).isEqualTo(TOO_MANY_PIXELS);
    }

    @Test
    void aLargePhotoIsReadEveryFewPixelsIntoItsThumbnail() throws IOException {
        var result = check(TestPictures.image("jpg", 2000, 1500));
        assertThat(result.verdict()).isEqualTo(WHOLE);
        var thumbnail = ImageIO.read(new ByteArrayInputStream(result.thumbnail()));
        assertThat(new int[] {thumbnail.getWidth(), thumbnail.getHeight()}).containsExactly(320, 240);
    }

    @Test
    void aPdfIsNotLookedAtHere() {
        var pdf = PhotoCheck.of("%PDF-1.7 cut".getBytes(java.nio.charset.StandardCharsets.US_ASCII), LIMIT);
        assertThat(pdf.verdict()).isEqualTo(WHOLE);
        assertThat(pdf.thumbnail()).isNull();
    }
}
