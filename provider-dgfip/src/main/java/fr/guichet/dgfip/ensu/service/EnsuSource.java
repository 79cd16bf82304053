package fr.guichet.dgfip.ensu.service;

import fr.guichet.dgfip.ensu.service.EnsuModel.Content;
import fr.guichet.dgfip.ensu.service.EnsuModel.DocumentKey;
import fr.guichet.dgfip.ensu.service.EnsuModel.IdentifierKind;
import fr.guichet.dgfip.ensu.service.EnsuModel.Listing;
import java.util.Optional;

/** Where ENSU documents come from: the sandbox data set or DGFIP's ENSU API. */
public interface EnsuSource {

    /** The user's documents of one family, optionally of one document code; empty if the user is unknown. */
    Optional<Listing> list(IdentifierKind kind, String identifier, EnsuFamily family, Optional<String> codeDocument);

    /** One document with its PDF; empty if unknown. */
    Optional<Content> fetch(DocumentKey key, String identifier);
}
