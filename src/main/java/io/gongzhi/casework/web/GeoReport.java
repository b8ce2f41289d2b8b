package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.XmlCharacters;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2's two formats from one tree: lists of flat records (nested lists for a
 * service definition's attributes), as a JSON array or as XML with the spec's root and item
 * element names, UTF-8 with the XML declaration; errors as the spec's {@code errors} list.
 */
final class GeoReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON_TYPE = MediaType.parseMediaType("application/json;charset=UTF-8");

    private GeoReport() {
    }

    /** A list of records: a JSON array, or {@code <root><item>…</item>…</root>}. */
    static ResponseEntity<String> list(String format, HttpStatus status, String root, String item, List<? extends Map<String, ?>> records) {
        if ("xml".equals(format)) {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(root).append('>');
            for (Map<String, ?> r : records) {
                element(xml, item, r);
            }
            xml.append("</").append(root).append('>');
            return ResponseEntity.status(status).contentType(XML).body(xml.toString());
        }
        return ResponseEntity.status(status).contentType(JSON_TYPE).body(JSON.writeValueAsString(records));
    }

    /** One record: a JSON object, or {@code <root>…</root>}. */
    static ResponseEntity<String> one(String format, String root, Map<String, ?> record) {
        if ("xml".equals(format)) {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            element(xml, root, record);
            return ResponseEntity.ok().contentType(XML).body(xml.toString());
        }
        return ResponseEntity.ok().contentType(JSON_TYPE).body(JSON.writeValueAsString(record));
    }

    /** The spec's error answer: the HTTP status, and the same code with a description for each problem. */
    static ResponseEntity<String> errors(String format, HttpStatus status, List<String> descriptions) {
        var records = descriptions.stream().map(d -> Map.<String, Object>of("code", status.value(), "description", d)).toList();
        return list(format, status, "errors", "error", records);
    }

    @SuppressWarnings("unchecked")
    private static void element(StringBuilder xml, String name, Map<String, ?> fields) {
        xml.append('<').append(name).append('>');
        for (var e : fields.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> children) {
                xml.append('<').append(e.getKey()).append('>');
                String child = e.getKey().endsWith("s") ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey();
                for (Object c : children) {
                    element(xml, child, (Map<String, ?>) c);
                }
                xml.append("</").append(e.getKey()).append('>');
            } else if (v == null) {
                xml.append('<').append(e.getKey()).append("/>");
            } else {
                xml.append('<').append(e.getKey()).append('>').append(escape(String.valueOf(v))).append("</").append(e.getKey()).append('>');
            }
        }
        xml.append("</").append(name).append('>');
    }

    /** Text for XML: markup escaped and, for text stored before the intake cleaned it, the characters XML 1.0 cannot carry dropped. */
    static String escape(String text) {
        String kept = XmlCharacters.keep(text);
        var out = new StringBuilder(kept.length());
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
