package fr.guichet.testing;

/**
 * Typed handles on the services of {@code services.yml}, for tests that address one of them.
 * What each one is (module, database, Redis, provider key, start order) is read from
 * {@code services.yml}; a stack also starts the services listed there that have no handle here.
 */
public enum Service {
    TRACE("trace"),
    TOKEN("token"),
    INSEE("insee"),
    DGFIP("dgfip"),
    ACOSS("acoss"),
    GATEWAY("gateway");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The short name in services.yml ({@code gateway}, {@code insee}...). */
    public String serviceName() {
        return serviceName;
    }

    /** Its entry in services.yml. */
    public ServiceCatalog.Descriptor descriptor() {
        return ServiceCatalog.repository().get(serviceName);
    }

    public String module() {
        return descriptor().module();
    }

    /** The integration-test database this service owns ({@code guichet_it_<database>}), or null. */
    public String database() {
        return database(descriptor());
    }

    public boolean usesRedis() {
        return descriptor().redis();
    }

    static String database(ServiceCatalog.Descriptor d) {
        return d.database() == null ? null : "guichet_it_" + d.database();
    }
}
