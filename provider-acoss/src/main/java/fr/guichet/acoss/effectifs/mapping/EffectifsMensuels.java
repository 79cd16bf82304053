package fr.guichet.acoss.effectifs.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** {@code data} of the monthly effectifs of an establishment. */
@RegisterForReflection
public record EffectifsMensuels(String siret,
                                @JsonProperty("effectifs_mensuels") List<EffectifMensuel> effectifsMensuels) {
}
