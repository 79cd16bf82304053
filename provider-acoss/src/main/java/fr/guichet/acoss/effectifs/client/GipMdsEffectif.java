package fr.guichet.acoss.effectifs.client;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of GIP-MDS's answer: a figure of one regime ({@code RG} URSSAF, {@code RA} MSA) for one
 * period; {@code value} is null when the regime has no figure ({@code "NC"} upstream).
 */
public record GipMdsEffectif(String regime, LocalDate periode, String nature, BigDecimal value, String miseAJour) {
}
