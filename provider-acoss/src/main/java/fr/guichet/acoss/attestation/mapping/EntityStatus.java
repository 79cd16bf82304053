package fr.guichet.acoss.attestation.mapping;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Whether URSSAF delivered the attestation, with API Entreprise's wording. */
@RegisterForReflection
public record EntityStatus(String code, String libelle, String description) {

    public static final EntityStatus OK = new EntityStatus("ok", "Attestation délivrée par l'Urssaf",
            "La délivrance de l'attestation de vigilance a été validée par l'Urssaf. L'attestation est délivrée "
                    + "lorsque l'entité est à jour de ses cotisations et contributions, ou bien dans le cas de "
                    + "situations spécifiques détaillées dans la documentation métier.");

    public static final EntityStatus REFUS_DE_DELIVRANCE = new EntityStatus("refus_de_delivrance",
            "Délivrance de l'attestation refusée par l'Urssaf",
            "La délivrance de l'attestation de vigilance a été refusée par l'Urssaf car l'entité n'est pas à jour "
                    + "de ses cotisations sociales.");
}
