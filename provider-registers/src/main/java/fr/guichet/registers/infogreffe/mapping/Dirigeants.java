package fr.guichet.registers.infogreffe.mapping;

import static fr.guichet.registers.infogreffe.mapping.XmlNodes.all;
import static fr.guichet.registers.infogreffe.mapping.XmlNodes.attribute;
import static fr.guichet.registers.infogreffe.mapping.XmlNodes.first;
import static fr.guichet.registers.infogreffe.mapping.XmlNodes.text;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The company's officers in Infogreffe's extract, read as API Entreprise does: the
 * {@code liste_dirigeant} entries, or, when there is none, the sole trader himself
 * ({@code entreprise pp}). An entry is a natural person unless its {@code type} says otherwise
 * ({@code PP}, or no type, is a person; {@code PM} a legal person).
 */
public final class Dirigeants {

    private Dirigeants() {
    }

    /** The officers' elements, in document order. */
    public static List<Element> of(Document xml) {
        List<Element> listed = all(xml, "liste_dirigeant", "dirigeant");
        return listed.isEmpty() ? all(xml, "entreprise", "pp") : listed;
    }

    public static boolean naturalPerson(Element dirigeant) {
        String type = attribute(dirigeant, "type");
        return type == null || type.equals("PP");
    }

    public static String nom(Element d) {
        return text(d, "nom");
    }

    public static String prenom(Element d) {
        return text(d, "prenom");
    }

    public static String fonction(Element d) {
        return text(d, "qualite");
    }

    /** ISO birth date ({@code 1980-02-15}), or null. */
    public static String dateNaissance(Element d) {
        return attribute(d, "dateISO", "naissance", "date");
    }

    /** The birth date at midnight UTC, in seconds since the epoch (the reference's {@code date_naissance_timestamp}), or null. */
    public static Long dateNaissanceTimestamp(Element d) {
        String date = dateNaissance(d);
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String lieuNaissance(Element d) {
        return text(d, "naissance", "lieu");
    }

    public static String paysNaissance(Element d) {
        return attribute(d, "pays", "naissance");
    }

    public static String codePaysNaissance(Element d) {
        return attribute(d, "codePays", "naissance");
    }

    public static String nationalite(Element d) {
        return attribute(person(d), "nationalite");
    }

    public static String codeNationalite(Element d) {
        return attribute(person(d), "codeNationalite");
    }

    /** A legal person's SIREN ({@code pm num_ident}). */
    public static String numeroIdentification(Element d) {
        return text(d, "pm", "num_ident");
    }

    public static String raisonSociale(Element d) {
        return text(d, "denomination");
    }

    public static String codeGreffe(Element d) {
        return attribute(d, "code", "greffe");
    }

    public static String libelleGreffe(Element d) {
        return text(d, "greffe");
    }

    /** The {@code pp} element of a listed officer, or the sole trader's element itself. */
    private static Element person(Element d) {
        Element pp = first(d, "pp");
        return pp != null ? pp : d;
    }
}
