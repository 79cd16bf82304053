package fr.guichet.cnav.dss.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.cnav.dss.client.CnavClient;
import fr.guichet.cnav.dss.client.Prestation;
import fr.guichet.cnav.dss.mapping.Civility;
import fr.guichet.cnav.dss.mapping.Droits;
import fr.guichet.cnav.dss.mapping.ParticipationFamiliale;
import fr.guichet.cnav.dss.mapping.QuotientFamilial;
import fr.guichet.cnav.error.CnavErrors;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.request.RequestIdFilter;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * One prestation asked of CNAV for one person, and its API Particulier answer
 * ({@code {"data", "links", "meta"}}), the whole body: the gateway masks what the caller's scopes
 * do not open. Nothing is cached (personal data).
 *
 * <p>The quotient familial is asked for a month ({@code anneeDemandee}, {@code moisDemande} two
 * digits): the call's {@code annee}/{@code mois}, else the current month; its {@code fournisseur}
 * is the régime of CNAV's {@code X-APISECU-FD} header, and an answer naming neither the CNAF nor
 * the MSA is 502 {@code 37999}. The participation familiale EAJE of a family without a child under
 * 7 is 404 {@code 37003} ("Allocataire non éligible"), as the reference answers.
 */
@ApplicationScoped
public class PrestationService {

    private final CnavClient client;
    private final ObjectMapper json;
    private final Clock clock;

    public PrestationService(CnavClient client, ObjectMapper json, Clock clock) {
        this.client = client;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param query the call's query parameters, wire-named (civility, {@code recipient}, {@code annee}, {@code mois})
     * @throws fr.guichet.common.error.ApiException the errors of {@link CnavResponses} and {@link CnavClient}
     */
    public ObjectNode answer(Prestation prestation, Map<String, List<String>> query) {
        Civility civility = Civility.from(query);
        Map<String, String> upstreamQuery = civility.upstreamQuery();
        YearMonth current = YearMonth.now(clock);
        YearMonth requested = requestedMonth(query, current);
        if (prestation == Prestation.QUOTIENT_FAMILIAL) {
            upstreamQuery.put("anneeDemandee", String.valueOf(requested.getYear()));
            upstreamQuery.put("moisDemande", String.format(Locale.ROOT, "%02d", requested.getMonthValue()));
        }
        UpstreamResponse response = client.fetch(prestation, upstreamQuery, requestId(), first(query, "recipient"));
        JsonNode body = CnavResponses.data(response, json);
        ObjectNode data = switch (prestation) {
            case QUOTIENT_FAMILIAL -> QuotientFamilial.data(body, fournisseur(response), requested, current);
            case PARTICIPATION_FAMILIALE_EAJE -> {
                if (!ParticipationFamiliale.hasChildUnder7(body, LocalDate.now(clock))) {
                    throw CnavErrors.notFound(ProviderPrefix.CNAV, CnavErrors.PROVIDER, "Allocataire non éligible",
                            "Le dossier allocataire a été trouvé mais n'est pas éligible à la participation familiale EAJE");
                }
                yield ParticipationFamiliale.data(body);
            }
            case COMPLEMENTAIRE_SANTE_SOLIDAIRE -> Droits.complementaireSante(body);
            case PRIME_ACTIVITE -> Droits.avecMajoration(body, "FA3106", "FA3105");
            case REVENU_SOLIDARITE_ACTIVE -> Droits.avecMajoration(body, "FA3102", "FA3101");
            case ALLOCATION_ENFANT_HANDICAPE -> Droits.statut(body);
            case ALLOCATION_ADULTE_HANDICAPE, ALLOCATION_SOUTIEN_FAMILIAL -> Droits.beneficiaire(body);
        };
        return Droits.envelope(data);
    }

    private static String fournisseur(UpstreamResponse response) {
        return response.header(Regime.HEADER).flatMap(Regime::ofCode)
                .filter(r -> r == Regime.CNAF || r == Regime.MSA).map(Enum::name)
                .orElseThrow(CnavErrors::unknownAnswer);
    }

    /** The call's {@code annee}/{@code mois} (each defaulting to the current one). */
    private static YearMonth requestedMonth(Map<String, List<String>> query, YearMonth current) {
        try {
            String year = first(query, "annee");
            String month = first(query, "mois");
            return YearMonth.of(year == null ? current.getYear() : Integer.parseInt(year),
                    month == null ? current.getMonthValue() : Integer.parseInt(month));
        } catch (NumberFormatException | DateTimeException e) {
            // The gateway validates both (00353, 00354); a value that slipped through asks for the current month.
            return current;
        }
    }

    private static String requestId() {
        Object id = MDC.get(RequestIdFilter.MDC_KEY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }
}
