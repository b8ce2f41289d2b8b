package io.gongzhi;

import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Typed junk to every operation of the OpenAPI description, as someone who may call it: wrong
 * types, out-of-range numbers, impossible dates, unknown enum values, huge and control-character
 * strings, NUL bytes, bodies that are not JSON or not of the expected shape, nulls in every field,
 * multipart without a boundary or with random bytes. Whatever the input, the answer is never a
 * server error: bad input is a 4xx that says what is wrong.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiFuzzTests {

    /** Who calls: the first of these whose plain call is not refused (401/403) takes the operation. */
    static final List<String> CALLERS = List.of("community", "dispatcher", "grid", "city", "district", "department", "resident",
            "socialorg", "auditor", "secadmin", "admin");

    static final List<String> PATH_JUNK = List.of("0", "-1", "9223372036854775808", "abc", "%00", "%E4%B8%AD%E6%96%87", "1.5",
            "x".repeat(3000), "%27%20or%201%3D1--", "null");
    static final List<String> NUMBER_JUNK = List.of("abc", "-1", "-99999999999", "99999999999999999999", "1e99", "NaN", "0x10", "");
    static final List<String> TEXT_JUNK = List.of("", " ", "x".repeat(20_000), "\u0000", "a\u0000b", "\uFFFF\uFFFE", "'; drop table x;--",
            "%", "_", "2026-13-45", "1900-01-01", "2999-12-31", "-1", "<script>alert(1)</script>", "中文", "\uD800");
    static final List<String> BODY_JUNK = List.of("", "{", "null", "[]", "{}", "123", "\"text\"", "[{}]", "{\"a\":", "\u0000");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;

    final JsonMapper json = JsonMapper.builder().build();
    final Random random = new Random(18);
    int requests;
    final List<String> failures = new ArrayList<>();

    @Test
    void noJunkEverMakesAServerError() throws Exception {
        PopulationFixture.ensure(context);
        JsonNode api = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").properties().iterator(); paths.hasNext(); ) {
            var path = paths.next();
            for (var op : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
                operations++;
                fuzz(api, path.getKey(), method, op.getValue());
            }
        }
        System.out.printf("API fuzz: %d operations, %d requests, %d server errors%n", operations, requests, failures.size());
        failures.forEach(f -> System.out.println("API fuzz: " + f));
        assertThat(operations).as("operations in the API description").isGreaterThan(50);
        assertThat(failures).as("server errors").isEmpty();
    }

    /**
     * The same junk to every handler the application maps, pages and forms included (their
     * parameters read from the handler methods, as they are not in the API description).
     */
    @Test
    void noJunkToAPageOrFormEverMakesAServerError() throws Exception {
        PopulationFixture.ensure(context);
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        int handlers = 0;
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("io.gongzhi")) {
                continue;
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                for (var verb : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
                    handlers++;
                    fuzzHandler(pattern, HttpMethod.valueOf(verb.name()), handler);
                }
            }
        }
        System.out.printf("Page fuzz: %d handlers, %d requests, %d server errors%n", handlers, requests, failures.size());
        failures.forEach(f -> System.out.println("Page fuzz: " + f));
        assertThat(handlers).isGreaterThan(100);
        assertThat(failures).as("server errors").isEmpty();
    }

    void fuzzHandler(String pattern, HttpMethod method, HandlerMethod handler) throws Exception {
        var pathNames = new ArrayList<String>();
        var paramNames = new ArrayList<String>();
        for (var parameter : handler.getMethodParameters()) {
            var path = parameter.getParameterAnnotation(PathVariable.class);
            var param = parameter.getParameterAnnotation(RequestParam.class);
            String name = parameter.getParameterName();
            if (path != null) {
                pathNames.add(!path.value().isEmpty() ? path.value() : !path.name().isEmpty() ? path.name() : name);
            } else if (param != null) {
                paramNames.add(!param.value().isEmpty() ? param.value() : !param.name().isEmpty() ? param.name() : name);
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || isRecordForm(parameter.getParameterType())) {
                for (var component : parameter.getParameterType().getRecordComponents()) {
                    paramNames.add(component.getName());
                }
            }
        }
        String plain = pattern.replaceAll("\\{([^}:]+)(:[^}]*)?}", "987654");
        String caller = pageCaller(plain, method);
        for (String name : pathNames) {
            for (String junk : PATH_JUNK) {
                send(caller, method, pattern.replaceAll("\\{" + name + "(:[^}]*)?}", junk).replaceAll("\\{([^}:]+)(:[^}]*)?}", "987654"),
                        Map.of(), null, null, "application/x-www-form-urlencoded");
            }
        }
        for (String name : paramNames) {
            for (String junk : TEXT_JUNK) {
                send(caller, method, plain, Map.of(name, junk), null, null, "application/x-www-form-urlencoded");
            }
            for (String junk : NUMBER_JUNK) {
                send(caller, method, plain, Map.of(name, junk), null, null, "application/x-www-form-urlencoded");
            }
        }
    }

    static boolean isRecordForm(Class<?> type) {
        return type.isRecord() && type.getPackageName().startsWith("io.gongzhi");
    }

    String pageCaller(String uri, HttpMethod method) throws Exception {
        for (String name : CALLERS) {
            var request = MockMvcRequestBuilders.request(method, uri).with(user(users.loadUserByUsername(name))).with(csrf());
            int status = status(request);
            check(name, method, uri, status, null);
            if (status != 401 && status != 403) {
                return name;
            }
        }
        return null;
    }

    void fuzz(JsonNode api, String template, HttpMethod method, JsonNode op) throws Exception {
        var parameters = new ArrayList<JsonNode>();
        if (op.has("parameters")) {
            op.get("parameters").forEach(parameters::add);
        }
        String caller = caller(template, method, parameters, op);
        // every path parameter junk in turn, the others plausible
        for (JsonNode p : parameters) {
            if (p.get("in").asString().equals("path")) {
                for (String junk : PATH_JUNK) {
                    send(caller, method, expand(template, parameters, p.get("name").asString(), junk), Map.of(), op, null, "application/json");
                }
            }
        }
        // every query parameter junk in turn, by its type
        for (JsonNode p : parameters) {
            if (p.get("in").asString().equals("query")) {
                for (String junk : junkFor(schema(api, p.get("schema")))) {
                    send(caller, method, expand(template, parameters, null, null), Map.of(p.get("name").asString(), junk), op, null, "application/json");
                }
            }
        }
        if (op.has("requestBody")) {
            JsonNode content = op.get("requestBody").get("content");
            String uri = expand(template, parameters, null, null);
            if (content.has("application/json")) {
                for (String body : BODY_JUNK) {
                    send(caller, method, uri, Map.of(), op, body, "application/json");
                }
                JsonNode schema = schema(api, content.get("application/json").get("schema"));
                for (String body : bodies(api, schema)) {
                    send(caller, method, uri, Map.of(), op, body, "application/json");
                }
                send(caller, method, uri, Map.of(), op, "{}", "text/plain");
            }
            if (content.has("multipart/form-data")) {
                multipart(caller, method, uri, content.get("multipart/form-data"));
            }
            if (content.has("application/x-www-form-urlencoded")) {
                JsonNode schema = schema(api, content.get("application/x-www-form-urlencoded").get("schema"));
                if (schema != null && schema.has("properties")) {
                    for (var field : schema.get("properties").properties()) {
                        for (String junk : junkFor(schema(api, field.getValue()))) {
                            send(caller, method, uri, Map.of(field.getKey(), junk), op, null, "application/x-www-form-urlencoded");
                        }
                    }
                }
            }
        }
    }

    /** The first caller whose plain call is not refused; none (anonymous) when all are. */
    String caller(String template, HttpMethod method, List<JsonNode> parameters, JsonNode op) throws Exception {
        String uri = expand(template, parameters, null, null);
        for (String name : CALLERS) {
            var request = MockMvcRequestBuilders.request(method, uri).with(user(users.loadUserByUsername(name))).with(csrf());
            if (op.has("requestBody")) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
            int status = status(request);
            check(name, method, uri, status, "{}");
            if (status != 401 && status != 403) {
                return name;
            }
        }
        return null;
    }

    void send(String caller, HttpMethod method, String uri, Map<String, String> query, JsonNode op, String body, String type) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, uri).with(csrf());
        if (caller != null) {
            request.with(user(users.loadUserByUsername(caller)));
        }
        query.forEach(request::param);
        if (body != null) {
            request.contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
        } else if (type.equals("application/x-www-form-urlencoded")) {
            request.contentType(type);
        }
        int status = status(request);
        check(caller, method, uri + (query.isEmpty() ? "" : " " + abbreviate(query.toString())), status, body);
    }

    void multipart(String caller, HttpMethod method, String uri, JsonNode content) throws Exception {
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        var variants = new LinkedHashMap<String, AbstractMockHttpServletRequestBuilder<?>>();
        variants.put("no boundary", MockMvcRequestBuilders.request(method, uri).contentType("multipart/form-data").content("--x\r\n\r\n"));
        variants.put("no parts", MockMvcRequestBuilders.multipart(method, uri));
        variants.put("random bytes", MockMvcRequestBuilders.multipart(method, uri).file(new MockMultipartFile("file", "x.csv", "text/csv", noise)));
        variants.put("empty file", MockMvcRequestBuilders.multipart(method, uri).file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[0])));
        variants.put("zip that is no workbook", MockMvcRequestBuilders.multipart(method, uri)
                .file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3})));
        for (var v : variants.entrySet()) {
            var request = v.getValue();
            request.with(csrf());
            if (caller != null) {
                request.with(user(users.loadUserByUsername(caller)));
            }
            int status = status(request);
            check(caller, method, uri + " multipart " + v.getKey(), status, null);
        }
    }

    String thrown;

    /** The answer's status; an exception that escaped every handler is what a server error is made of (reported with its cause). */
    int status(org.springframework.test.web.servlet.RequestBuilder request) {
        requests++;
        thrown = null;
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            StackTraceElement at = java.util.Arrays.stream(root.getStackTrace()).filter(f -> f.getClassName().startsWith("io.gongzhi"))
                    .findFirst().orElse(root.getStackTrace().length > 0 ? root.getStackTrace()[0] : null);
            thrown = root.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(root.getMessage())) + " at " + at;
            return 500;
        }
    }

    void check(String caller, HttpMethod method, String what, int status, String body) {
        if (status >= 500) {
            failures.add(status + " " + method + " " + abbreviate(what) + " as " + caller + (body == null ? "" : " body " + abbreviate(body))
                    + (thrown == null ? "" : " -> " + thrown));
        }
    }

    /** The URI with every path parameter a plausible value, and {@code junkName} given {@code junk} (already encoded). */
    static String expand(String template, List<JsonNode> parameters, String junkName, String junk) {
        String uri = template;
        for (JsonNode p : parameters) {
            if (p.get("in").asString().equals("path")) {
                String name = p.get("name").asString();
                String value = name.equals(junkName) ? junk : plausible(p);
                uri = uri.replace("{" + name + "}", value);
            }
        }
        return uri;
    }

    static String plausible(JsonNode p) {
        JsonNode schema = p.get("schema");
        String type = schema == null || !schema.has("type") ? "string" : schema.get("type").asString();
        return switch (type) {
            case "integer", "number" -> "987654";
            default -> "x" + UriUtils.encode(p.get("name").asString(), StandardCharsets.UTF_8);
        };
    }

    /** Junk for a parameter of this schema: wrong types, and for its own type the edges. */
    List<String> junkFor(JsonNode schema) {
        var junk = new ArrayList<>(TEXT_JUNK);
        if (schema != null && schema.has("type")) {
            String type = schema.get("type").asString();
            if (type.equals("integer") || type.equals("number")) {
                junk.addAll(NUMBER_JUNK);
            } else if (type.equals("boolean")) {
                junk.add("maybe");
            } else if (type.equals("array")) {
                junk.add("a,b,,c");
            }
        }
        if (schema != null && schema.has("enum")) {
            junk.add("NOT_A_VALUE");
            junk.add(schema.get("enum").get(0).asString().toLowerCase() + "x");
        }
        return junk;
    }

    /** Bodies of the right shape with one property at a time made wrong: null, another type, huge, NUL, an impossible date. */
    List<String> bodies(JsonNode api, JsonNode schema) {
        var bodies = new ArrayList<String>();
        if (schema == null || !schema.has("properties")) {
            return bodies;
        }
        ObjectNode base = json.createObjectNode();
        for (var property : schema.get("properties").properties()) {
            base.set(property.getKey(), sample(api, schema(api, property.getValue()), 0));
        }
        bodies.add(base.toString());
        for (var property : schema.get("properties").properties()) {
            String name = property.getKey();
            for (JsonNode bad : List.of(json.nullNode(), json.getNodeFactory().numberNode(-1), json.getNodeFactory().numberNode(1e308),
                    json.getNodeFactory().textNode("x".repeat(100_000)), json.getNodeFactory().textNode("a\u0000b"),
                    json.getNodeFactory().textNode("2026-13-45"), json.createArrayNode(), json.createObjectNode(),
                    json.getNodeFactory().booleanNode(true))) {
                ObjectNode variant = base.deepCopy();
                variant.set(name, bad);
                bodies.add(variant.toString());
            }
            JsonNode nested = schema(api, property.getValue());
            if (nested != null && nested.has("properties")) {
                for (String inner : bodies(api, nested)) {
                    ObjectNode variant = base.deepCopy();
                    try {
                        variant.set(name, json.readTree(inner));
                    } catch (RuntimeException e) {
                        continue;
                    }
                    bodies.add(variant.toString());
                }
            }
        }
        return bodies;
    }

    /** A plausible value of the schema, so that one wrong property is what the server meets. */
    JsonNode sample(JsonNode api, JsonNode schema, int depth) {
        var f = json.getNodeFactory();
        if (schema == null || depth > 3) {
            return f.textNode("x");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.has("type") ? schema.get("type").asString() : schema.has("properties") ? "object" : "string";
        return switch (type) {
            case "integer", "number" -> f.numberNode(1);
            case "boolean" -> f.booleanNode(false);
            case "array" -> f.arrayNode().add(sample(api, schema(api, schema.get("items")), depth + 1));
            case "object" -> {
                ObjectNode o = json.createObjectNode();
                if (schema.has("properties")) {
                    for (var p : schema.get("properties").properties()) {
                        o.set(p.getKey(), sample(api, schema(api, p.getValue()), depth + 1));
                    }
                }
                yield o;
            }
            default -> f.textNode("x");
        };
    }

    /** The schema itself, following a {@code $ref} into the components. */
    static JsonNode schema(JsonNode api, JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return api.at(ref.substring(1));
        }
        return schema;
    }

    static String abbreviate(String s) {
        String printable = s.replace("\u0000", "\\0");
        return printable.length() <= 160 ? printable : printable.substring(0, 160) + "…(" + printable.length() + ")";
    }
}
