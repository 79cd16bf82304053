package fr.guichet.token.period;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.Serializable;
import java.util.List;

/**
 * One period a habilitation opens for a scope: whole calendar years, or a range of days (inclusive,
 * ISO dates, either end may be absent for an open-ended range). Exactly one form is given; checked
 * by {@link PeriodValidator}. The gateway releases a document only if its whole period lies inside.
 *
 * @param years the open years ({@code [2022, 2023]}), or null for a range
 * @param from  first open day ({@code 2022-01-01}), or null
 * @param to    last open day ({@code 2023-12-31}), or null
 */
// Serializable: Hibernate keeps a copy of a converted attribute's value for its dirty check.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenPeriod(List<Integer> years, String from, String to) implements Serializable {
}
