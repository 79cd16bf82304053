package fr.guichet.acoss.effectifs.service;

import fr.guichet.acoss.AcossOperations;
import fr.guichet.acoss.common.Answer;
import fr.guichet.acoss.common.Envelope;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.acoss.effectifs.client.GipMdsClient;
import fr.guichet.acoss.effectifs.client.GipMdsEffectif;
import fr.guichet.acoss.effectifs.mapping.EffectifAnnuel;
import fr.guichet.acoss.effectifs.mapping.EffectifMensuel;
import fr.guichet.acoss.effectifs.mapping.EffectifsAnnuels;
import fr.guichet.acoss.effectifs.mapping.EffectifsMensuels;
import fr.guichet.acoss.effectifs.mapping.NatureEffectif;
import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.acoss.common.SandboxAnswers;
import fr.guichet.common.sandbox.SandboxCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Effectifs (workforce figures) from GIP-MDS, régime général (URSSAF) and régime agricole (MSA)
 * side by side, one entry per regime and period, as the OpenAPI describes.
 */
@ApplicationScoped
public class EffectifsService {

    private final ProviderConfig provider;
    private final SandboxAnswers sandbox;
    private final GipMdsClient gipMds;

    public EffectifsService(ProviderConfig provider, SandboxAnswers sandbox, GipMdsClient gipMds) {
        this.provider = provider;
        this.sandbox = sandbox;
        this.gipMds = gipMds;
    }

    public Answer annual(String siren, String year, NatureEffectif nature) {
        if (sandbox()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("siren", siren);
            params.put("year", year);
            putNature(params, nature);
            return sandbox(AcossOperations.EFFECTIFS_ANNUELS, params);
        }
        List<EffectifAnnuel> effectifs = gipMds.annual(siren, year, nature).stream()
                .map(e -> new EffectifAnnuel(e.regime(), e.value(), e.nature(), e.miseAJour()))
                .toList();
        return Answer.ok(Envelope.of(new EffectifsAnnuels(siren, year, effectifs)));
    }

    public Answer monthly(String siret, String year, String month, NatureEffectif nature, Integer depth) {
        if (sandbox()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("siret", siret);
            params.put("year", year);
            params.put("month", month);
            if (depth != null && depth > 0) {
                params.put("profondeur", depth.toString());
            }
            putNature(params, nature);
            return sandbox(AcossOperations.EFFECTIFS_MENSUELS, params);
        }
        List<EffectifMensuel> effectifs = gipMds.monthly(siret, year, month, nature, depth).stream()
                .map(EffectifsService::monthlyEntry)
                .toList();
        return Answer.ok(Envelope.of(new EffectifsMensuels(siret, effectifs)));
    }

    private static EffectifMensuel monthlyEntry(GipMdsEffectif e) {
        return new EffectifMensuel(e.regime(), String.valueOf(e.periode().getYear()),
                String.format("%02d", e.periode().getMonthValue()), e.nature(), e.value(), e.miseAJour());
    }

    private static void putNature(Map<String, String> params, NatureEffectif nature) {
        if (nature != NatureEffectif.DEFAULT) {
            params.put("nature_effectif", nature.name());
        }
    }

    private Answer sandbox(String operation, Map<String, String> params) {
        SandboxCase fixture = sandbox.find(operation, params).orElseThrow(() -> sandbox.miss(Upstream.GIP_MDS));
        return new Answer(fixture.status(), fixture.payload());
    }

    private boolean sandbox() {
        return provider.mode() == ProviderConfig.Mode.SANDBOX;
    }
}
