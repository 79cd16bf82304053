package fr.guichet.associations.rna.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The ministry's XML record of an association ({@code <asso>} with {@code <identite>},
 * {@code <activites>}, {@code <coordonnees>}...), read with the JDK's DOM parser, DTDs and
 * external entities refused.
 */
public final class RnaRecord {

    private final Element asso;

    private RnaRecord(Element asso) {
        this.asso = asso;
    }

    /**
     * The record of an answer body; empty when the body is not a document whose root is
     * {@code <asso>}.
     *
     * @throws IllegalArgumentException when the body is not well-formed XML
     */
    public static Optional<RnaRecord> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(body));
            Element root = document.getDocumentElement();
            return "asso".equals(root.getTagName()) ? Optional.of(new RnaRecord(root)) : Optional.empty();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("Unreadable XML", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text of the element at {@code path} under {@code <asso>} ({@code "identite", "nom"}),
     * or null when absent or empty.
     */
    public String text(String... path) {
        Element element = element(path);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent();
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * The elements named {@code name} directly under the element at {@code parent}, each read
     * as a record of its own ({@code text("id")} is then relative to it); empty when absent.
     */
    public List<RnaRecord> all(String name, String... parent) {
        Element container = element(parent);
        List<RnaRecord> found = new ArrayList<>();
        if (container == null) {
            return found;
        }
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(new RnaRecord(e));
            }
        }
        return found;
    }

    /** True when the element at {@code path} exists. */
    public boolean has(String... path) {
        return element(path) != null;
    }

    private Element element(String... path) {
        Element current = asso;
        for (String name : path) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
