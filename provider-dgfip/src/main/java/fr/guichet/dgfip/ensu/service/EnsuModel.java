package fr.guichet.dgfip.ensu.service;

import java.time.LocalDate;
import java.util.List;

/** ENSU DOCUMENTS domain: professional users (usagers), document metadata, document content. */
public final class EnsuModel {

    private EnsuModel() {
    }

    /** How the professional user is designated: by SIREN, or by IDSP when there is no SIREN. */
    public enum IdentifierKind {
        SIREN("siren"), IDSP("idsp");

        private final String parameter;

        IdentifierKind(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** The three documentary identifiers under which a document can be fetched. */
    public enum DocumentKey {
        IDENSUA("idensua"), DOCDISTRIB("docdistrib"), DOCCFS("doccfs");

        private final String segment;

        DocumentKey(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }

        public static java.util.Optional<DocumentKey> fromSegment(String segment) {
            return java.util.Arrays.stream(values()).filter(k -> k.segment.equals(segment)).findFirst();
        }
    }

    public record Usager(String siren, String idsp, String denomination) {
    }

    public record Document(String idensua, String docdistrib, String doccfs, String codeDocument, String libelle,
                           EnsuFamily famille, LocalDate dateProduction, LocalDate periodeDebut, LocalDate periodeFin) {

        public String key(DocumentKey key) {
            return switch (key) {
                case IDENSUA -> idensua;
                case DOCDISTRIB -> docdistrib;
                case DOCCFS -> doccfs;
            };
        }
    }

    public record Listing(Usager usager, List<Document> documents) {
    }

    public record Content(Usager usager, Document document, byte[] pdf) {
    }
}
