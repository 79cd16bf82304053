package fr.guichet.trace.store;

/** PostgreSQL could not do its part; nothing of the request was committed. Answered as a 503. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
