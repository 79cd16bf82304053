package fr.guichet.it.runbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shell blocks of a Markdown runbook, in document order: every fenced block whose info string
 * is {@code bash}, with the section it belongs to and whether it is marked
 * {@value #SKIP_MARKER} (on the last non-blank line before its opening fence) because it needs
 * a real Kubernetes cluster or Helm release.
 *
 * <p>Other shell dialects ({@code sh}, {@code shell}, {@code console}, {@code zsh}) are refused
 * with {@link IllegalArgumentException}: a command of the runbook is either run by the test or
 * explicitly marked, never silently left out. Blocks of other languages ({@code promql},
 * {@code yaml}...) are not commands and are ignored. An unclosed fence is refused too.
 */
public final class RunbookBlocks {

    /** The marker, alone on the line before a {@code bash} block, of a block the test does not run. */
    public static final String SKIP_MARKER = "<!-- runbook:skip -->";

    private static final Set<String> OTHER_SHELLS = Set.of("sh", "shell", "console", "zsh", "shell-session");

    private RunbookBlocks() {
    }

    /**
     * One {@code bash} block.
     *
     * @param line    1-based line number of its opening fence
     * @param section the text of the nearest heading above it ("" before the first heading)
     * @param code    its lines, joined with {@code \n}, without the fences
     * @param skipped whether it is marked {@value #SKIP_MARKER}
     */
    public record Block(int line, String section, String code, boolean skipped) {

        /** A short name for reports: {@code operations.md:42 (Onboard a partner)}. */
        public String label(String file) {
            return file + ":" + line + (section.isEmpty() ? "" : " (" + section + ")");
        }
    }

    /** The blocks of a Markdown file (UTF-8). */
    public static List<Block> read(Path markdown) throws IOException {
        return parse(Files.readString(markdown, StandardCharsets.UTF_8));
    }

    /** The blocks of a Markdown text. */
    public static List<Block> parse(String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        List<Block> blocks = new ArrayList<>();
        String section = "";
        String lastNonBlank = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                String info = trimmed.substring(3).strip().toLowerCase(Locale.ROOT);
                String language = info.isEmpty() ? "" : info.split("[\\s{]", 2)[0];
                int close = closingFence(lines, i);
                if (close < 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": code block without closing fence");
                }
                if (OTHER_SHELLS.contains(language)) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": shell block in ```" + language
                            + "; write ```bash (run by the runbook test) or mark it " + SKIP_MARKER);
                }
                if (language.equals("bash")) {
                    String code = String.join("\n", List.of(lines).subList(i + 1, close));
                    blocks.add(new Block(i + 1, section, code, lastNonBlank.equals(SKIP_MARKER)));
                }
                i = close;
                lastNonBlank = "```";
                continue;
            }
            if (trimmed.startsWith("#")) {
                section = trimmed.replaceFirst("^#+\\s*", "");
            }
            if (!trimmed.isEmpty()) {
                lastNonBlank = trimmed;
            }
        }
        return blocks;
    }

    private static int closingFence(String[] lines, int open) {
        for (int j = open + 1; j < lines.length; j++) {
            if (lines[j].strip().equals("```")) {
                return j;
            }
        }
        return -1;
    }
}
