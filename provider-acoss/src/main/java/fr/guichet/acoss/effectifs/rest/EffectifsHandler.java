package fr.guichet.acoss.effectifs.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.acoss.AcossOperations;
import fr.guichet.acoss.common.Answer;
import fr.guichet.acoss.common.Identifiers;
import fr.guichet.acoss.effectifs.mapping.NatureEffectif;
import fr.guichet.acoss.effectifs.service.EffectifsService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * GIP-MDS effectifs (annual per unité légale, monthly per établissement), bound to the
 * declarations of {@code guichet/operations/acoss.yml}. It also answers sandbox mode, where
 * {@code month}, {@code year}, {@code profondeur} and {@code nature_effectif} are checked and
 * select the case as in production.
 */
@ApplicationScoped
public class EffectifsHandler implements OperationHandler {

    private final EffectifsService service;
    private final Identifiers identifiers;
    private final ObjectMapper json;

    public EffectifsHandler(EffectifsService service, Identifiers identifiers, ObjectMapper json) {
        this.service = service;
        this.identifiers = identifiers;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(AcossOperations.EFFECTIFS_ANNUELS, AcossOperations.EFFECTIFS_MENSUELS);
    }

    @Override
    public boolean answersSandbox() {
        return true;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        Answer answer = AcossOperations.EFFECTIFS_ANNUELS.equals(call.declaration().id()) ? annual(call) : monthly(call);
        return answer.toProviderAnswer(json);
    }

    private Answer annual(OperationCall call) {
        String siren = call.variable("siren");
        String year = call.variable("year");
        identifiers.siren(siren);
        identifiers.year(year);
        return service.annual(siren, year, nature(call.queryParameter("nature_effectif")));
    }

    private Answer monthly(OperationCall call) {
        String siret = call.variable("siret");
        String month = call.variable("month");
        String year = call.variable("year");
        identifiers.siret(siret);
        identifiers.month(month);
        identifiers.year(year);
        Integer depth = identifiers.depth(call.queryParameter("profondeur"));
        return service.monthly(siret, year, month, nature(call.queryParameter("nature_effectif")), depth);
    }

    /** Like API Entreprise, an absent or unknown nature means the mean workforce ({@code moyen}). */
    private static NatureEffectif nature(String value) {
        return NatureEffectif.parse(value).orElse(NatureEffectif.DEFAULT);
    }
}
