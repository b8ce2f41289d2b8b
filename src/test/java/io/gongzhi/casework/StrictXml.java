package io.gongzhi.casework;

import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An XML answer read the way the strictest client would: UTF-8 with the XML 1.0 declaration the
 * spec asks for, and a parser that stops at the first error of any kind (a character XML 1.0
 * does not allow is a fatal error; a DOCTYPE is refused, as no answer needs one), so an answer a
 * lenient parser would still read cannot pass here.
 */
final class StrictXml {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private static final ErrorHandler FAIL_ON_ANYTHING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private StrictXml() {
    }

    static Document parse(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).as("content type").startsWith("text/xml");
        byte[] body = response.getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).as("declaration").startsWith(DECLARATION);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(FAIL_ON_ANYTHING);
        return builder.parse(new ByteArrayInputStream(body));
    }
}
