package io.gongzhi.casework;

import io.gongzhi.platform.files.PhotoMetadata;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Photos on cases: brought by a report and a feedback, shown on the timeline to whoever may see
 * the step, refused by their bytes (type, size, count) with nothing of the step kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttachmentTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] JPEG = TestPictures.jpeg();
    static final byte[] PNG = TestPictures.png();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    static byte[] bytes(int[] head, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < head.length; i++) {
            b[i] = (byte) head[i];
        }
        Arrays.fill(b, head.length, length, (byte) 7);
        return b;
    }

    MockHttpServletResponse as(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse r) throws Exception {
        return JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    static MockMultipartFile part(String name, String json) {
        return new MockMultipartFile(name, "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
    }

    static MockMultipartFile photo(String filename, String claimed, byte[] content) {
        return new MockMultipartFile("photos", filename, claimed, content);
    }

    long report(String description, MockMultipartFile... photos) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/cases").file(part("case",
                "{\"category\": \"E0101\", \"description\": \"" + description + "\", \"place\": \"510107005001\"}"));
        for (var p : photos) {
            request.file(p);
        }
        var answer = as("grid", request);
        assertThat(answer.getStatus()).as(answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return json(answer).get("id").asLong();
    }

    MockHttpServletResponse step(String username, long id, String json, MockMultipartFile... photos) throws Exception {
        var request = multipart("/api/cases/" + id + "/steps").file(part("step", json));
        for (var p : photos) {
            request.file(p);
        }
        return as(username, request);
    }

    int casesDescribed(String description) {
        return jdbc.sql("select count(*) from casework_case where description = :d").param("d", description).query(Integer.class).single();
    }

    @Test
    void aPhoneCameraPhotoIsKeptWithoutWhereAndWithWhatItWasTaken() throws Exception {
        byte[] taken = PhotoMetadataTests.phoneJpeg(6);
        long id = report("手机拍的照片，带位置", photo("IMG_0001.jpg", "image/jpeg", taken));
        long photoId = json(as("dispatcher", get("/api/cases/" + id + "/steps"))).get(0).get("attachments").get(0).get("id").asLong();
        byte[] served = as("dispatcher", get("/api/cases/" + id + "/attachments/" + photoId)).getContentAsByteArray();
        assertThat(PhotoMetadataTests.contains(served, PhotoMetadataTests.GPS)).as("no position").isFalse();
        assertThat(PhotoMetadataTests.contains(served, "ILCE")).as("no camera").isFalse();
        assertThat(PhotoMetadata.jpegOrientation(served)).as("still the right way up").isEqualTo(6);
        assertThat(jdbc.sql("select size from casework_attachment where id = :id").param("id", photoId).query(Long.class).single())
                .as("the size is of what is kept").isEqualTo(served.length);
    }

    @Test
    void photosOfTheProblemAndOfTheWorkDoneFollowTheCaseToWhoeverMaySeeThem() throws Exception {
        long id = report("垃圾堆在路口，附照片", photo("路口.jpg", "image/jpeg", JPEG), photo("C:\\Users\\me\\近景.png", "application/octet-stream", PNG));

        var timeline = json(as("dispatcher", get("/api/cases/" + id + "/steps")));
        var files = timeline.get(0).get("attachments");
        assertThat(files.findValuesAsString("name")).containsExactly("路口.jpg", "近景.png");
        assertThat(files.findValuesAsString("contentType")).as("the type is what the bytes are").containsExactly("image/jpeg", "image/png");
        long photoId = files.get(1).get("id").asLong();
        var download = as("dispatcher", get("/api/cases/" + id + "/attachments/" + photoId));
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(download.getContentType()).isEqualTo("image/png");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(as("community", get("/api/cases/" + id + "/attachments/" + photoId)).getStatus())
                .as("the community worker of the case's community sees it").isEqualTo(200);
        assertThat(as("dispatcher", get("/api/cases/" + id + "/attachments/" + (photoId + 1000))).getStatus()).isEqualTo(404);

        assertThat(step("dispatcher", id, "{\"action\": \"accept\"}").getStatus()).isEqualTo(200);
        assertThat(step("dispatcher", id, "{\"action\": \"dispatch\", \"department\": \"city-management\"}").getStatus()).isEqualTo(200);
        assertThat(step("department", id, "{\"action\": \"receive\"}").getStatus()).isEqualTo(200);
        var extension = step("department", id, "{\"action\": \"request-extension\", \"days\": 1, \"note\": \"需调车，内部说明\"}",
                photo("调度单.pdf", "application/pdf", "%PDF-1.7 dispatch order".getBytes(StandardCharsets.US_ASCII)));
        assertThat(extension.getStatus()).isEqualTo(200);
        assertThat(step("dispatcher", id, "{\"action\": \"approve-extension\"}").getStatus()).isEqualTo(200);
        var feedback = step("department", id, "{\"action\": \"feedback\", \"note\": \"已清运\"}", photo("清运后.jpg", "image/jpeg", JPEG));
        assertThat(json(feedback).get("state").asString()).isEqualTo("FED_BACK");

        // the reporter sees the photos of the problem and of the work done, not the department's internal request
        var mine = json(as("grid", get("/api/my/cases/" + id + "/steps")));
        var byAction = new java.util.HashMap<String, JsonNode>();
        mine.forEach(s -> byAction.put(s.get("action").asString(), s));
        assertThat(byAction.get("FEEDBACK").get("attachments").findValuesAsString("name")).containsExactly("清运后.jpg");
        assertThat(byAction.get("REQUEST_EXTENSION").get("note").asString()).as("internal notes stay with the staff").isEmpty();
        assertThat(byAction.get("REQUEST_EXTENSION").get("attachments")).isEmpty();
        assertThat(mine.findValuesAsString("actor")).as("staff names stay with the staff").containsOnly("");
        var staffView = json(as("dispatcher", get("/api/cases/" + id + "/steps")));
        long orderId = -1;
        for (var s : staffView) {
            if (s.get("action").asString().equals("REQUEST_EXTENSION")) {
                orderId = s.get("attachments").get(0).get("id").asLong();
                assertThat(s.get("attachments").get(0).get("contentType").asString()).isEqualTo("application/pdf");
            }
        }
        assertThat(as("grid", get("/api/my/cases/" + id + "/attachments/" + orderId)).getStatus()).isEqualTo(404);
        var order = as("dispatcher", get("/api/cases/" + id + "/attachments/" + orderId));
        assertThat(order.getHeader("Content-Disposition")).as("documents download, never render in the page").startsWith("attachment");
        long feedbackPhoto = byAction.get("FEEDBACK").get("attachments").get(0).get("id").asLong();
        assertThat(as("grid", get("/api/my/cases/" + id + "/attachments/" + feedbackPhoto)).getContentAsByteArray()).isEqualTo(JPEG);

        var card = as("dispatcher", get("/cases/" + id)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(card).contains("src=\"/api/cases/" + id + "/attachments/" + photoId + "?thumb=true\"").contains("调度单.pdf");
        var ownCard = as("grid", get("/my/cases/" + id)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(ownCard).contains("/api/my/cases/" + id + "/attachments/" + feedbackPhoto).doesNotContain("调度单.pdf");
    }

    @Test
    void aFileThatIsNotWhatItSaysTooBigOrTooManyRefusesTheReportAndKeepsNothing() throws Exception {
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        var request = multipart("/api/cases").file(part("case", "{\"category\": \"E0101\", \"description\": \"伪装的照片\", \"place\": \"510107005001\"}"))
                .file(photo("photo.jpg", "image/jpeg", script));
        var refused = as("grid", request);
        assertThat(refused.getStatus()).isEqualTo(400);
        var problem = json(refused);
        assertThat(problem.get("errors").findValuesAsString("where")).containsExactly("photos");
        assertThat(problem.get("errors").findValuesAsString("message")).containsExactly("“photo.jpg”不是 JPEG、PNG、WebP 图片或 PDF 文件");
        assertThat(casesDescribed("伪装的照片")).isZero();

        var tooBig = as("grid", multipart("/api/cases?lang=en")
                .file(part("case", "{\"category\": \"E0101\", \"description\": \"太大的照片\", \"place\": \"510107005001\"}"))
                .file(photo("big.jpg", "image/jpeg", bytes(new int[]{0xFF, 0xD8, 0xFF}, 10 * 1024 * 1024 + 1))));
        assertThat(json(tooBig).get("errors").findValuesAsString("message")).containsExactly("“big.jpg” is larger than 10 MB");
        assertThat(casesDescribed("太大的照片")).isZero();

        var many = multipart("/api/cases").file(part("case", "{\"category\": \"E0101\", \"description\": \"十张照片\", \"place\": \"510107005001\"}"));
        for (int i = 0; i < 10; i++) {
            many.file(photo(i + ".png", "image/png", PNG));
        }
        assertThat(json(as("grid", many)).get("errors").findValuesAsString("code")).containsExactly("casework.attachment-too-many");
        assertThat(casesDescribed("十张照片")).isZero();

        long id = report("好的上报");
        int before = jdbc.sql("select count(*) from casework_step where case_id = :id").param("id", id).query(Integer.class).single();
        var badStep = step("dispatcher", id, "{\"action\": \"accept\"}", photo("empty.png", "image/png", new byte[0]));
        assertThat(json(badStep).get("errors").findValuesAsString("code")).containsExactly("casework.attachment-empty");
        assertThat(jdbc.sql("select count(*) from casework_step where case_id = :id").param("id", id).query(Integer.class).single())
                .as("a refused step leaves the case as it was").isEqualTo(before);
        assertThat(jdbc.sql("select state from casework_case where id = :id").param("id", id).query(String.class).single()).isEqualTo("REPORTED");
    }

    @Test
    void theReportFormKeepsWhatWasTypedWhenAPhotoIsRefused() throws Exception {
        var page = as("grid", multipart("/cases/new").file(photo("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
                .param("category", "E0101").param("description", "路灯不亮，照片附后").param("place", "510107005001"));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("“notes.txt”不是 JPEG、PNG、WebP 图片或 PDF 文件").contains("路灯不亮，照片附后").contains("请重新选择要上传的照片");
        assertThat(casesDescribed("路灯不亮，照片附后")).isZero();

        var sent = as("grid", multipart("/cases/new").file(photo("灯.jpg", "image/jpeg", JPEG))
                .param("category", "E0101").param("description", "路灯不亮，照片附后").param("place", "510107005001"));
        assertThat(sent.getRedirectedUrl()).matches("/my/cases/\\d+\\?done=report");
        long id = Long.parseLong(sent.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
        assertThat(as("grid", get("/my/cases/" + id)).getContentAsString(StandardCharsets.UTF_8)).contains("alt=\"灯.jpg\"");
    }

    @Test
    void aPhotoGetsASmallCopyForTheTimelineAndTheFullOneStaysAsSent() throws Exception {
        var image = new java.awt.image.BufferedImage(1600, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, 1600, 1200);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        long id = report("大照片的缩略图", photo("现场全景.png", "image/png", png));
        long photoId = json(as("dispatcher", get("/api/cases/" + id + "/steps"))).get(0).get("attachments").get(0).get("id").asLong();

        var full = as("dispatcher", get("/api/cases/" + id + "/attachments/" + photoId));
        assertThat(full.getContentAsByteArray()).isEqualTo(png);
        var thumb = as("dispatcher", get("/api/cases/" + id + "/attachments/" + photoId + "?thumb=true"));
        assertThat(thumb.getContentType()).isEqualTo("image/jpeg");
        var small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.getContentAsByteArray()));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
        assertThat(thumb.getContentAsByteArray().length).isLessThan(png.length);
        assertThat(as("community", get("/api/cases/" + id + "/attachments/" + photoId + "?thumb=true")).getStatus()).isEqualTo(200);
        assertThat(as("grid", get("/api/my/cases/" + id + "/attachments/" + photoId + "?thumb=true")).getContentType()).isEqualTo("image/jpeg");
    }
}
