package io.github.drkit.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A POM file as written, read with XPath over element names (the parser ignores the POM namespace, so
 * {@code /project/scm/url} finds what a reader of the file sees). No inheritance: {@link ReleaseCheck} applies it.
 */
final class Pom {
    private final Path file;
    private final Document document;

    private Pom(Path file, Document document) {
        this.file = file;
        this.document = document;
    }

    static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Pom(file, factory.newDocumentBuilder().parse(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** The trimmed text of the first element at {@code path}, or "" when there is none. */
    String text(String path) {
        List<String> all = texts(path);
        return all.isEmpty() ? "" : all.get(0);
    }

    /** The trimmed, non-blank texts of every element at {@code path}, in document order. */
    List<String> texts(String path) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                String text = nodes.item(i).getTextContent().trim();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
            return texts;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + path, e);
        }
    }

    boolean has(String path) {
        return !texts(path).isEmpty();
    }

    /** The attribute {@code name} of the element at {@code path}, or "" when either is absent. */
    String attribute(String path, String name) {
        return text(path + "/@" + name);
    }
}
