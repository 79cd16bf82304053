package fr.guichet.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the classes that use the {@link SharedStack} first, then the others, each group by class
 * name: the shared stack starts once, and a class with its own stack never interrupts the group.
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
