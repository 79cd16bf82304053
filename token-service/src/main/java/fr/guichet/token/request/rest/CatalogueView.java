package fr.guichet.token.request.rest;

import fr.guichet.token.request.service.RequestCatalogue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Answer of {@code GET /me/habilitation-requests/catalogue}: {@code {"data": [provider...]}}. */
@RegisterForReflection
public record CatalogueView(List<RequestCatalogue.ProviderEntry> data) {
}
