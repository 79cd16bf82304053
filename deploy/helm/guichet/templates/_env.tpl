{{/* Environment variables read from existing Secrets, per component. */}}
{{- define "guichet.secretEnv" -}}
{{- $c := .c -}}
{{- $v := .root.Values -}}
{{- $svc := include "guichet.values" . | fromJson -}}
{{- $entry := include "guichet.entry" . | fromJson -}}
{{- if and $entry.redis $v.redis.existingSecret }}
- name: QUARKUS_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.redis.existingSecret }}
      key: {{ $v.redis.passwordKey }}
{{- end }}
{{- if $entry.database }}
{{- $db := index $v.postgresql $entry.database }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.passwordKey }}
{{- end }}
{{- if or (eq $entry.kind "provider") (has $c (list "gateway" "token")) }}
{{- /* Service-to-service credentials (docs/internal-contracts.md): HS256 key shared by the callers and the called. */}}
- name: GUICHET_SERVICE_AUTH_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.serviceAuth.existingSecret }}
      key: {{ $v.secrets.serviceAuth.key }}
{{- end }}
{{- if eq $c "gateway" }}
- name: GUICHET_GATEWAY_TRACE_SERVICE_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.traceIngestion.existingSecret }}
      key: gateway
- name: GUICHET_GATEWAY_TRACE_SALT
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.gatewayTraceSalt.existingSecret }}
      key: {{ $v.secrets.gatewayTraceSalt.key }}
{{- else if eq $c "token" }}
- name: GUICHET_TOKEN_ADMIN_BOOTSTRAP_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.tokenAdmin.existingSecret }}
      key: {{ $v.secrets.tokenAdmin.key }}
- name: GUICHET_TOKEN_TRACE_SERVICE_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.traceIngestion.existingSecret }}
      key: token-service
- name: GUICHET_TOKEN_KEYS_MASTER_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.tokenKeys.existingSecret }}
      key: {{ $v.secrets.tokenKeys.key }}
{{- else if eq $c "portal" }}
- name: GUICHET_PORTAL_SESSION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.portalSession.existingSecret }}
      key: {{ $v.secrets.portalSession.key }}
{{- else if eq $c "trace" }}
{{- /* trace-service reads these two in its %prod profile (guichet.trace.ingestion.clients.*). */}}
- name: GUICHET_TRACE_INGESTION_CLIENTS_GATEWAY
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.traceIngestion.existingSecret }}
      key: gateway
- name: GUICHET_TRACE_INGESTION_CLIENTS_TOKEN_SERVICE
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.traceIngestion.existingSecret }}
      key: token-service
{{- /* The gateway's salt: an auditor's identity search hashes with it (guichet.trace.salt). */}}
- name: GUICHET_TRACE_SALT
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.gatewayTraceSalt.existingSecret }}
      key: {{ $v.secrets.gatewayTraceSalt.key }}
{{- end }}
{{- range $svc.secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .key }}
{{- end }}
{{- end -}}
