package fr.guichet.gateway.service;

/**
 * The media type and file extension of a stored document, read from its first bytes (its "magic
 * number"), since providers store documents as bare bytes: most are PDFs (attestations, bilans),
 * some certification bodies send images (Qualifelec: JPEG). Unknown content is served as
 * {@code application/octet-stream}.
 */
public record DocumentType(String mediaType, String extension) {

    public static final DocumentType PDF = new DocumentType("application/pdf", "pdf");
    public static final DocumentType JPEG = new DocumentType("image/jpeg", "jpg");
    public static final DocumentType PNG = new DocumentType("image/png", "png");
    public static final DocumentType OTHER = new DocumentType("application/octet-stream", "bin");

    /** The type of {@code content}, from its signature (PDF {@code %PDF}, JPEG {@code FF D8 FF}, PNG). */
    public static DocumentType of(byte[] content) {
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        return OTHER;
    }

    private static boolean startsWith(byte[] content, int... signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
