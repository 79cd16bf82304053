package fr.guichet.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A stack launches the services that do not need each other together: when one of them fails to
 * start, the failure names it with its log, and the others already launched do not outlive it.
 */
class StackStartFailureIT {

    @Test
    void aServiceFailingToStartIsReportedAndTheOthersLaunchedWithItAreStopped() throws Exception {
        Path logs = Path.of("target", "it-logs", "stack-start-failure").toAbsolutePath();
        deleteLogs(logs);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // provider-insee is told to listen on a port already in use: it exits at start-up.
            GuichetStack.Builder builder = GuichetStack.builder().logDir(logs)
                    .with(Service.INSEE, Service.DGFIP)
                    .property(Service.INSEE, "quarkus.http.port", String.valueOf(taken.getLocalPort()));

            IllegalStateException failure = assertThrows(IllegalStateException.class, builder::start);

            assertTrue(failure.getMessage().startsWith("provider-insee exited with"), failure.getMessage());
            assertTrue(failure.getMessage().contains(String.valueOf(taken.getLocalPort())),
                    "the log tail explains the failure: " + failure.getMessage());
        }
        // provider-dgfip was launched with it (its log file is named after its port) and is stopped.
        List<Path> dgfipLogs;
        try (Stream<Path> files = Files.list(logs)) {
            dgfipLogs = files.filter(f -> f.getFileName().toString().startsWith("provider-dgfip-")).toList();
        }
        assertFalse(dgfipLogs.isEmpty(), "provider-dgfip was launched");
        String name = dgfipLogs.get(0).getFileName().toString();
        int port = Integer.parseInt(name.substring("provider-dgfip-".length(), name.length() - ".log".length()));
        String itsPort = "-Dquarkus.http.port=" + port + " ";
        assertFalse(ProcessHandle.current().descendants().anyMatch(p -> p.isAlive()
                && p.info().commandLine().map(c -> c.contains(itsPort) && c.contains("provider-dgfip")).orElse(false)),
                "provider-dgfip (port " + port + ") still runs");
    }

    private static void deleteLogs(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
