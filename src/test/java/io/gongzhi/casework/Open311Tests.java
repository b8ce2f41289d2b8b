package io.gongzhi.casework;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Open311 GeoReport v2 as a client sees it: the fields the spec names, in JSON and in XML (every
 * XML answer read strictly, see {@link StrictXml}); its error rules are {@link Open311ErrorTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Open311Tests {

    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name", "service_code",
            "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address",
            "address_id", "zipcode", "lat", "long", "media_url");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;

    Open311Client client;
    String key;

    @BeforeEach
    void key() {
        client = new Open311Client(mvc, accounts, tokens);
        key = client.key;
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return client.send(request);
    }

    JsonNode body(MockHttpServletResponse response) throws Exception {
        return Open311Client.json(response);
    }

    /** Every XML answer is read strictly (see {@link StrictXml}). */
    static Document xml(MockHttpServletResponse response) throws Exception {
        return StrictXml.parse(response);
    }

    MockHttpServletRequestBuilder create(String format, String... fields) {
        return Open311Client.create(format, fields);
    }

    @Test
    void servicesAndDefinitionsInBothFormats() throws Exception {
        var services = send(get("/open311/v2/services.json"));
        assertThat(services.getStatus()).isEqualTo(200);
        assertThat(services.getContentType()).startsWith("application/json");
        JsonNode list = body(services);
        assertThat(list.isArray()).isTrue();
        JsonNode river = null;
        for (JsonNode s : list) {
            assertThat(s.propertyNames()).containsExactly("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
            if (s.get("service_code").asString().equals("E0302")) {
                river = s;
            }
        }
        assertThat(river).isNotNull();
        assertThat(river.get("service_name").asString()).isEqualTo("河道水体污染");
        assertThat(river.get("metadata").asBoolean()).isFalse();
        assertThat(river.get("type").asString()).isEqualTo("realtime");
        assertThat(river.get("group").asString()).isEqualTo("环境污染");

        var inXml = send(get("/open311/v2/services.xml?lang=en"));
        assertThat(inXml.getContentType()).startsWith("text/xml");
        assertThat(inXml.getContentAsString(StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Document doc = xml(inXml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(doc.getElementsByTagName("service").getLength()).isEqualTo(list.size());
        assertThat(doc.getElementsByTagName("service_name").item(0).getTextContent()).isEqualTo("Manhole cover missing or broken");

        var definition = body(send(get("/open311/v2/services/E0302.json")));
        assertThat(definition.get("service_code").asString()).isEqualTo("E0302");
        assertThat(definition.get("attributes").isArray()).isTrue();
        var missing = send(get("/open311/v2/services/NOPE.xml"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(xml(missing).getElementsByTagName("code").item(0).getTextContent()).isEqualTo("404");
        assertThat(send(get("/open311/v2/services.json?jurisdiction_id=9999")).getStatus()).isEqualTo(404);
        assertThat(send(get("/open311/v2/services.json?jurisdiction_id=510107")).getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestIsPostedWithAKeyAndReadBackByIdAndInTheList() throws Exception {
        var created = send(create("json", "api_key", key, "service_code", "E0101", "address_id", "510107005001",
                "description", "垃圾堆在路口\n两天了", "first_name", "明", "last_name", "李", "email", "li@example.org"));
        assertThat(created.getStatus()).isEqualTo(200);
        JsonNode answer = body(created).get(0);
        assertThat(answer.propertyNames()).containsExactly("service_request_id", "service_notice", "account_id");
        long id = answer.get("service_request_id").asLong();
        assertThat(answer.get("service_notice").asString()).contains("城市管理委员会");

        JsonNode one = body(send(get("/open311/v2/requests/" + id + ".json"))).get(0);
        assertThat(one.propertyNames()).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(one.get("status").asString()).isEqualTo("open");
        assertThat(one.get("description").asString()).isEqualTo("垃圾堆在路口\n两天了");
        assertThat(one.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(one.toString()).doesNotContain("李明").doesNotContain("li@example.org");
        assertThat(one.get("media_url").isNull()).as("none sent").isTrue();

        // a client's photo held elsewhere: kept as given, answered in the record, a link on the case page
        String photo = "https://media.example.org/reports/2026/垃圾.jpg?size=large";
        long withPhoto = body(send(create("json", "api_key", key, "service_code", "E0101", "address_id", "510107005001",
                "description", "路口垃圾，照片见链接", "media_url", photo))).get(0).get("service_request_id").asLong();
        assertThat(body(send(get("/open311/v2/requests/" + withPhoto + ".json"))).get(0).get("media_url").asString()).isEqualTo(photo);
        assertThat(xml(send(get("/open311/v2/requests/" + withPhoto + ".xml"))).getElementsByTagName("media_url").item(0).getTextContent())
                .isEqualTo(photo);
        var both = new java.util.HashMap<Long, JsonNode>();
        body(send(get("/open311/v2/requests.json?service_request_id=" + id + "," + withPhoto))).forEach(r -> both.put(r.get("service_request_id").asLong(), r));
        assertThat(both.get(withPhoto).get("media_url").asString()).isEqualTo(photo);
        assertThat(both.get(id).get("media_url").isNull()).isTrue();

        Document doc = xml(send(get("/open311/v2/requests/" + id + ".xml")));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(doc.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(String.valueOf(id));

        var listed = body(send(get("/open311/v2/requests.json?service_code=E0101&status=open&jurisdiction_id=510107")));
        assertThat(listed.findValuesAsString("service_request_id")).contains(String.valueOf(id));
        var closedOnly = body(send(get("/open311/v2/requests.json?service_code=E0101&status=closed")));
        assertThat(closedOnly.findValuesAsString("service_request_id")).doesNotContain(String.valueOf(id));
        var elsewhere = body(send(get("/open311/v2/requests.json?jurisdiction_id=510104")));
        assertThat(elsewhere.findValuesAsString("service_request_id")).doesNotContain(String.valueOf(id));
        var paged = body(send(get("/open311/v2/requests.json?page=1&page_size=1")));
        assertThat(paged.size()).isEqualTo(1);

        var updates = body(send(get("/open311/v2/servicerequestupdates.json")));
        assertThat(updates.findValuesAsString("service_request_id")).contains(String.valueOf(id));
        assertThat(updates.get(0).propertyNames()).containsExactly("update_id", "service_request_id", "status", "updated_datetime",
                "description", "media_url");
        assertThat(send(get("/open311/v2/tokens/abc.json")).getStatus()).isEqualTo(404);

        // a dispute is about named people: accepted like any request, never published
        long dispute = body(send(create("json", "api_key", key, "service_code", "E0601", "address_id", "510107005001",
                "description", "楼上邻居漏水纠纷"))).get(0).get("service_request_id").asLong();
        assertThat(send(get("/open311/v2/requests/" + dispute + ".json")).getStatus()).isEqualTo(404);
        assertThat(send(get("/open311/v2/requests.json")).getContentAsString(StandardCharsets.UTF_8)).doesNotContain("楼上邻居漏水纠纷");
    }

    @Test
    void servicesWhoseRequestsAreNeverPublishedAreBlackbox() throws Exception {
        var inJson = new HashMap<String, String>();
        body(send(get("/open311/v2/services.json"))).forEach(s -> inJson.put(s.get("service_code").asString(), s.get("type").asString()));
        assertThat(inJson).containsEntry("E0601", "blackbox").containsEntry("E0302", "realtime");
        assertThat(inJson.keySet()).as("welfare services are listed too").anyMatch(code -> code.startsWith("E08"));
        // disputes (E06…) and welfare cases (E08…) are accepted but never published: no id a client could follow
        inJson.forEach((code, type) -> assertThat(type).as(code)
                .isEqualTo(code.startsWith("E06") || code.startsWith("E08") ? "blackbox" : "realtime"));

        var inXml = new HashMap<String, String>();
        var services = xml(send(get("/open311/v2/services.xml"))).getElementsByTagName("service");
        for (int i = 0; i < services.getLength(); i++) {
            var service = (Element) services.item(i);
            inXml.put(service.getElementsByTagName("service_code").item(0).getTextContent(),
                    service.getElementsByTagName("type").item(0).getTextContent());
        }
        assertThat(inXml).isEqualTo(inJson);
    }

    @Test
    void charactersXml10CannotCarryAreDroppedOnTheWayInAndOnTheWayOut() throws Exception {
        // U+FFFE, U+FFFF, a control character and lone surrogates go; tab, line feed and a real pair (an emoji) stay
        String dirty = "井盖\uFFFE缺失\uFFFF，\u0001见\uD800图\uDFFF 😀\t第二行\n结束";
        String clean = "井盖缺失，见图 😀\t第二行\n结束";
        var ids = new ArrayList<Long>();
        for (String format : List.of("json", "xml")) {
            long id = client.created(format, "service_code", "E0101", "address_id", CaseActors.INSIDE, "description", dirty,
                    "address_string", "玉林北路\uFFFF 12 号");
            ids.add(id);
            assertThat(body(send(get("/open311/v2/requests/" + id + ".json"))).get(0).get("description").asString())
                    .as("stored without them").isEqualTo(clean);
            assertThat(body(send(get("/open311/v2/requests/" + id + ".json"))).get(0).get("address").asString()).isEqualTo("玉林北路 12 号");
            assertThat(xml(send(get("/open311/v2/requests/" + id + ".xml"))).getElementsByTagName("description").item(0).getTextContent())
                    .isEqualTo(clean);
        }

        // a case stored before the intake cleaned its text: every XML answer holding it still reads
        String stored = "井盖\uFFFE缺失\uFFFF，\u0001见图";
        jdbc.sql("update casework_case set description = :d where id = :id").param("d", stored).param("id", ids.get(0)).update();
        assertThat(body(send(get("/open311/v2/requests/" + ids.get(0) + ".json"))).get(0).get("description").asString()).isEqualTo(stored);
        assertThat(xml(send(get("/open311/v2/requests/" + ids.get(0) + ".xml"))).getElementsByTagName("description").item(0).getTextContent())
                .isEqualTo("井盖缺失，见图");
        var list = xml(send(get("/open311/v2/requests.xml?service_request_id=" + ids.get(0) + "," + ids.get(1))));
        assertThat(list.getElementsByTagName("request").getLength()).isEqualTo(2);
        assertThat(xml(send(get("/open311/v2/requests.xml"))).getElementsByTagName("request").getLength()).isPositive();
        assertThat(xml(send(get("/open311/v2/servicerequestupdates.xml"))).getDocumentElement().getTagName())
                .isEqualTo("service_request_updates");
        // an error answer repeats what the client sent, in an argument or in the path
        var refused = send(get("/open311/v2/requests.xml").param("status", "\uFFFFpending\uFFFE").param("lang", "en"));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(xml(refused).getElementsByTagName("description").item(0).getTextContent()).endsWith("not pending");
        var unknown = send(get("/open311/v2/services/{code}.xml", "X\uFFFF9").param("lang", "en"));
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(xml(unknown).getElementsByTagName("description").item(0).getTextContent()).isEqualTo("No such service_code: X9");

        // the case loop's other doors keep the same text: a grid worker's report
        Case reported = cases.report(new Cases.Report("E0302", dirty, null, null, CaseActors.INSIDE, "玉林北路\uFFFF 12 号", Channel.GRID,
                "李\uFFFE明"), CaseActors.gridWorker());
        assertThat(reported.description()).isEqualTo(clean);
        JsonNode published = body(send(get("/open311/v2/requests/" + reported.id() + ".json"))).get(0);
        assertThat(published.get("description").asString()).isEqualTo(clean);
        assertThat(published.get("address").asString()).isEqualTo("玉林北路 12 号");
        assertThat(jdbc.sql("select reporter_name from casework_case where id = :id").param("id", reported.id()).query(String.class).single())
                .isEqualTo("李明");
    }

    @Test
    void aClosedCaseGivesOneFixedUpdateEvenWhenItIsRated() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Case c = cases.report(new Cases.Report("E0302", "河道有油污", null, null, CaseActors.INSIDE, "", Channel.GRID, ""),
                CaseActors.gridWorker());
        cases.act(c.id(), Cases.Command.of(CaseAction.ACCEPT, ""), CaseActors.dispatcher());
        cases.act(c.id(), new Cases.Command(CaseAction.DISPATCH, "", "water", List.of(), null, null, null, null, null, null),
                CaseActors.dispatcher());
        cases.act(c.id(), Cases.Command.of(CaseAction.RECEIVE, ""), CaseActors.water());
        cases.act(c.id(), Cases.Command.of(CaseAction.FEEDBACK, "已清理"), CaseActors.water());
        cases.act(c.id(), Cases.Command.of(CaseAction.CLOSE, "现场核实已清理"), CaseActors.communityWorker());
        cases.act(c.id(), new Cases.Command(CaseAction.RATE, "", null, null, null, null, null, Rating.SATISFIED, null, null),
                CaseActors.gridWorker());

        var expected = List.of("OPEN", "INVESTIGATING", "ACTION_SCHEDULED", "IN_PROGRESS", "IN_PROGRESS", "FIXED");
        // a window of this test's steps only, however many other tests took
        String window = "?start_date=" + before.truncatedTo(ChronoUnit.SECONDS)
                + "&end_date=" + Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        var inJson = new ArrayList<String>();
        body(send(get("/open311/v2/servicerequestupdates.json" + window))).forEach(u -> {
            if (u.get("service_request_id").asLong() == c.id()) {
                inJson.add(u.get("status").asString());
            }
        });
        assertThat(inJson).containsExactlyElementsOf(expected);

        var inXml = new ArrayList<String>();
        var updates = xml(send(get("/open311/v2/servicerequestupdates.xml" + window))).getElementsByTagName("request_update");
        for (int i = 0; i < updates.getLength(); i++) {
            var update = (Element) updates.item(i);
            if (update.getElementsByTagName("service_request_id").item(0).getTextContent().equals(String.valueOf(c.id()))) {
                inXml.add(update.getElementsByTagName("status").item(0).getTextContent());
            }
        }
        assertThat(inXml).containsExactlyElementsOf(expected);
    }
}
