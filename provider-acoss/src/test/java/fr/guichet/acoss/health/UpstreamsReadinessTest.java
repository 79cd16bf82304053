package fr.guichet.acoss.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.common.provider.ProviderConfig;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Production without an upstream's URL or credentials can never call it: that upstream's check is DOWN. */
class UpstreamsReadinessTest {

    @Test
    void productionWithoutUpstreamSettingsIsNotReady() {
        UpstreamsReadiness readiness = new UpstreamsReadiness(production(), unconfigured(), null);
        HealthCheckResponse urssaf = readiness.urssaf().call();
        HealthCheckResponse gipMds = readiness.gipMds().call();
        assertEquals(HealthCheckResponse.Status.DOWN, urssaf.getStatus());
        assertEquals("URSSAF upstream", urssaf.getName());
        assertEquals("url or credentials not configured", urssaf.getData().orElseThrow().get("reason"));
        assertEquals(HealthCheckResponse.Status.DOWN, gipMds.getStatus());
    }

    private static ProviderConfig production() {
        return new ProviderConfig() {
            @Override
            public Mode mode() {
                return Mode.PRODUCTION;
            }

            @Override
            public String publicBaseUrl() {
                return "http://localhost:8080";
            }
        };
    }

    private static AcossConfig unconfigured() {
        return new AcossConfig() {
            @Override
            public Duration documentTtl() {
                return Duration.ofHours(24);
            }

            @Override
            public Duration tokenRefreshMargin() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(3);
            }

            @Override
            public Urssaf urssaf() {
                return new Urssaf() {
                    public Optional<String> url() {
                        return Optional.empty();
                    }

                    public Optional<String> clientId() {
                        return Optional.of("id");
                    }

                    public Optional<String> clientSecret() {
                        return Optional.of("secret");
                    }

                    public String scope() {
                        return "attn.api_entreprise";
                    }

                    public String idClient() {
                        return "1";
                    }

                    public Duration readTimeout() {
                        return Duration.ofSeconds(10);
                    }
                };
            }

            @Override
            public GipMds gipMds() {
                return new GipMds() {
                    public Optional<String> url() {
                        return Optional.of("https://gip-mds.example");
                    }

                    public Optional<String> clientId() {
                        return Optional.of("id");
                    }

                    public Optional<String> clientSecret() {
                        return Optional.of("secret");
                    }

                    public Optional<String> codeDemandeur() {
                        return Optional.empty();
                    }

                    public Duration readTimeout() {
                        return Duration.ofSeconds(6);
                    }
                };
            }
        };
    }
}
