package fr.guichet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Empties the Redis database a test stack uses, as {@link GuichetStack} empties its PostgreSQL
 * databases: what an earlier run left there (address throttles of magic-link requests, quota
 * counters, token state copies) must not decide this run's answers. Two commands in RESP over a
 * plain socket ({@code SELECT}, {@code FLUSHDB}: redis.io/docs/reference/protocol-spec).
 */
final class RedisReset {

    private static final int TIMEOUT_MS = 5_000;

    private RedisReset() {
    }

    /**
     * Empties database {@code db} of the Redis at {@code hostPort} ({@code host:port}).
     *
     * @throws IllegalStateException when Redis cannot be reached or refuses a command
     */
    static void flush(String hostPort, int db) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                    TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            command(out, in, "SELECT", Integer.toString(db));
            command(out, in, "FLUSHDB");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot empty Redis database " + db + " at " + hostPort
                    + " (did scripts/infra.sh run?)", e);
        }
    }

    /** Sends one command and expects {@code +OK}. */
    static void command(OutputStream out, InputStream in, String... args) throws IOException {
        StringBuilder resp = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            resp.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        String reply = line(in);
        if (!reply.equals("+OK")) {
            throw new IllegalStateException("Redis answered " + reply + " to " + args[0]);
        }
    }

    /** One reply line, without its CR LF. */
    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
