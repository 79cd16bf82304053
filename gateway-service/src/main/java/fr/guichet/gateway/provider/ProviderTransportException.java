package fr.guichet.gateway.provider;

/** The provider could not be reached or did not answer in time: counts against its circuit breaker. */
public class ProviderTransportException extends RuntimeException {

    private final boolean timeout;

    public ProviderTransportException(String message, Throwable cause, boolean timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }
}
