package fr.guichet.token.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of an admin list: {@code {"data": [...], "meta": {"page", "per_page", "total"}}}. */
@RegisterForReflection
public record PageView<T>(List<T> data, Meta meta) {

    /** Where the page stands: its number (from 1), its size, and the number of matching items in all. */
    @RegisterForReflection
    public record Meta(int page, @JsonProperty("per_page") int perPage, long total) {
    }

    public static <T> PageView<T> of(List<T> data, PageRequest request, long total) {
        return new PageView<>(data, new Meta(request.page(), request.perPage(), total));
    }
}
