package fr.guichet.insee.sirene.service;

/**
 * What provider-insee answers the gateway: HTTP status, JSON body (API Entreprise data or error
 * body, serialised once) and where it came from ({@code hit}/{@code miss}, null when no cache applies).
 */
public record InseeAnswer(int status, String body, CacheStatus cache) {

    public enum CacheStatus {
        HIT, MISS;

        public String header() {
            return name().toLowerCase();
        }
    }
}
