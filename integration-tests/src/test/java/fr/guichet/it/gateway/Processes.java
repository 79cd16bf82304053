package fr.guichet.it.gateway;

import fr.guichet.testing.ServiceProcess;
import java.io.IOException;

/** Freezes and thaws a service process this test started (SIGSTOP/SIGCONT): a provider that hangs. */
final class Processes {

    private Processes() {
    }

    static long pid(ServiceProcess service) {
        String marker = "-Dquarkus.http.port=" + service.port();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(marker)).orElse(false))
                .findFirst()
                .map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("no child process listens on " + service.port()));
    }

    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
