package fr.guichet.acoss.effectifs.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.acoss.effectifs.mapping.NatureEffectif;
import fr.guichet.acoss.error.Errors;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.acoss.client.OAuth2Tokens;
import fr.guichet.acoss.client.UpstreamHttp;
import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * GIP-MDS's "répertoire commun des déclarants" (RCD), the kit's upstream {@code gip_mds}: OAuth2 client credentials, then
 * {@code GET /rcd-api/1.0.0/effectifs} for both regimes at once ({@code source=RA;RG}); the answer
 * is a JSON array with one line per regime and period.
 */
@ApplicationScoped
public class GipMdsClient {

    static final String TOKEN_PATH = "/token";
    static final String EFFECTIFS_PATH = "/rcd-api/1.0.0/effectifs";
    /** Both regimes: MSA's régime agricole and URSSAF's régime général. */
    static final String BOTH_REGIMES = "RA;RG";

    private static final Logger LOG = Logger.getLogger(GipMdsClient.class);
    private static final DateTimeFormatter PERIODE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Always with seconds: OffsetDateTime.toString() drops them when they are zero. */
    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final AcossConfig.GipMds config;
    private final UpstreamHttp http;
    private final OAuth2Tokens tokens;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.system(PARIS);

    public GipMdsClient(AcossConfig config, UpstreamHttp http, OAuth2Tokens tokens, ObjectMapper mapper) {
        this.config = config.gipMds();
        this.http = http;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    /** Annual figures of a legal unit for {@code year} (GIP-MDS period: 31 December of that year). */
    public List<GipMdsEffectif> annual(String siren, String year, NatureEffectif nature) {
        Map<String, String> query = baseQuery(nature.upstreamCode(true));
        query.put("siren", siren);
        query.put("periode", year + "1231");
        return fetch(query);
    }

    /** Monthly figures of an establishment, for the month and, with {@code depth}, the months before it. */
    public List<GipMdsEffectif> monthly(String siret, String year, String month, NatureEffectif nature, Integer depth) {
        Map<String, String> query = baseQuery(nature.upstreamCode(false));
        query.put("siret", siret);
        query.put("periode", year + month + "01");
        if (depth != null) {
            query.put("profondeurHistorique", depth.toString());
        }
        return fetch(query);
    }

    public String token() {
        String clientId = config.clientId().orElseThrow(() -> missing("client-id"));
        String clientSecret = config.clientSecret().orElseThrow(() -> missing("client-secret"));
        return tokens.token(Upstream.GIP_MDS, config.url().orElseThrow(() -> missing("url")) + TOKEN_PATH, clientId,
                clientSecret, Optional.empty());
    }

    /** GIP-MDS's {@code dateHeure}: local Paris time to the second, with its offset. */
    static String dateHeure(OffsetDateTime at) {
        return DATE_HEURE.format(at);
    }

    private Map<String, String> baseQuery(String natureCode) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("codeOPSDemandeur", config.codeDemandeur().orElseThrow(() -> missing("code-demandeur")));
        query.put("dateHeure", dateHeure(OffsetDateTime.now(clock)));
        query.put("source", BOTH_REGIMES);
        query.put("nature", natureCode);
        return query;
    }

    private List<GipMdsEffectif> fetch(Map<String, String> query) {
        UpstreamRequest request = UpstreamRequest.get(config.url().orElseThrow(() -> missing("url")) + EFFECTIFS_PATH)
                .withQuery(query)
                .withHeader("Content-Type", "application/json")
                .withHeader("Accept", "application/json");
        String token = token();
        UpstreamResponse response = get(request, token);
        if (response.status() == 401) {
            tokens.evict(Upstream.GIP_MDS, token);
            response = get(request, token());
            if (response.status() == 401) {
                throw new ApiException(502, Errors.gipMds("31502"));
            }
        }
        int status = response.status();
        if (status == 404) {
            throw Errors.notFound(Upstream.GIP_MDS);
        }
        if (status == 429) {
            throw new ApiException(502, Errors.gipMds("31503"));
        }
        if (status >= 500) {
            LOG.warnf("GIP-MDS answered HTTP %d", status);
            throw new ApiException(502, Errors.gipMds("31501"));
        }
        if (status != 200) {
            LOG.warnf("GIP-MDS answered HTTP %d: %s", status, response.text());
            throw Upstream.GIP_MDS.failure(502, "999");
        }
        List<GipMdsEffectif> lines = parse(response.body());
        if (lines.isEmpty()) {
            throw Errors.notFound(Upstream.GIP_MDS);
        }
        return lines;
    }

    private UpstreamResponse get(UpstreamRequest request, String token) {
        return http.send(Upstream.GIP_MDS, request.withHeader("Authorization", "Bearer " + token));
    }

    List<GipMdsEffectif> parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw Upstream.GIP_MDS.failure(502, "999");
        }
        if (root == null || !root.isArray()) {
            throw Upstream.GIP_MDS.failure(502, "999");
        }
        List<GipMdsEffectif> lines = new ArrayList<>();
        for (JsonNode line : root) {
            String regime = switch (line.path("source").asText("")) {
                case "RG" -> "regime_general";
                case "RA" -> "regime_agricole";
                default -> throw unknown("source", line.path("source").asText(""));
            };
            String nature = NatureEffectif.labelOfUpstreamCode(line.path("nature").asText(null))
                    .orElseThrow(() -> unknown("nature", line.path("nature").asText("")));
            LocalDate periode;
            try {
                periode = LocalDate.parse(line.path("periode").asText(""), PERIODE);
            } catch (DateTimeParseException e) {
                throw unknown("periode", line.path("periode").asText(""));
            }
            lines.add(new GipMdsEffectif(regime, periode, nature, value(line.path("effectifs")),
                    line.path("miseAJourRCD").isTextual() ? line.path("miseAJourRCD").asText() : null));
        }
        return lines;
    }

    /** A figure such as {@code "12.34"}; {@code "NC"} (non communiqué) or nothing means no figure. */
    private static BigDecimal value(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        String text = node.asText("").trim();
        if (text.isEmpty() || "NC".equalsIgnoreCase(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw unknown("effectifs", text);
        }
    }

    private static ApiException unknown(String field, String value) {
        LOG.warnf("GIP-MDS answered an unexpected %s: %s", field, value);
        return Upstream.GIP_MDS.failure(502, "999");
    }

    private static ApiException missing(String property) {
        return Upstream.GIP_MDS.failure(502, "006",
                "La configuration GIP-MDS est incomplète (guichet.acoss.gip-mds." + property + ").");
    }
}
