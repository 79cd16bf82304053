package fr.guichet.it.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs runbook blocks one after the other with {@code bash}, each in its own process, as an operator
 * pasting them into one terminal would: the shell variables and functions a block defines are seen
 * by the blocks after it (they are carried in a state file), and a block stops at its first failing
 * command ({@code set -euo pipefail}, as CI shells do).
 *
 * <p>A block that fails does not stop the next ones: what it had defined before failing is carried
 * over, so later blocks that do not depend on it still run and report on their own.
 *
 * <p>The test JVM's own {@code GUICHET_*} and {@code QUARKUS_*} variables are not passed on: a block
 * sees only the settings given here, the ones the runbook tells an operator to set.
 */
public final class RunbookShell {

    /**
     * Saves every shell variable and function the blocks defined, on any exit. Left out: bash's own
     * variables, read-only ones and this wrapper's ({@code __runbook_*}).
     */
    private static final String PROLOGUE = """
            __runbook_save() {
              local __runbook_v __runbook_decl __runbook_flags
              {
                for __runbook_v in $(compgen -v); do
                  case "$__runbook_v" in
                    __runbook_*|BASH*|FUNCNAME|LINENO|RANDOM|SRANDOM|SECONDS|EPOCHSECONDS|EPOCHREALTIME|_|PIPESTATUS) continue ;;
                    PWD|OLDPWD|SHLVL|HISTCMD|COMP_*|DIRSTACK|GROUPS|OPTIND|OPTARG|OPTERR|IFS|PS4|PPID|UID|EUID|SHELLOPTS) continue ;;
                  esac
                  __runbook_decl=$(declare -p "$__runbook_v" 2>/dev/null) || continue
                  __runbook_flags=${__runbook_decl#declare -}
                  __runbook_flags=${__runbook_flags%% *}
                  case "$__runbook_flags" in *r*) continue ;; esac
                  printf '%s\n' "$__runbook_decl"
                done
                declare -f
              } > "$__RUNBOOK_STATE.next" 2>/dev/null
              mv -f "$__RUNBOOK_STATE.next" "$__RUNBOOK_STATE"
            }
            if [ -f "$__RUNBOOK_STATE" ]; then source "$__RUNBOOK_STATE"; fi
            trap __runbook_save EXIT
            set -euo pipefail
            """;

    private final Path workDir;
    private final Path state;
    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param workDir     the working directory of every block (created if needed)
     * @param environment variables every block starts with (over the test JVM's environment)
     * @param timeout     how long one block may run before it is killed and reported as failed
     */
    public RunbookShell(Path workDir, Map<String, String> environment, Duration timeout) {
        try {
            this.workDir = Files.createDirectories(workDir);
            this.state = workDir.resolve(".runbook-state.sh");
            Files.deleteIfExists(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /**
     * What a block did.
     *
     * @param exitCode bash's exit status (-1 if it was killed after the timeout)
     * @param output   its standard output and error, interleaved as they came
     */
    public record Outcome(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs one block with the state the earlier blocks left. */
    public Outcome run(String code) {
        try {
            Path script = Files.createTempFile(workDir, "block-", ".sh");
            Files.writeString(script, PROLOGUE + code + "\n", StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("GUICHET_") || k.startsWith("QUARKUS_"));
            pb.environment().putAll(environment);
            pb.environment().put("__RUNBOOK_STATE", state.toString());
            Process process = pb.start();
            // Read on another thread so that a chatty block cannot fill the pipe and hang.
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("[could not read the output: ").append(e).append(']');
                }
            }, "runbook-block-output");
            reader.start();
            int exit;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                exit = -1;
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            Files.deleteIfExists(script);
            // join() makes the reader's writes visible here
            String text = output.toString();
            if (exit == -1) {
                text += "\n[killed after " + timeout.toSeconds() + " s]";
            }
            return new Outcome(exit, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
