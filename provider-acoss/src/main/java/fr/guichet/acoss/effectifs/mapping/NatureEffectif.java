package fr.guichet.acoss.effectifs.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The four kinds of workforce figures GIP-MDS computes, and their codes upstream ({@code A0n}/{@code M0n}). */
public enum NatureEffectif {
    moyen(1, "effectif_moyen"),
    boeth(2, "effectif_boeth"),
    ecap(3, "effectif_ecap"),
    assujettissement_oeth(4, "effectif_assujettissement_oeth");

    public static final NatureEffectif DEFAULT = moyen;

    private final int code;
    private final String label;

    NatureEffectif(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public static Optional<NatureEffectif> parse(String value) {
        return Arrays.stream(values()).filter(n -> n.name().equals(value)).findFirst();
    }

    /** Upstream {@code nature} parameter: {@code A01} for the annual mean, {@code M02} for monthly BOETH... */
    public String upstreamCode(boolean annual) {
        return (annual ? "A0" : "M0") + code;
    }

    public static Optional<String> labelOfUpstreamCode(String upstreamCode) {
        if (upstreamCode == null || upstreamCode.length() != 3) {
            return Optional.empty();
        }
        String suffix = switch (upstreamCode.charAt(0)) {
            case 'A' -> "_annuel";
            case 'M' -> "_mensuel";
            default -> null;
        };
        if (suffix == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(n -> upstreamCode.substring(1).equals("0" + n.code))
                .findFirst()
                .map(n -> n.label + suffix);
    }
}
