package fr.guichet.gateway.catalogue;

import java.util.Map;

/** A request path resolved to a route, with its path variables. */
public record RouteMatch(Route route, Map<String, String> variables) {
}
