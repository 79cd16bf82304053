package fr.guichet.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the classes that use the {@link SharedStack} first, then the others, each group by class
 * name: the shared stack starts once, and a class with its own stack never interrupts the group.
 * Ordering by name also keeps the browser tests of {@code fr.guichet.it.web} together, last (a
 * package sorts after the other packages and the classes of {@code fr.guichet.it}), so
 * that they share their {@code WebStack} the same way.
 * Set as the default order in {@code junit-platform.properties}.
 */
public class SharedStackFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor d) -> !d.isAnnotated(SharedStack.Uses.class))
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
