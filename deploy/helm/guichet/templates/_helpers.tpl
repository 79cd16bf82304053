{{/*
The services and providers: services.yml in this chart, a copy of the repository's root
services.yml (the one list; deploy's tests keep the copy equal, deploy/render.sh refreshes it).
*/}}
{{- define "guichet.catalog" -}}
{{- .Files.Get "services.yml" | fromYaml | toJson -}}
{{- end -}}

{{/* The services' short names, in start order. Each may have a top-level block in values.yaml. */}}
{{- define "guichet.components" -}}
{{- $names := list -}}
{{- range (include "guichet.catalog" . | fromJson).services -}}
{{- $names = append $names .name -}}
{{- end -}}
{{- join " " $names -}}
{{- end -}}

{{- define "guichet.providers" -}}
{{- $names := list -}}
{{- range (include "guichet.catalog" . | fromJson).services -}}
{{- if eq .kind "provider" -}}
{{- $names = append $names .name -}}
{{- end -}}
{{- end -}}
{{- join " " $names -}}
{{- end -}}

{{/* The services.yml entry of a component, as JSON. Call with (dict "root" $ "c" "gateway"). */}}
{{- define "guichet.entry" -}}
{{- $c := .c -}}
{{- $found := dict -}}
{{- range (include "guichet.catalog" .root | fromJson).services -}}
{{- if eq .name $c -}}
{{- $found = . -}}
{{- end -}}
{{- end -}}
{{- if not $found -}}
{{- fail (printf "services.yml lists no service named %q" $c) -}}
{{- end -}}
{{- toJson $found -}}
{{- end -}}

{{/*
A component's values, as JSON: for a provider, providerDefaults overlaid with its own block
(optional), so that a new provider needs no values of its own. Call with (dict "root" $ "c" ...).
*/}}
{{- define "guichet.values" -}}
{{- $own := index .root.Values .c | default dict -}}
{{- $entry := include "guichet.entry" . | fromJson -}}
{{- if eq $entry.kind "provider" -}}
{{- toJson (mustMergeOverwrite (deepCopy .root.Values.providerDefaults) (deepCopy $own)) -}}
{{- else -}}
{{- toJson $own -}}
{{- end -}}
{{- end -}}

{{/* The container and Service port: 8080 + the port offset of services.yml. */}}
{{- define "guichet.port" -}}
{{- $entry := include "guichet.entry" . | fromJson -}}
{{- add 8080 (int (index $entry "port-offset")) -}}
{{- end -}}

{{/* Install-wide checks: production settings that must be said, not defaulted. */}}
{{- define "guichet.checks" -}}
{{- $mode := required "mode is required: sandbox (answers from the sandbox fixtures) or production (calls the upstreams); there is no default, so that a production install never serves fixtures" .Values.mode -}}
{{- if eq $mode "" -}}{{- fail "mode is required" -}}{{- end -}}
{{- $_ := required "secrets.gatewayTraceSalt.existingSecret is required: the existing Secret holding the gateway's trace salt (docs/operations.md, Secrets)" .Values.secrets.gatewayTraceSalt.existingSecret -}}
{{- $providerKeys := list -}}
{{- range (include "guichet.catalog" . | fromJson).services -}}
{{- if eq .kind "provider" -}}
{{- $providerKeys = append $providerKeys .provider -}}
{{- end -}}
{{- end -}}
{{- range .Values.incident.cutProviders -}}
{{- if not (has . $providerKeys) -}}
{{- fail (printf "incident.cutProviders: %q is not a provider of services.yml (%s)" . (join ", " $providerKeys)) -}}
{{- end -}}
{{- end -}}
{{- if .Values.ingress.enabled -}}
{{- range concat .Values.ingress.gatewayPaths .Values.ingress.tokenServicePaths -}}
{{- if or (eq .path "/") (eq .path "/q") (hasPrefix "/q/" .path) (hasPrefix "/swagger-ui" .path) -}}
{{- fail (printf "ingress: path %q would publish more than the public API (the Quarkus /q/ endpoints, metrics, Swagger UI); list only public API paths" .path) -}}
{{- end -}}
{{- end -}}
{{- range .Values.ingress.portalPaths -}}
{{- if or (and (eq .path "/") (ne .pathType "Exact")) (eq .path "/q") (hasPrefix "/q/" .path) -}}
{{- fail (printf "ingress.portalPaths: path %q (%s) would publish the portal's Quarkus /q/ endpoints; \"/\" only as Exact" .path .pathType) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "guichet.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of a component's objects. Call with (dict "root" $ "c" "gateway"). */}}
{{- define "guichet.name" -}}
{{- printf "%s-%s" (include "guichet.fullname" .root) .c -}}
{{- end -}}

{{- define "guichet.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .c }}
{{- end -}}

{{- define "guichet.labels" -}}
{{ include "guichet.selectorLabels" . }}
app.kubernetes.io/part-of: guichet
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Labels shared by every pod of the release (target of the default-deny policy). */}}
{{- define "guichet.releaseSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "guichet.flavour" -}}
{{- $svc := include "guichet.values" . | fromJson -}}
{{- $f := default .root.Values.image.flavour $svc.image.flavour -}}
{{- if not (has $f (list "jvm" "native")) -}}
{{- fail (printf "%s.image.flavour must be jvm or native, not %q" .c $f) -}}
{{- end -}}
{{- $f -}}
{{- end -}}

{{- define "guichet.image" -}}
{{- $module := (include "guichet.entry" . | fromJson).module -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{- if eq (include "guichet.flavour" .) "native" -}}
{{- printf "%s/%s:%s-native" .root.Values.image.registry $module $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" .root.Values.image.registry $module $tag -}}
{{- end -}}
{{- end -}}

{{- define "guichet.url" -}}
{{- printf "http://%s:%s" (include "guichet.name" .) (include "guichet.port" .) -}}
{{- end -}}

{{- define "guichet.redisHosts" -}}
{{- $r := .Values.redis -}}
{{- printf "%s://%s:%d/%d" (ternary "rediss" "redis" $r.tls) $r.host (int $r.port) (int $r.database) -}}
{{- end -}}

{{/* JDBC and reactive URLs. Call with (dict "root" $ "db" "guichet_token"). */}}
{{- define "guichet.pgQuery" -}}
{{- with .root.Values.postgresql.parameters -}}?{{ . }}{{- end -}}
{{- end -}}

{{- define "guichet.jdbcUrl" -}}
{{- $pg := .root.Values.postgresql -}}
{{- printf "jdbc:postgresql://%s:%d/%s%s" $pg.host (int $pg.port) .db (include "guichet.pgQuery" .) -}}
{{- end -}}

{{- define "guichet.reactiveUrl" -}}
{{- $pg := .root.Values.postgresql -}}
{{- printf "postgresql://%s:%d/%s%s" $pg.host (int $pg.port) .db (include "guichet.pgQuery" .) -}}
{{- end -}}

{{/* A podSelector peer for one component of this release. */}}
{{- define "guichet.peer" -}}
- podSelector:
    matchLabels:
      {{- include "guichet.selectorLabels" . | nindent 6 }}
{{- end -}}
