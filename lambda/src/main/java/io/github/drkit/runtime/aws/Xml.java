package io.github.drkit.runtime.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A read-only view of an XML answer, addressed by element paths such as {@code reservationSet/item}. Namespaces
 * are ignored: every AWS XML answer uses one default namespace per service. DTDs and external entities are
 * refused.
 */
public final class Xml {
    private static final DocumentBuilderFactory FACTORY = factory();

    private final Element element;

    private Xml(Element element) {
        this.element = element;
    }

    /** Parses a document; a body that is not XML is an {@link IllegalArgumentException} quoting its start. */
    public static Xml parse(byte[] body) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(null);
            return new Xml(builder.parse(new ByteArrayInputStream(body)).getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            String start = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
            throw new IllegalArgumentException("not an XML answer: " + e.getMessage() + ": " + start, e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
        }
        return factory;
    }

    /** This element's name. */
    public String name() {
        return element.getTagName();
    }

    /** Every element at {@code path} below this one, in document order; empty when there is none. */
    public List<Xml> all(String path) {
        List<Xml> current = List.of(this);
        for (String step : path.split("/")) {
            List<Xml> next = new ArrayList<>();
            for (Xml parent : current) {
                for (Node child = parent.element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e && e.getTagName().equals(step)) {
                        next.add(new Xml(e));
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /** The first element at {@code path}, or null. */
    public Xml first(String path) {
        List<Xml> found = all(path);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The first element anywhere below this one with that name, or null. */
    public Xml find(String name) {
        Node found = element.getElementsByTagName(name).item(0);
        return found == null ? null : new Xml((Element) found);
    }

    /** This element's text, trimmed. */
    public String text() {
        return element.getTextContent().trim();
    }

    /** The text at {@code path}, or null when the element is absent. */
    public String text(String path) {
        Xml found = first(path);
        return found == null ? null : found.text();
    }

    /** The number at {@code path}, or null when absent. */
    public Long number(String path) {
        String text = text(path);
        return text == null || text.isEmpty() ? null : Long.valueOf(text);
    }

    /** The boolean at {@code path}, or null when absent. */
    public Boolean bool(String path) {
        String text = text(path);
        return text == null || text.isEmpty() ? null : Boolean.valueOf(text);
    }

    @Override
    public String toString() {
        return "<" + name() + ">";
    }
}
