package fr.guichet.it.runbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.it.runbook.RunbookBlocks.Block;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@code docs/operations.md} must keep so that {@link OperationsRunbookIT} proves something:
 * the operator tasks are in blocks the test runs, and only cluster commands are left out.
 */
class OperationsRunbookTest {

    static final Path RUNBOOK = OperationsRunbookIT.root().resolve(OperationsRunbookIT.RUNBOOK);

    @Test
    void everyOperatorTaskIsInABlockTheTestRuns() throws Exception {
        String run = RunbookBlocks.read(RUNBOOK).stream().filter(b -> !b.skipped()).map(Block::code)
                .collect(Collectors.joining("\n"));
        List<String> tasks = List.of(
                "/auth/admin-tokens",                       // admin session
                "/admin/organisations\"",                   // onboarding: organisation
                "/admin/habilitations\"",                   // onboarding: habilitation
                "/validate\"",                              // onboarding: validation issues the token
                "/admin/tokens\" -H",                       // listing a partner's tokens
                "/admin/tokens/$JTI/revoke",                // revocation of a token
                "/admin/habilitations/$HABILITATION_ID/revoke",
                "/admin/incident",                          // incident switch at runtime
                "/admin/traces/$TRACE_ID",                  // lookup of a trace by id
                "/admin/traces/export",                     // export for an audit
                "/admin/traces/verify",                     // integrity over HTTP
                "\"$GUICHET_TRACE_JAR\" verify",            // integrity command line
                "/admin/keys/rotate",                       // key rotation
                "/retire");
        for (String task : tasks) {
            assertTrue(run.contains(task), "no block run by the test contains " + task);
        }
    }

    @Test
    void onlyClusterCommandsAreLeftOut() throws Exception {
        Pattern cluster = Pattern.compile("\\b(kubectl|helm|pg_dump|pg_restore)\\b");
        for (Block b : RunbookBlocks.read(RUNBOOK)) {
            if (b.skipped()) {
                assertTrue(cluster.matcher(b.code()).find(),
                        b.label("operations.md") + " is marked runbook:skip but needs no cluster: let the test run it");
            } else {
                assertFalse(b.code().matches("(?s).*<[a-z_.-]+>.*"),
                        b.label("operations.md") + " holds a <placeholder>: a command the test runs must be complete");
            }
        }
    }

    @Test
    void pointsOnlyAtDocumentsOfTheProject() throws Exception {
        String text = Files.readString(RUNBOOK, StandardCharsets.UTF_8);
        assertFalse(text.contains("DESIGN.md"), "the project has no DESIGN.md");
        for (var link : Pattern.compile("\\]\\(([^)#:]+)").matcher(text).results().map(m -> m.group(1)).toList()) {
            assertTrue(Files.exists(RUNBOOK.getParent().resolve(link)), "dead link " + link);
        }
    }
}
