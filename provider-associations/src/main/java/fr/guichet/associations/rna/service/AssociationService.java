package fr.guichet.associations.rna.service;

import fr.guichet.associations.rna.client.RnaClient;
import fr.guichet.associations.rna.mapping.AssociationV3;
import fr.guichet.associations.rna.mapping.RnaRecord;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.identifier.Siret;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.error.UpstreamErrors;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An association's RNA data from the ministère de l'Intérieur, read as API Entreprise reads it
 * (ValidateSiretOrRNA, MI::Associations::ValidateResponse): 422 {@code 00303} for an identifier
 * that is neither a SIRET nor an RNA number (the ministry is not called); 404 {@code 21003} when
 * the ministry says so ({@code <erreur><proxy_correspondance>... with statusCode: 404}) or when
 * the record is no association (no RNA number, not Alsace-Moselle, legal form not 9220/9230/9260);
 * 502 {@code 21011} for an empty answer; 502 {@code 21999} for XML we cannot read or a record
 * without {@code id_correspondance}; no answer → {@link UpstreamErrors}.
 */
@ApplicationScoped
public class AssociationService {

    static final ProviderPrefix PREFIX = ProviderPrefix.MI;
    static final String PROVIDER = "Ministère de l'Intérieur";
    /** API Entreprise's RNAIdFormatValidator: {@code W} + digit + alphanumeric + 7 digits, or the old {@code 0ddd00dddd}. */
    private static final Pattern RNA = Pattern.compile("^(W\\d[A-Z0-9]\\d{7}|0\\d{3}00\\d{4})$");
    private static final Set<String> ASSOCIATION_FORMS = Set.of("9220", "9230", "9260");

    private final RnaClient client;

    public AssociationService(RnaClient client) {
        this.client = client;
    }

    /** The API Entreprise v3 body for a SIRET or an RNA number. */
    public String association(String siretOrRna) {
        Lookup lookup = lookup(siretOrRna);
        RnaRecord record = lookup.record().orElseThrow(() -> UpstreamErrors.unknownAnswer(PREFIX, PROVIDER));
        boolean valid = record.has("identite") && record.text("identite", "id_correspondance") != null;
        if (notFoundInBody(record) || !isAssociation(record, valid)) {
            throw ProviderErrors.notFound(PREFIX, PROVIDER);
        }
        if (lookup.answer().status() != 200) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        return AssociationV3.body(record, lookup.siret() ? siretOrRna : null);
    }

    /** The ministry's answer and its record, before any rule of an operation. */
    public record Lookup(UpstreamResponse answer, Optional<RnaRecord> record, boolean siret) {
    }

    /**
     * Asks the ministry for a SIRET or an RNA number, with the checks every RNA operation shares
     * (API Entreprise's ValidateSiretOrRNA and check_body_integrity!): 422 {@code 00303} for an
     * identifier that is neither (the ministry is not called), no answer → {@link UpstreamErrors},
     * 502/503/504 → {@link UpstreamErrors#ofStatus}, XML we cannot read → 502 {@code 21999},
     * an empty body → 502 {@code 21011}. The record is empty when the root is no {@code <asso>}.
     */
    public Lookup lookup(String siretOrRna) {
        boolean siret = siretOrRna != null && Siret.isValid(siretOrRna);
        if (!siret && (siretOrRna == null || !RNA.matcher(siretOrRna).matches())) {
            throw new ApiException(422, ErrorCatalogue.standard().error("00303"));
        }
        UpstreamResponse answer;
        try {
            answer = client.structure(siretOrRna);
        } catch (UpstreamFailure failure) {
            throw UpstreamErrors.of(failure, PREFIX, PROVIDER);
        }
        if (answer.status() == 502 || answer.status() == 503 || answer.status() == 504) {
            throw UpstreamErrors.ofStatus(answer.status(), PREFIX, PROVIDER);
        }
        Optional<RnaRecord> parsed;
        try {
            parsed = RnaRecord.parse(answer.body());
        } catch (IllegalArgumentException e) {
            throw UpstreamErrors.unknownAnswer(PREFIX, PROVIDER);
        }
        if (answer.body() == null || answer.body().length == 0) {
            throw new ApiException(502, ErrorCatalogue.standard().providerError(PREFIX, "011").withMeta("provider", PROVIDER));
        }
        return new Lookup(answer, parsed, siret);
    }

    /** The ministry's proxy says 404 ({@code <erreur><proxy_correspondance>... with statusCode: 404}). */
    public static boolean notFoundInBody(RnaRecord record) {
        String proxyError = record.text("erreur", "proxy_correspondance");
        return proxyError != null && proxyError.contains("with statusCode: 404");
    }

    private static boolean isAssociation(RnaRecord record, boolean valid) {
        return valid && (record.text("identite", "id_rna") != null
                || "alsaceMoselle".equals(record.text("identite", "regime"))
                || ASSOCIATION_FORMS.contains(record.text("identite", "id_forme_juridique")));
    }
}
