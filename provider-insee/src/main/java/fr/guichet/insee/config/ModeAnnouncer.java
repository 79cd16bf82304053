package fr.guichet.insee.config;

import fr.guichet.common.provider.ProviderConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at start-up how INSEE will be reached, and what is missing for it (never the secrets). */
@ApplicationScoped
public class ModeAnnouncer {

    private static final Logger LOG = Logger.getLogger(ModeAnnouncer.class);

    void onStart(@Observes StartupEvent event, ProviderConfig provider, InseeConfig insee) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            LOG.info("INSEE provider in sandbox mode: answers come from the staging fixtures");
            return;
        }
        InseeConfig.Auth auth = insee.sirene().auth();
        LOG.infof("INSEE provider in production mode: %s, authentication %s, read timeout %s, cache %s",
                insee.sirene().baseUrl(), auth.mode(), insee.sirene().readTimeout(),
                insee.cache().enabled() ? insee.cache().ttl() : "off");
        if (auth.mode() == InseeConfig.AuthMode.API_KEY && auth.apiKey().isEmpty()) {
            LOG.warn("guichet.insee.sirene.auth.api-key is not set: INSEE will refuse the calls");
        }
        if (auth.mode() == InseeConfig.AuthMode.OAUTH2 && (auth.clientId().isEmpty() || auth.clientSecret().isEmpty())) {
            LOG.warn("guichet.insee.sirene.auth.client-id/client-secret are not set: INSEE will refuse the token requests");
        }
    }
}
