package fr.guichet.providerkit.upstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request to an upstream. {@code url} is absolute, or relative to the upstream's configured
 * {@code url}; {@code query} parameters are appended URL-encoded in their order; {@code metricPath}
 * is the {@code path} tag of the metrics (a template such as {@code /siren/{siren}} when the path
 * carries identifiers, so that the metrics do not grow with every identifier).
 */
public record UpstreamRequest(String method, String url, Map<String, String> query, Map<String, String> headers,
                              byte[] body, String metricPath) {

    public UpstreamRequest {
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    /** A GET of {@code url}. */
    public static UpstreamRequest get(String url) {
        return new UpstreamRequest("GET", url, Map.of(), Map.of(), null, null);
    }

    /** A POST of {@code body} with its content type. */
    public static UpstreamRequest post(String url, String contentType, byte[] body) {
        return new UpstreamRequest("POST", url, Map.of(), Map.of("Content-Type", contentType), body, null);
    }

    /** A POST of an {@code application/x-www-form-urlencoded} form, fields in their order. */
    public static UpstreamRequest postForm(String url, Map<String, String> form) {
        return post(url, "application/x-www-form-urlencoded", encode(form).getBytes(StandardCharsets.UTF_8));
    }

    public UpstreamRequest withQuery(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(parameters);
        return new UpstreamRequest(method, url, all, headers, body, metricPath);
    }

    public UpstreamRequest withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new UpstreamRequest(method, url, query, all, body, metricPath);
    }

    public UpstreamRequest withMetricPath(String path) {
        return new UpstreamRequest(method, url, query, headers, body, path);
    }

    /** {@code url?query}, the query URL-encoded. */
    public String target() {
        if (query.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + encode(query);
    }

    /** {@code application/x-www-form-urlencoded} (also the query string encoding): spaces as {@code +}. */
    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
