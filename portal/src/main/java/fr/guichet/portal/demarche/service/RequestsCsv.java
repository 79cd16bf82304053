package fr.guichet.portal.demarche.service;

import java.util.List;

/** A token's traces as CSV (RFC 4180, comma-separated, UTF-8, header line first). */
public final class RequestsCsv {

    static final String HEADER = "horodatage,operation,chemin,statut,code_erreur,latence_ms,identifiant_requete";

    private RequestsCsv() {
    }

    /** The rows as CSV; instants in ISO-8601 UTC. */
    public static String of(List<RequestRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (RequestRow r : rows) {
            sb.append(r.timestamp()).append(',').append(field(r.operationId())).append(',').append(field(r.path()))
                    .append(',').append(r.status()).append(',').append(field(r.errorCode())).append(',')
                    .append(r.latencyMs() == null ? "" : r.latencyMs()).append(',').append(field(r.requestId()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /**
     * One field, quoted when it holds a separator, a quote or a line break; a leading {@code = + - @}
     * is prefixed with a quote so that a spreadsheet never runs it as a formula (OWASP CSV injection).
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
