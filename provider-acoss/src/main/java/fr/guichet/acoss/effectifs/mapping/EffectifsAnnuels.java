package fr.guichet.acoss.effectifs.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** {@code data} of the annual effectifs of a legal unit. */
@RegisterForReflection
public record EffectifsAnnuels(String siren, String annee,
                               @JsonProperty("effectifs_annuel") List<EffectifAnnuel> effectifsAnnuel) {
}
