{{/* The six services, in start order. Each is a top-level key of values.yaml. */}}
{{- define "guichet.components" -}}
gateway token trace insee dgfip acoss
{{- end -}}

{{- define "guichet.providers" -}}
insee dgfip acoss
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
{{- $svc := index .root.Values .c -}}
{{- $f := default .root.Values.image.flavour $svc.image.flavour -}}
{{- if not (has $f (list "jvm" "native")) -}}
{{- fail (printf "%s.image.flavour must be jvm or native, not %q" .c $f) -}}
{{- end -}}
{{- $f -}}
{{- end -}}

{{- define "guichet.image" -}}
{{- $svc := index .root.Values .c -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{- if eq (include "guichet.flavour" .) "native" -}}
{{- printf "%s/%s:%s-native" .root.Values.image.registry $svc.module $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" .root.Values.image.registry $svc.module $tag -}}
{{- end -}}
{{- end -}}

{{- define "guichet.url" -}}
{{- $svc := index .root.Values .c -}}
{{- printf "http://%s:%d" (include "guichet.name" .) (int $svc.port) -}}
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
