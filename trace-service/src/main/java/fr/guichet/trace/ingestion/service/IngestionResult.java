package fr.guichet.trace.ingestion.service;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of {@code POST /traces}: events newly stored, and events already held (re-sent). */
@RegisterForReflection
public record IngestionResult(int accepted, int duplicates) {
}
