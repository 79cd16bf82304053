package fr.guichet.portal.request.service;

import java.util.List;

/**
 * The scopes of one data provider in the request form ({@code fieldset.provider-scopes}), each
 * with what it gives and whether the person ticked it.
 */
public record CatalogueGroup(String provider, String label, List<Option> scopes) {

    /** One checkbox: {@code id} is unique in the page (a scope may sit under several providers). */
    public record Option(String id, String scope, String label, boolean checked) {
    }
}
