package fr.guichet.testing;

/** The six Guichet services, in start order (dependencies first). */
public enum Service {
    TRACE("trace-service", "guichet_it_trace", false),
    TOKEN("token-service", "guichet_it_token", true),
    INSEE("provider-insee", null, true),
    DGFIP("provider-dgfip", null, true),
    ACOSS("provider-acoss", null, true),
    GATEWAY("gateway-service", null, true);

    private final String module;
    private final String database;
    private final boolean redis;

    Service(String module, String database, boolean redis) {
        this.module = module;
        this.database = database;
        this.redis = redis;
    }

    public String module() {
        return module;
    }

    /** The integration-test database this service owns, or null. */
    public String database() {
        return database;
    }

    public boolean usesRedis() {
        return redis;
    }
}
