package fr.guichet.acoss.attestation.service;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** What an attestation de vigilance states, as read from its text. */
public record AttestationFacts(LocalDate dateDebutValidite, String codeSecurite) {

    /** Valid six months from its start, to the end of that month (URSSAF's rule, as API Entreprise computes it). */
    public LocalDate dateFinValidite() {
        return dateDebutValidite.plusMonths(6).with(TemporalAdjusters.lastDayOfMonth());
    }
}
