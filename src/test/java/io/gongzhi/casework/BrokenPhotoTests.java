package io.gongzhi.casework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.gongzhi.casework.AttachmentTests.json;
import static io.gongzhi.casework.AttachmentTests.part;
import static io.gongzhi.casework.AttachmentTests.photo;
import static io.gongzhi.casework.PhotoMetadataTests.bytes;
import static io.gongzhi.casework.PhotoMetadataTests.concat;
import static io.gongzhi.casework.PhotoMetadataTests.riff;
import static io.gongzhi.casework.PhotoMetadataTests.riffChunk;
import static io.gongzhi.casework.TestPictures.cut;
import static io.gongzhi.casework.TestPictures.damaged;
import static io.gongzhi.casework.TestPictures.indexOf;
import static io.gongzhi.casework.TestPictures.withoutLast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A photo is kept only when it is the whole picture it says it is: one cut short on the way or
 * damaged is refused with the field named, in the caller's language, and nothing of the step is
 * kept; one declaring more pixels than a photo may have is refused by its header, before anything
 * would decode it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BrokenPhotoTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse as(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletResponse report(String query, String description, MockMultipartFile file) throws Exception {
        return as("grid", multipart("/api/cases" + query)
                .file(part("case", "{\"category\": \"E0101\", \"description\": \"" + description + "\", \"place\": \"510107005001\"}"))
                .file(file));
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    int casesDescribed(String description) {
        return jdbc.sql("select count(*) from casework_case where description = :d").param("d", description).query(Integer.class).single();
    }

    @Test
    void aTruncatedPngIsRefusedNamingTheFieldInTheCallersLanguageAndNothingIsKept() throws Exception {
        byte[] thirtyBytes = cut(TestPictures.png(), 30);
        int files = count("select count(*) from casework_attachment");

        var refused = report("", "截断的照片", photo("现场.png", "image/png", thirtyBytes));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        var errors = json(refused).get("errors");
        assertThat(errors.findValuesAsString("where")).containsExactly("photos");
        assertThat(errors.findValuesAsString("code")).containsExactly("casework.attachment-broken");
        assertThat(errors.findValuesAsString("message")).containsExactly("“现场.png”不是完整的图片（已损坏或没有传完），请重新选择");

        var inEnglish = report("?lang=en", "截断的照片", photo("site.png", "image/png", thirtyBytes));
        assertThat(json(inEnglish).get("errors").findValuesAsString("message"))
                .containsExactly("“site.png” is not a complete picture (damaged or cut short); please choose it again");
        assertThat(casesDescribed("截断的照片")).isZero();

        // a step on a case refused for a broken photo leaves the case as it was
        var good = report("", "照片后补", photo("好.jpg", "image/jpeg", TestPictures.jpeg()));
        long id = json(good).get("id").asLong();
        int steps = count("select count(*) from casework_step where case_id = " + id);
        var step = as("dispatcher", multipart("/api/cases/" + id + "/steps").file(part("step", "{\"action\": \"accept\"}"))
                .file(photo("补拍.jpg", "image/jpeg", withoutLast(TestPictures.jpeg(), 400))));
        assertThat(step.getStatus()).isEqualTo(400);
        assertThat(json(step).get("errors").findValuesAsString("code")).containsExactly("casework.attachment-broken");
        assertThat(count("select count(*) from casework_step where case_id = " + id)).isEqualTo(steps);
        assertThat(count("select count(*) from casework_attachment")).as("only the good report's photo").isEqualTo(files + 1);
    }

    /** Pictures broken the ways uploads break, each in a format the platform takes. */
    static Map<String, byte[]> broken() {
        byte[] png = TestPictures.png();
        byte[] jpeg = TestPictures.jpeg();
        byte[] lossy = TestPictures.WEBP_LOSSY;
        var broken = new LinkedHashMap<String, byte[]>();
        broken.put("png cut in its picture data", cut(png, png.length / 2));
        broken.put("png without its end and checksum", withoutLast(png, 20));
        broken.put("png with a damaged byte", damaged(png, indexOf(png, "IDAT") + 40));
        broken.put("png without picture data", concat(Arrays.copyOfRange(png, 0, 33), Arrays.copyOfRange(png, png.length - 12, png.length)));
        broken.put("jpeg cut in half", cut(jpeg, jpeg.length / 2));
        broken.put("jpeg without its end", withoutLast(jpeg, 2));
        broken.put("jpeg cut before its picture data", cut(jpeg, 300));
        broken.put("webp cut short", withoutLast(lossy, 30));
        broken.put("webp lossless cut short", withoutLast(TestPictures.WEBP_LOSSLESS, 5));
        broken.put("webp with alpha cut short", withoutLast(TestPictures.WEBP_ALPHA, 100));
        broken.put("webp with only its header", riff());
        // the sizes are consistent, but the first partition the frame declares runs past its chunk
        byte[] vp8 = Arrays.copyOfRange(lossy, 20, lossy.length);
        broken.put("webp whose frame is longer than its chunk", riff(riffChunk("VP8 ", Arrays.copyOf(vp8, 40))));
        broken.put("webp without the start code of its frame", riff(riffChunk("VP8 ", damaged(vp8, 4))));
        byte[] extendedHeader = Arrays.copyOfRange(TestPictures.WEBP_ALPHA, 12, 30);
        broken.put("extended webp without its picture", riff(extendedHeader));
        broken.put("extended webp with raw alpha too short", riff(extendedHeader, riffChunk("ALPH", bytes(0, 255, 255, 255)),
                Arrays.copyOfRange(lossy, 12, lossy.length)));
        broken.put("extended webp whose canvas is not its picture", TestPictures.webpDeclaring(41, 30));
        return broken;
    }

    @Test
    void aPictureCutShortOrDamagedAnywhereIsRefused() throws Exception {
        broken().forEach((what, picture) -> {
            try {
                var answer = report("?lang=en", "坏照片：" + what, photo("photo", "application/octet-stream", picture));
                assertThat(answer.getStatus()).as(what).isEqualTo(400);
                assertThat(json(answer).get("errors").findValuesAsString("code")).as(what).containsExactly("casework.attachment-broken");
                assertThat(casesDescribed("坏照片：" + what)).as(what).isZero();
            } catch (Exception e) {
                throw new AssertionError(what, e);
            }
        });
    }

    @Test
    void wholePicturesInEveryFormatAreKept() throws Exception {
        var whole = new LinkedHashMap<String, byte[]>();
        whole.put("a.jpg", TestPictures.jpeg());
        whole.put("b.png", TestPictures.png());
        whole.put("c.webp", TestPictures.WEBP_LOSSY);
        whole.put("d.webp", TestPictures.WEBP_LOSSY_ONE_SEGMENT);
        whole.put("e.webp", TestPictures.WEBP_LOSSLESS);
        whole.put("f.webp", TestPictures.WEBP_ALPHA);
        // a phone's extended WebP with EXIF after the picture: kept without it
        whole.put("g.webp", riff(riffChunk("VP8X", bytes(0x08, 0, 0, 0, 39, 0, 0, 29, 0, 0)),
                Arrays.copyOfRange(TestPictures.WEBP_LOSSY, 12, TestPictures.WEBP_LOSSY.length),
                riffChunk("EXIF", Arrays.copyOfRange(PhotoMetadataTests.exifSegment(1), 10, PhotoMetadataTests.exifSegment(1).length))));
        whole.put("h.png", PhotoMetadataTests.image("png"));
        for (var file : whole.entrySet()) {
            var answer = report("", "完整的照片 " + file.getKey(), photo(file.getKey(), "image/*", file.getValue()));
            assertThat(answer.getStatus()).as(file.getKey() + ": " + answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        }
    }

    @Test
    void aPictureDeclaringHugeDimensionsIsRefusedByItsHeaderBeforeAnythingDecodesIt() throws Exception {
        // none of these holds the picture data its header promises: a decoder would call them broken,
        // so being refused for their size shows the header decided
        var huge = new LinkedHashMap<String, byte[]>();
        huge.put("huge.png", TestPictures.pngDeclaring(60000, 60000));
        huge.put("huge.jpg", TestPictures.jpegDeclaring(60000, 60000));
        huge.put("huge.webp", TestPictures.webpDeclaring(60000, 60000));
        for (var file : huge.entrySet()) {
            var answer = report("?lang=en", "巨大的照片", photo(file.getKey(), "image/*", file.getValue()));
            assertThat(answer.getStatus()).as(file.getKey()).isEqualTo(400);
            var errors = json(answer).get("errors");
            assertThat(errors.findValuesAsString("code")).as(file.getKey()).containsExactly("casework.attachment-too-many-pixels");
            assertThat(errors.findValuesAsString("where")).containsExactly("photos");
            assertThat(errors.findValuesAsString("message")).containsExactly(
                    "“" + file.getKey() + "” is too large a picture (60000 × 60000 pixels); a photo may have at most 50,000,000 pixels");
        }
        var inChinese = report("", "巨大的照片", photo("大.png", "image/png", TestPictures.pngDeclaring(10000, 5001)));
        assertThat(json(inChinese).get("errors").findValuesAsString("message"))
                .containsExactly("“大.png”的画面太大（10000 × 5001 像素），照片最多 50,000,000 像素");
        assertThat(casesDescribed("巨大的照片")).isZero();
    }

    @Test
    void anAnimationIsNoPhoto() throws Exception {
        var animated = new LinkedHashMap<String, byte[]>();
        animated.put("moving.png", TestPictures.animatedPng());
        animated.put("moving.webp", riff(riffChunk("VP8X", bytes(0x02, 0, 0, 0, 39, 0, 0, 29, 0, 0)), riffChunk("ANIM", new byte[6])));
        for (var file : animated.entrySet()) {
            var answer = report("?lang=en", "动图", photo(file.getKey(), "image/*", file.getValue()));
            assertThat(json(answer).get("errors").findValuesAsString("message")).as(file.getKey())
                    .containsExactly("“" + file.getKey() + "” is an animation; please send a still photo");
        }
        assertThat(casesDescribed("动图")).isZero();
    }
}
