package fr.guichet.it.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.it.runbook.RunbookBlocks.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookBlocksTest {

    @Test
    void bashBlocksInOrderWithTheirSectionAndLine() {
        List<Block> blocks = RunbookBlocks.parse("""
                # Runbook

                ## Onboard a partner

                Text.

                ```bash
                echo one
                echo two
                ```

                ## Revoke

                ```bash
                echo three
                ```
                """);
        assertEquals(2, blocks.size());
        assertEquals(new Block(7, "Onboard a partner", "echo one\necho two", false), blocks.get(0));
        assertEquals(new Block(14, "Revoke", "echo three", false), blocks.get(1));
        assertEquals("ops.md:14 (Revoke)", blocks.get(1).label("ops.md"));
    }

    @Test
    void markerOnTheLastNonBlankLineBeforeTheFenceSkipsOnlyThatBlock() {
        List<Block> blocks = RunbookBlocks.parse("""
                <!-- runbook:skip -->
                ```bash
                kubectl get pods
                ```
                <!-- runbook:skip -->

                ```bash
                helm list
                ```
                ```bash
                curl --version
                ```
                """);
        assertEquals(List.of(true, true, false), blocks.stream().map(Block::skipped).toList());
    }

    @Test
    void markerFurtherUpDoesNotSkip() {
        List<Block> blocks = RunbookBlocks.parse("""
                <!-- runbook:skip -->
                Some text in between.
                ```bash
                echo run me
                ```
                """);
        assertFalse(blocks.get(0).skipped());
    }

    @Test
    void otherLanguagesAreNotCommandsAndHeadingsInsideBlocksAreNotSections() {
        List<Block> blocks = RunbookBlocks.parse("""
                ## Metrics
                ```promql
                sum(rate(x[5m]))
                ```
                ```
                # not a heading
                ```
                ```bash
                # a comment, not a heading
                echo ok
                ```
                """);
        assertEquals(1, blocks.size());
        assertEquals("Metrics", blocks.get(0).section());
        assertTrue(blocks.get(0).code().startsWith("# a comment"));
    }

    @Test
    void otherShellDialectsAreRefusedSoThatNoCommandEscapesTheTest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunbookBlocks.parse("""
                text
                ```sh
                kubectl get pods
                ```
                """));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunbookBlocks.parse("```shell\nls\n```\n"));
    }

    @Test
    void unclosedBlockIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunbookBlocks.parse("```bash\necho never closed\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void windowsLineEndingsAndIndentedFences() {
        List<Block> blocks = RunbookBlocks.parse("- step:\r\n\r\n  ```bash\r\n  echo indented\r\n  ```\r\n");
        assertEquals(1, blocks.size());
        assertEquals("  echo indented", blocks.get(0).code());
    }
}
