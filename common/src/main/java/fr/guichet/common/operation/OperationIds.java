package fr.guichet.common.operation;

/**
 * Operation ids: the names that authorizations.yml, throttle.yml, the sandbox payloads, the
 * gateway's route catalogue and the traces share.
 */
public final class OperationIds {

    public static final String INSEE_UNITES_LEGALES_V3 = "api_entreprise_v3_insee_unites_legales";

    private OperationIds() {
    }
}
