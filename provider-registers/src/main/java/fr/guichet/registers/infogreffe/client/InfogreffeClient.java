package fr.guichet.registers.infogreffe.client;

import static fr.guichet.registers.upstream.RegisterUpstream.INFOGREFFE;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.registers.infogreffe.config.InfogreffeConfig;
import fr.guichet.registers.infogreffe.mapping.XmlNodes;
import fr.guichet.registers.upstream.UpstreamCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Infogreffe's RCS web service: one SOAP call ({@code getProduitsWebServicesXML}, document type
 * {@code KB}) gives the whole extract of a company, from which both the extrait RCS and the
 * mandataires sociaux are read. Request and answers as recorded by API Entreprise; an answer
 * without the company is one of Infogreffe's coded messages in {@code <return>}
 * ({@code 006 -DOSSIER NON TROUVE DANS LA BASE DE GREFFES-}), read as the reference implementation
 * does:
 * <ul>
 *   <li>{@code 006}, {@code 008}, {@code 065}, {@code 081}: 404 {@code 02003}, Infogreffe's code and message in {@code meta.provider_error};</li>
 *   <li>{@code 003} (identification): 502 {@code 02501}, {@code retry_in} 10 s;</li>
 *   <li>{@code 014} (order not generated): 502 {@code 02502};</li>
 *   <li>{@code 999}: 502 {@code 02001} (unavailable);</li>
 *   <li>anything else, a non-200 status or a body that is not XML: 502 {@code 02999}.</li>
 * </ul>
 */
@ApplicationScoped
public class InfogreffeClient {

    static final List<String> NOT_FOUND_CODES = List.of("006", "008", "065", "081");
    static final long IDENTIFICATION_RETRY_IN_SECONDS = 10;

    private final UpstreamCalls calls;
    private final InfogreffeConfig config;

    public InfogreffeClient(UpstreamCalls calls, InfogreffeConfig config) {
        this.calls = calls;
        this.config = config;
    }

    /** The extract of {@code siren} (9 digits, checked by the caller): the whole SOAP answer. */
    public Document extrait(String siren) {
        UpstreamRequest request = UpstreamRequest.post("", "text/xml", envelope(siren).getBytes(StandardCharsets.UTF_8))
                .withHeader("charset", "utf-8")
                .withHeader("SOAPAction", "getProduitsWebServicesXML")
                .withMetricPath("/getProduitsWebServicesXML");
        UpstreamResponse response = calls.send(INFOGREFFE, request);
        Optional<Document> xml = XmlNodes.parse(response.body());
        if (response.status() == 200 && xml.isPresent() && XmlNodes.attribute(xml.get(), "siren", "num_ident") != null) {
            return xml.get();
        }
        throw failure(xml.flatMap(InfogreffeClient::codedMessage).orElse(null));
    }

    /** The SOAP envelope of API Entreprise's template, credentials escaped. */
    String envelope(String siren) {
        return "<soapenv:Envelope xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:xsd='http://www.w3.org/2001/XMLSchema'"
                + " xmlns:soapenv='http://schemas.xmlsoap.org/soap/envelope/' xmlns:urn='urn:WebServicesProduits'>"
                + " <soapenv:Header/> <soapenv:Body> <urn:getProduitsWebServicesXML"
                + " soapenv:encodingStyle='http://schemas.xmlsoap.org/soap/encoding/'> <arg0 xsi:type='xsd:string'>"
                + " <demande> <emetteur> <code_abonne>" + escape(config.codeAbonne().orElse("")) + "</code_abonne>"
                + " <mot_passe>" + escape(config.motPasse().orElse("")) + "</mot_passe>"
                + " <code_requete> <type_profil>A</type_profil> <origine_emetteur>IC</origine_emetteur>"
                + " <nature_requete>C</nature_requete> <type_document>KB</type_document> <type_requete>S</type_requete>"
                + " <mode_diffusion> <mode type='XL'/> </mode_diffusion> <media>WS</media> </code_requete>"
                + " </emetteur> <commande> <num_siren>" + escape(siren) + "</num_siren> </commande> </demande>"
                + " </arg0> </urn:getProduitsWebServicesXML> </soapenv:Body> </soapenv:Envelope>\n";
    }

    /** The last text directly inside {@code <return>}, when it starts with two digits (Infogreffe's coded messages). */
    static Optional<String> codedMessage(Document xml) {
        String last = null;
        for (Element ret : XmlNodes.all(xml, "return")) {
            for (Node child = ret.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    last = child.getNodeValue();
                }
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        String message = last.strip();
        return message.matches("^\\d{2}[\\s\\S]*") ? Optional.of(message) : Optional.empty();
    }

    static ApiException failure(String coded) {
        if (coded != null) {
            if (NOT_FOUND_CODES.stream().anyMatch(coded::startsWith)) {
                Map<String, Object> providerError = new LinkedHashMap<>();
                providerError.put("code", coded.substring(0, Math.min(3, coded.length())));
                providerError.put("message", coded.length() > 6 ? coded.substring(5, coded.length() - 1) : "");
                return new ApiException(404, INFOGREFFE.notFoundError().withMeta("provider_error", providerError));
            }
            if (coded.startsWith("003")) {
                return new ApiException(502, specific("02501").withMeta("retry_in", IDENTIFICATION_RETRY_IN_SECONDS));
            }
            if (coded.startsWith("014")) {
                return new ApiException(502, specific("02502"));
            }
            if (coded.startsWith("999")) {
                return INFOGREFFE.failure(502, "001");
            }
        }
        return INFOGREFFE.unknownAnswer();
    }

    private static ApiError specific(String code) {
        return ErrorCatalogue.standard().error(code).withMeta("provider", INFOGREFFE.providerName());
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }
}
