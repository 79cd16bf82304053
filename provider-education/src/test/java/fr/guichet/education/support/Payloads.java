package fr.guichet.education.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The raw upstream answers copied under {@code upstream/} of the test class path. */
public final class Payloads {

    private Payloads() {
    }

    /** The text of {@code upstream/<path>}. */
    public static String read(String path) {
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream("upstream/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing upstream/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
