package fr.guichet.token.admin;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.organisation.OrganisationService;
import java.util.function.Function;

/**
 * The filters of an admin list, gathered as HQL conditions joined by {@code and}, then run as one
 * page and one count in the caller's session. Values always go through named parameters.
 */
public final class AdminQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code condition} (HQL) with its named parameter. */
    public AdminQuery where(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /**
     * Adds {@code condition} (HQL naming {@code :siret}) when {@code siret} is given, spaces removed.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00302} when {@code siret} is not a valid SIRET
     */
    public AdminQuery whereSiret(String condition, String siret) {
        return siret == null || siret.isBlank() ? this : where(condition, "siret", OrganisationService.validSiret(siret));
    }

    /** Adds a condition without parameter. */
    public AdminQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    public String hql() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * Runs the page then the count (one after the other: a reactive session runs one query at a time).
     *
     * @param find builds the query from the HQL and the parameters (the entity's {@code find} with its sort)
     */
    public <E, V> Uni<PageView<V>> page(Function<AdminQuery, PanacheQuery<E>> find, PageRequest page,
                                        Function<List<E>, Uni<List<V>>> views) {
        PanacheQuery<E> query = find.apply(this);
        Uni<List<E>> rows = query.page(Page.of(page.index(), page.perPage())).list();
        return rows.flatMap(list -> views.apply(list))
                .flatMap(data -> query.count().map(total -> PageView.of(data, page, total)));
    }

    /** The value when it is one of {@code accepted}; otherwise 422 {@code 00801} naming the parameter. */
    public static String oneOf(String parameter, String value, List<String> accepted) {
        if (!accepted.contains(value)) {
            throw TokenErrors.invalid(parameter, "Le paramètre « " + parameter + " » doit valoir "
                    + accepted.stream().map(a -> "« " + a + " »").collect(java.util.stream.Collectors.joining(", ")) + ".");
        }
        return value;
    }

    /** A {@code like} pattern matching {@code text} anywhere, its wildcards escaped with {@code \}. */
    public static String containing(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
