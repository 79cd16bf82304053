package fr.guichet.portal.console.service;

/** One line of a habilitation's review: a French label, the value as shown, and the wire key. */
public record ReviewField(String key, String label, String value) {
}
