package fr.guichet.cnav.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock of CNAV's rules: the current month of a quotient familial asked without a period, the
 * age of children for the participation familiale EAJE. French time, as CNAV's months are.
 */
public class CnavClock {

    /** France's time zone, whatever the machine's. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(PARIS);
    }
}
