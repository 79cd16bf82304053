package fr.guichet.it.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real redis-server of this test's own, on a free loopback port, so that a test can stop Redis
 * (degraded mode) without touching the Redis that every other build on the machine shares.
 */
final class PrivateRedis implements AutoCloseable {

    private final int port;
    private Process process;

    PrivateRedis() {
        port = fr.guichet.testing.LoopbackPorts.next();
    }

    PrivateRedis start(Path logDir) {
        try {
            java.nio.file.Files.createDirectories(logDir);
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", logDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("redis-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed for this test (apt-get install redis-server)", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return this;
            }
            sleep(50);
        }
        throw new IllegalStateException("private redis-server did not answer on port " + port);
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    boolean ping() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops Redis as an outage would. */
    void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
