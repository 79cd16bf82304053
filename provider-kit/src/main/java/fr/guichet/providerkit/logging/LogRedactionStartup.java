package fr.guichet.providerkit.logging;

import fr.guichet.providerkit.operation.ApiKinds;
import fr.guichet.providerkit.operation.ProviderOperations;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Sets {@link PersonalDataRedaction} on the log handlers at start-up, with this provider's
 * declared operations telling which request paths are API Particulier's.
 */
@Singleton
public class LogRedactionStartup {

    void onStart(@Observes StartupEvent event, ProviderOperations operations) {
        PersonalDataRedaction.install(path -> operations.resolve(null, path)
                .map(r -> ApiKinds.particulier(r.declaration())).orElse(false));
    }
}
