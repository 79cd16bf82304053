package fr.guichet.common.resource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Data files shipped on the class path, read the same way everywhere: the context class loader
 * first (Quarkus's application class loader), then this jar's. An {@code index.txt} lists a
 * folder's files, one a line (blank lines and {@code #} comments ignored), because class-path
 * folders cannot be listed in a native image.
 */
public final class ClassPathFiles {

    private ClassPathFiles() {
    }

    /**
     * Opens a class-path resource.
     *
     * @throws IllegalStateException naming the resource when it is missing
     */
    public static InputStream open(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = ClassPathFiles.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalStateException("Missing class-path resource " + path);
        }
        return in;
    }

    /** The entries of {@code root + "index.txt"}; {@code root} ends with '/'. */
    public static List<String> index(String root) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(root + "index.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + root + "index.txt", e);
        }
    }
}
