package fr.guichet.token.admin;

import fr.guichet.token.error.TokenErrors;

/**
 * The page asked of an admin list: {@code page} ≥ 1 (default 1), {@code per_page} 1..200 (default 50).
 * Read from the raw query strings so that a bad value is a 422 naming the parameter ({@code 00801}),
 * not the 404 JAX-RS answers when an integer parameter does not parse.
 */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 200;

    /**
     * @param page    raw {@code page} parameter, null when absent
     * @param perPage raw {@code per_page} parameter, null when absent
     * @throws fr.guichet.common.error.ApiException 422 {@code 00801} naming the faulty parameter
     */
    public static PageRequest of(String page, String perPage) {
        return new PageRequest(number("page", page, 1, Integer.MAX_VALUE, 1),
                number("per_page", perPage, 1, MAX_PER_PAGE, DEFAULT_PER_PAGE));
    }

    /** Zero-based index of the page, as Panache counts them. */
    public int index() {
        return page - 1;
    }

    private static int number(String name, String raw, int min, int max, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range value
        }
        throw TokenErrors.invalid(name, "Le paramètre « " + name + " » doit être un entier entre " + min + " et "
                + (max == Integer.MAX_VALUE ? "l'infini" : max) + ".");
    }
}
