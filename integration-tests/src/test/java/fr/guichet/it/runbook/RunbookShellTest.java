package fr.guichet.it.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookShellTest {

    @TempDir
    Path dir;

    @Test
    void variablesAndFunctionsOfABlockReachTheNextOnes() {
        RunbookShell shell = new RunbookShell(dir, Map.of("GIVEN", "from the test"), Duration.ofSeconds(30));
        assertTrue(shell.run("""
                JTI=$(echo 'a b "c"')
                LIST=(x y)
                greet() { echo "hello $1"; }
                """).ok());
        RunbookShell.Outcome second = shell.run("""
                echo "$JTI|${LIST[1]}|$GIVEN"
                greet world
                """);
        assertEquals(0, second.exitCode(), second.output());
        assertEquals("a b \"c\"|y|from the test\nhello world\n", second.output());
    }

    @Test
    void aBlockStopsAtItsFirstFailingCommandAndReportsItsOutput() {
        RunbookShell shell = new RunbookShell(dir, Map.of(), Duration.ofSeconds(30));
        RunbookShell.Outcome outcome = shell.run("""
                echo before
                false | cat
                echo after
                """);
        assertEquals(1, outcome.exitCode());
        assertEquals("before\n", outcome.output());
    }

    @Test
    void unsetVariablesFailTheBlock() {
        RunbookShell shell = new RunbookShell(dir, Map.of(), Duration.ofSeconds(30));
        RunbookShell.Outcome outcome = shell.run("echo \"$NEVER_SET\"");
        assertFalse(outcome.ok());
        assertTrue(outcome.output().contains("NEVER_SET"), outcome.output());
    }

    @Test
    void whatAFailedBlockSetBeforeFailingIsCarriedAndTheNextBlockStillRuns() {
        RunbookShell shell = new RunbookShell(dir, Map.of(), Duration.ofSeconds(30));
        assertFalse(shell.run("HABILITATION_ID=42\nexit 3").ok());
        RunbookShell.Outcome next = shell.run("echo \"$HABILITATION_ID\"");
        assertEquals("42\n", next.output());
    }

    @Test
    void aBlockThatHangsIsKilledAfterTheTimeout() {
        RunbookShell shell = new RunbookShell(dir, Map.of(), Duration.ofSeconds(1));
        RunbookShell.Outcome outcome = shell.run("echo started\nsleep 60");
        assertEquals(-1, outcome.exitCode());
        assertTrue(outcome.output().startsWith("started\n"), outcome.output());
        assertTrue(outcome.output().contains("killed after 1 s"), outcome.output());
    }
}
