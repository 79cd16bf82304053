package fr.guichet.dgfip.attestation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.dgfip.attestation.mapping.AttestationPdf;
import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.client.DgfipClient;
import fr.guichet.dgfip.client.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Attestation de régularité fiscale from DGFIP (production): fetches the PDF, checks it, keeps it
 * in the document store and returns the v3 or v4 body. v4 dates come from DGFIP's answer when it
 * gives them, otherwise from the PDF's text.
 */
@ApplicationScoped
public class AttestationFiscaleService {

    private static final Logger LOG = Logger.getLogger(AttestationFiscaleService.class);
    static final String UPSTREAM_PATH = "/attestations-fiscales";

    private final DgfipClient client;
    private final DocumentStore documents;
    private final Duration documentTtl;
    private final ObjectMapper json;

    public AttestationFiscaleService(DgfipClient client, DocumentStore documents, DgfipConfig config, ObjectMapper json) {
        this.client = client;
        this.documents = documents;
        this.documentTtl = config == null ? null : config.documents().ttl();
        this.json = json;
    }

    public ObjectNode v3(String siren) {
        Fetched fetched = fetch(siren);
        ObjectNode data = json.createObjectNode();
        data.put("document_url", fetched.stored().url());
        data.put("expires_in", fetched.stored().expiresIn());
        return data;
    }

    public ObjectNode v4(String siren) {
        Fetched fetched = fetch(siren);
        LocalDate delivery = fetched.delivery()
                .orElseThrow(() -> DgfipErrors.unknown(DgfipErrors.ADELIE,
                        "La date de délivrance de l'attestation fiscale est introuvable dans la réponse de la DGFIP."));
        LocalDate period = fetched.period().orElse(AttestationPdf.analysedPeriodFor(delivery));
        ObjectNode data = json.createObjectNode();
        data.put("document_url", fetched.stored().url());
        data.put("document_url_expires_in", fetched.stored().expiresIn());
        data.put("date_delivrance_attestation", delivery.toString());
        data.put("date_periode_analysee", period.toString());
        return data;
    }

    record Fetched(DocumentStore.StoredDocument stored, Optional<LocalDate> delivery, Optional<LocalDate> period) {
    }

    private Fetched fetch(String siren) {
        UpstreamResponse response = client.entreprise(UPSTREAM_PATH, Map.of("siren", siren));
        byte[] pdf;
        Optional<LocalDate> delivery = Optional.empty();
        Optional<LocalDate> period = Optional.empty();
        if (response.isJson()) {
            JsonNode body = readJson(response);
            String encoded = body.path("attestation").asText("");
            try {
                pdf = Base64.getDecoder().decode(encoded.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw DgfipErrors.invalidFile("03051", "Erreur lors du décodage : la chaîne de caractères en base64 est invalide");
            }
            delivery = date(body.path("dateDelivrance"));
            period = date(body.path("datePeriodeAnalysee"));
        } else {
            pdf = response.body();
        }
        if (pdf.length == 0) {
            throw DgfipErrors.invalidFile("03056", "Le fichier renvoyé par le fournisseur de données est vide");
        }
        if (!AttestationPdf.looksLikePdf(pdf)) {
            throw DgfipErrors.invalidFile("03055", "Le fichier n'est pas au format attendu");
        }
        AttestationPdf.Content content;
        try {
            content = AttestationPdf.read(pdf);
        } catch (IOException e) {
            throw DgfipErrors.invalidFile("03055", "Le fichier n'est pas au format attendu");
        }
        if (!content.delivered()) {
            LOG.infof("Attestation fiscale non délivrée par la DGFIP pour le SIREN %s", siren);
            throw DgfipErrors.notFound(DgfipErrors.ADELIE, "La DGFIP ne délivre pas d'attestation de régularité fiscale "
                    + "pour cette entreprise : elle n'est pas à jour de ses obligations fiscales ou n'entre pas dans "
                    + "le périmètre de l'API.");
        }
        if (delivery.isEmpty()) {
            delivery = content.deliveryDate();
        }
        if (period.isEmpty()) {
            period = delivery.map(AttestationPdf::analysedPeriodFor);
        }
        return new Fetched(documents.store(pdf, documentTtl), delivery, period);
    }

    private JsonNode readJson(UpstreamResponse response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw DgfipErrors.unknown(DgfipErrors.ADELIE, "Réponse de la DGFIP illisible (JSON invalide).");
        }
    }

    /** {@code 2023-04-11} or {@code 2023-04-11T00:00:00+02:00}. */
    private static Optional<LocalDate> date(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(node.asText().substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
