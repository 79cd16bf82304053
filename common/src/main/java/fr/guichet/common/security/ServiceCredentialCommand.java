package fr.guichet.common.security;

/**
 * Prints on standard output one {@link ServiceCredentials} credential, for the local launcher
 * ({@code bin/guichet}), which asks token-service's {@code /internal/...} routes about its demo
 * tokens and has no HMAC of its own: {@code java -cp ... ServiceCredentialCommand <iss> <aud>}.
 *
 * <p>The installation's service secret is read from the environment variable
 * {@link #SECRET_VARIABLE}, never from the arguments, which every local user can read in
 * {@code /proc/<pid>/cmdline}. Exit status 2, with a message on standard error, when the arguments
 * or the secret are missing or the secret is shorter than 32 bytes.
 */
public final class ServiceCredentialCommand {

    /** Environment variable holding the service secret (the launcher's SERVICE_AUTH_SECRET). */
    public static final String SECRET_VARIABLE = "GUICHET_SERVICE_AUTH_SECRET";

    private ServiceCredentialCommand() {
    }

    /** {@code args}: the calling party ({@code iss}) and the called service ({@code aud}). */
    public static void main(String[] args) {
        String secret = System.getenv(SECRET_VARIABLE);
        if (args.length != 2 || secret == null || secret.isEmpty()) {
            System.err.println("usage: " + SECRET_VARIABLE + "=<secret> ServiceCredentialCommand <iss> <aud>");
            System.exit(2);
        }
        try {
            System.out.println(new ServiceCredentials(secret).credentialFor(args[0], args[1]));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
