{{/* The environment of one service (ConfigMap data). Call with (dict "root" $ "c" "gateway"). */}}
{{- define "guichet.configData" -}}
{{- $root := .root -}}
{{- $c := .c -}}
{{- $svc := include "guichet.values" . | fromJson -}}
{{- $entry := include "guichet.entry" . | fromJson -}}
QUARKUS_HTTP_PORT: {{ include "guichet.port" . | quote }}
{{- if eq $c "gateway" }}
QUARKUS_REDIS_HOSTS: {{ include "guichet.redisHosts" $root | quote }}
GUICHET_GATEWAY_TOKEN_SERVICE_URL: {{ include "guichet.url" (dict "root" $root "c" "token") | quote }}
GUICHET_GATEWAY_TRACE_SERVICE_URL: {{ include "guichet.url" (dict "root" $root "c" "trace") | quote }}
{{- range (include "guichet.catalog" $root | fromJson).services }}
{{- if eq .kind "provider" }}
{{ printf "GUICHET_GATEWAY_PROVIDERS_%s_URL" (upper (regexReplaceAll "[^A-Za-z0-9]" .provider "_")) }}: {{ include "guichet.url" (dict "root" $root "c" .name) | quote }}
{{- end }}
{{- end }}
GUICHET_GATEWAY_TOKEN_SERVICE_ISSUER: {{ $root.Values.token.issuer | quote }}
# What partners are sent to (links, /openapi, error details): the platform's public URL and the
# partner dashboard, the same as in token-service's e-mails.
GUICHET_GATEWAY_PUBLIC_BASE_URL: {{ $root.Values.publicUrl | quote }}
GUICHET_GATEWAY_PUBLIC_DASHBOARD_URL: {{ default $root.Values.publicUrl $root.Values.token.dashboardUrl | quote }}
GUICHET_GATEWAY_JOURNAL_DIR: {{ $svc.journal.mountPath | quote }}
# Incident switch: guichet.gateway.incident.data-plane-cut and .cut-providers.
GUICHET_GATEWAY_INCIDENT_DATA_PLANE_CUT: {{ $root.Values.incident.dataPlaneCut | toString | quote }}
GUICHET_GATEWAY_INCIDENT_CUT_PROVIDERS: {{ join "," $root.Values.incident.cutProviders | quote }}
{{- else if eq $c "token" }}
QUARKUS_REDIS_HOSTS: {{ include "guichet.redisHosts" $root | quote }}
QUARKUS_DATASOURCE_JDBC_URL: {{ include "guichet.jdbcUrl" (dict "root" $root "db" $root.Values.postgresql.token.database) | quote }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ include "guichet.reactiveUrl" (dict "root" $root "db" $root.Values.postgresql.token.database) | quote }}
GUICHET_TOKEN_ISSUER: {{ $svc.issuer | quote }}
# token-service checks its own session tokens with smallrye-jwt: same issuer.
MP_JWT_VERIFY_ISSUER: {{ $svc.issuer | quote }}
GUICHET_TOKEN_DASHBOARD_URL: {{ default $root.Values.publicUrl $svc.dashboardUrl | quote }}
GUICHET_TOKEN_TRACE_SERVICE_URL: {{ include "guichet.url" (dict "root" $root "c" "trace") | quote }}
{{- else if eq $c "trace" }}
QUARKUS_DATASOURCE_JDBC_URL: {{ include "guichet.jdbcUrl" (dict "root" $root "db" $root.Values.postgresql.trace.database) | quote }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ include "guichet.reactiveUrl" (dict "root" $root "db" $root.Values.postgresql.trace.database) | quote }}
GUICHET_TRACE_JWKS_URL: {{ printf "%s/.well-known/jwks.json" (include "guichet.url" (dict "root" $root "c" "token")) | quote }}
GUICHET_TRACE_TOKEN_ISSUER: {{ $root.Values.token.issuer | quote }}
# The seal key comes from a Secret; never generate one inside a pod.
GUICHET_TRACE_SEAL_KEY_FILE: {{ printf "/var/run/secrets/guichet/seal/%s" $root.Values.secrets.traceSeal.key | quote }}
GUICHET_TRACE_SEAL_GENERATE_IF_MISSING: "false"
# The providers' availability per day (status page): the gateway's public /pings, every minute.
GUICHET_TRACE_AVAILABILITY_PINGS_URL: {{ include "guichet.url" (dict "root" $root "c" "gateway") | quote }}
{{- with $svc.sealTrustedPublicKeys }}
GUICHET_TRACE_SEAL_TRUSTED_PUBLIC_KEYS: {{ join "," . | quote }}
{{- end }}
{{- else if eq $c "portal" }}
GUICHET_PORTAL_PUBLIC_URL: {{ default $root.Values.publicUrl $svc.publicUrl | quote }}
GUICHET_PORTAL_TOKEN_SERVICE_URL: {{ include "guichet.url" (dict "root" $root "c" "token") | quote }}
GUICHET_PORTAL_GATEWAY_URL: {{ include "guichet.url" (dict "root" $root "c" "gateway") | quote }}
GUICHET_PORTAL_TRACE_SERVICE_URL: {{ include "guichet.url" (dict "root" $root "c" "trace") | quote }}
{{- else if eq $entry.kind "provider" }}
QUARKUS_REDIS_HOSTS: {{ include "guichet.redisHosts" $root | quote }}
GUICHET_PROVIDER_MODE: {{ $root.Values.mode | quote }}
GUICHET_PROVIDER_PUBLIC_BASE_URL: {{ $root.Values.publicUrl | quote }}
{{- end }}
{{- if and (has $c (list "gateway" "token" "portal")) $root.Values.forwardedHeaders.enabled }}
# Client address from X-Forwarded-For, trusted only from the ingress controller.
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING: "true"
QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED: "true"
{{- with $root.Values.forwardedHeaders.trustedProxies }}
QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: {{ join "," . | quote }}
{{- end }}
{{- end }}
{{- range $k, $v := $svc.env }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}
