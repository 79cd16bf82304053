package fr.guichet.token.change.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /admin/changes}: a planned technical change. The date is read as text so that
 * a malformed one is a 422 naming {@code production_date}, not an unreadable body.
 *
 * @param apis           whole API families affected: {@code entreprise}, {@code particulier}
 * @param operations     operations affected, by declaration id ({@code api_entreprise_v3_dgfip_ensu_document})
 * @param productionDate day the change goes into production, {@code YYYY-MM-DD} (Paris)
 * @param urgent         an emergency change (ENSU terms: 7 working days' notice instead of 14); default false
 */
public record ChangeRequest(String title, String description, List<String> apis, List<String> operations,
                            @JsonProperty("production_date") String productionDate, Boolean urgent) {
}
