package fr.guichet.common.error;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One error of an API Entreprise error body: {@code {"code","title","detail","source","meta"}}.
 * {@code source} is null or names the faulty parameter/header; {@code meta} is never null.
 */
@RegisterForReflection
public record ApiError(String code, String title, String detail, Map<String, Object> source,
                       Map<String, Object> meta) {

    public ApiError {
        meta = meta == null ? Map.of() : meta;
    }

    /** Same error with one more entry in {@code meta} (e.g. {@code retry_in}, {@code provider_errors}). */
    public ApiError withMeta(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(meta);
        m.put(key, value);
        return new ApiError(code, title, detail, source, m);
    }

    public ApiError withDetail(String newDetail) {
        return new ApiError(code, title, newDetail, source, meta);
    }
}
