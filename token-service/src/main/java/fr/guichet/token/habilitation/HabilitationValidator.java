package fr.guichet.token.habilitation;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.identifier.Siret;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.scope.ScopeCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a habilitation request field by field and reports every problem at once, in French. */
@ApplicationScoped
public class HabilitationValidator {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{6,20}$");
    static final int MAX_RATE_LIMIT = 100_000;
    static final int DEFAULT_RATE_LIMIT = 250;
    /**
     * API Particulier's default: 20 requests per second per token (throttle.yml, group
     * {@code json_resources_particulier}), stored like every quota as requests per minute.
     */
    static final int DEFAULT_PARTICULIER_RATE_LIMIT = 20 * 60;
    /** The environments a habilitation opens. */
    static final List<String> ENVIRONMENTS = List.of("sandbox", "production");

    @Inject
    ScopeCatalogue catalogue;

    /** A request checked and normalised. */
    public record Valid(String siret, ApiKind apiKind, String intitule, String legalBasis, List<String> scopes,
                        int rateLimitPerMinute, List<String> allowedIps, String environment, Contacts contacts,
                        HabilitationStatus status) {
    }

    public Valid validate(HabilitationRequest r) {
        if (r == null) {
            throw TokenErrors.malformedBody("Le corps de la requête est vide.");
        }
        List<ApiError> errors = new ArrayList<>();
        String siret = r.organisationSiret() == null ? null : r.organisationSiret().replace(" ", "");
        if (siret == null || siret.isEmpty()) {
            errors.add(TokenErrors.invalidError("organisation_siret", "Le champ « organisation_siret » est obligatoire."));
        } else if (!Siret.isValid(siret)) {
            errors.add(TokenErrors.invalidError("organisation_siret",
                    "Le numéro de siret « " + siret + " » n'est pas correctement formatté."));
        }
        Optional<ApiKind> kind = ApiKind.fromWire(r.apiKind());
        if (kind.isEmpty()) {
            errors.add(TokenErrors.invalidError("api_kind", "Le champ « api_kind » doit valoir « entreprise » ou « particulier »."));
        }
        requireText(errors, "intitule", r.intitule(), 500);
        requireText(errors, "legal_basis", r.legalBasis(), 2000);
        List<String> scopes = new ArrayList<>(new LinkedHashSet<>(r.scopes() == null ? List.of() : r.scopes()));
        if (scopes.isEmpty()) {
            errors.add(TokenErrors.invalidError("scopes", "Au moins un scope est obligatoire."));
        } else if (kind.isPresent()) {
            for (String scope : scopes) {
                if (scope == null || !catalogue.knows(kind.get(), scope)) {
                    errors.add(TokenErrors.invalidError("scopes", "Le scope « " + scope
                            + " » n'existe pas dans le catalogue des opérations de l'API " + kind.get().wire() + "."));
                }
            }
        }
        int rate = r.rateLimitPerMinute() != null ? r.rateLimitPerMinute()
                : kind.filter(k -> k == ApiKind.PARTICULIER).isPresent() ? DEFAULT_PARTICULIER_RATE_LIMIT : DEFAULT_RATE_LIMIT;
        if (rate < 1 || rate > MAX_RATE_LIMIT) {
            errors.add(TokenErrors.invalidError("rate_limit_per_minute",
                    "Le champ « rate_limit_per_minute » doit être compris entre 1 et " + MAX_RATE_LIMIT + "."));
        }
        List<String> ips = new ArrayList<>();
        for (String ip : r.allowedIps() == null ? List.<String>of() : r.allowedIps()) {
            Optional<String> cidr = Cidr.parse(ip);
            if (cidr.isEmpty()) {
                errors.add(TokenErrors.invalidError("allowed_ips", "« " + ip + " » n'est pas une plage d'adresses IP (CIDR) valide."));
            } else if (!ips.contains(cidr.get())) {
                ips.add(cidr.get());
            }
        }
        String environment = r.environment() == null ? "sandbox" : r.environment();
        if (!ENVIRONMENTS.contains(environment)) {
            errors.add(TokenErrors.invalidError("environment", "Le champ « environment » doit valoir « sandbox » ou « production »."));
        }
        HabilitationStatus status = HabilitationStatus.SUBMITTED;
        if (r.status() != null) {
            if (r.status().equals("draft")) {
                status = HabilitationStatus.DRAFT;
            } else if (!r.status().equals("submitted")) {
                errors.add(TokenErrors.invalidError("status",
                        "Une habilitation est créée à l'état « draft » ou « submitted » ; la validation se fait ensuite."));
            }
        }
        validateContacts(errors, r.contacts());
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        return new Valid(siret, kind.get(), r.intitule().trim(), r.legalBasis().trim(), List.copyOf(scopes), rate,
                List.copyOf(ips), environment, normalise(r.contacts()), status);
    }

    /** Contacts: at least one, each with a valid e-mail; phones optional but well-formed. */
    public void validateContacts(List<ApiError> errors, Contacts contacts) {
        if (contacts == null || contacts.emails().isEmpty()) {
            errors.add(TokenErrors.invalidError("contacts", "Au moins un contact (demandeur, technique ou metier) avec une adresse e-mail est obligatoire."));
            return;
        }
        checkContact(errors, "demandeur", contacts.demandeur());
        checkContact(errors, "technique", contacts.technique());
        checkContact(errors, "metier", contacts.metier());
    }

    public Contacts validContacts(Contacts contacts) {
        List<ApiError> errors = new ArrayList<>();
        validateContacts(errors, contacts);
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        return normalise(contacts);
    }

    private static void checkContact(List<ApiError> errors, String role, Contact c) {
        if (c == null) {
            return;
        }
        if (!EmailAddresses.isValid(c.email())) {
            errors.add(TokenErrors.invalidError("contacts." + role + ".email",
                    "L'adresse e-mail du contact " + role + " n'est pas valide."));
        }
        if (c.phone() != null && !c.phone().isBlank() && !PHONE.matcher(c.phone().trim()).matches()) {
            errors.add(TokenErrors.invalidError("contacts." + role + ".phone",
                    "Le numéro de téléphone du contact " + role + " n'est pas valide."));
        }
    }

    private static Contacts normalise(Contacts c) {
        return new Contacts(normalise(c.demandeur()), normalise(c.technique()), normalise(c.metier()));
    }

    private static Contact normalise(Contact c) {
        if (c == null) {
            return null;
        }
        String phone = c.phone() == null || c.phone().isBlank() ? null : c.phone().trim();
        return new Contact(c.email().trim().toLowerCase(), phone);
    }

    private static void requireText(List<ApiError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(TokenErrors.invalidError(field, "Le champ « " + field + " » est obligatoire."));
        } else if (value.length() > max) {
            errors.add(TokenErrors.invalidError(field, "Le champ « " + field + " » dépasse " + max + " caractères."));
        }
    }
}
