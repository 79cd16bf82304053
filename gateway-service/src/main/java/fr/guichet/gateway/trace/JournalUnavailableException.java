package fr.guichet.gateway.trace;

/** The journal cannot take the event: the call must fail with 503 and release no data. */
public class JournalUnavailableException extends RuntimeException {

    public JournalUnavailableException(String message) {
        super(message, null, false, false);
    }
}
