package fr.guichet.registers.infogreffe.mapping;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reading Infogreffe's XML the way its elements are named, whatever their depth: {@code all(scope,
 * "liste_dirigeant", "dirigeant")} is every {@code dirigeant} below a {@code liste_dirigeant}
 * (a CSS descendant selector). Empty texts and attributes read as absent.
 */
public final class XmlNodes {

    private XmlNodes() {
    }

    /** The document, or empty when the bytes are not well-formed XML; DTDs refused (no external entities). */
    public static Optional<Document> parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            return Optional.of(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Every element named by the last name below elements named by the ones before, in document order. */
    public static List<Element> all(Node scope, String... path) {
        Set<Element> current = new LinkedHashSet<>();
        if (scope == null) {
            return List.of();
        }
        current.add(scope instanceof Document d ? d.getDocumentElement() : (Element) scope);
        boolean includeSelf = scope instanceof Document;
        for (String name : path) {
            Set<Element> next = new LinkedHashSet<>();
            for (Element e : current) {
                if (includeSelf && e.getTagName().equals(name)) {
                    next.add(e);
                }
                NodeList found = e.getElementsByTagName(name);
                for (int i = 0; i < found.getLength(); i++) {
                    next.add((Element) found.item(i));
                }
            }
            includeSelf = false;
            current = next;
        }
        return new ArrayList<>(current);
    }

    /** The first of {@link #all}, or null. */
    public static Element first(Node scope, String... path) {
        List<Element> found = all(scope, path);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the first match, trimmed; null when there is none or it is blank. */
    public static String text(Node scope, String... path) {
        return text(first(scope, path));
    }

    /** The trimmed text of an element; null when absent or blank. */
    public static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    /** An attribute of the first match; null when absent or blank. */
    public static String attribute(Node scope, String attribute, String... path) {
        return attribute(path.length == 0 ? (Element) scope : first(scope, path), attribute);
    }

    /** An attribute of an element; null when absent or blank. */
    public static String attribute(Element element, String attribute) {
        if (element == null || !element.hasAttribute(attribute)) {
            return null;
        }
        String value = element.getAttribute(attribute).strip();
        return value.isEmpty() ? null : value;
    }
}
