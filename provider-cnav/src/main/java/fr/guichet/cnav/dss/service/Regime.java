package fr.guichet.cnav.dss.service;

import fr.guichet.cnav.error.CnavErrors;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ProviderPrefix;
import java.util.Arrays;
import java.util.Optional;

/**
 * The régime that answered through CNAV's exchange, named by the code of its {@code X-APISECU-FD}
 * response header (reference: {@code CNAV::RetrieverOrganizer::REGIME_CODE_LABEL}): it says who
 * computed a quotient familial, and who did not find the allocataire on a 404. RNCPS (the national
 * directory of social protection) has no API Particulier prefix in Guichet: its 404 is CNAV's 37003.
 */
public enum Regime {
    CNAF("00810011", ProviderPrefix.CNAF, "CNAF"),
    MSA("00171001", ProviderPrefix.MSA, "MSA"),
    RNCPS("99430000", ProviderPrefix.CNAV, CnavErrors.PROVIDER);

    /** CNAV's response header naming the régime. */
    public static final String HEADER = "X-APISECU-FD";

    private final String code;
    private final ProviderPrefix prefix;
    private final String provider;

    Regime(String code, ProviderPrefix prefix, String provider) {
        this.code = code;
        this.prefix = prefix;
        this.provider = provider;
    }

    /** The régime of a header value, if known. */
    public static Optional<Regime> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code == null ? null : code.strip())).findFirst();
    }

    /** 404 {@code XX003}: the régime has no file for this person (23003 CNAF, 10003 MSA, 37003 RNCPS). */
    public ApiException notFound() {
        return CnavErrors.notFound(prefix, provider, "Dossier allocataire absent " + name(),
                "Le dossier allocataire n'a pas été trouvé auprès " + (this == RNCPS ? "du " : "de la ") + name() + ".");
    }
}
