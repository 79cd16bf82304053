package fr.guichet.acoss.effectifs.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EffectifMensuel(String regime, String annee, String mois, String nature, BigDecimal value,
                              @JsonProperty("date_derniere_mise_a_jour") String dateDerniereMiseAJour) {
}
