{{/* Environment variables read from existing Secrets, per component. */}}
{{- define "guichet.secretEnv" -}}
{{- $c := .c -}}
{{- $v := .root.Values -}}
{{- $svc := index $v $c -}}
{{- if and (has $c (list "gateway" "token" "insee" "dgfip" "acoss")) $v.redis.existingSecret }}
- name: QUARKUS_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.redis.existingSecret }}
      key: {{ $v.redis.passwordKey }}
{{- end }}
{{- if has $c (list "gateway" "insee" "dgfip" "acoss") }}
- name: GUICHET_SERVICE_AUTH_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $v.secrets.serviceAuth.existingSecret }}
      key: {{ $v.secrets.serviceAuth.key }}
{{- end }}
{{- if has $c (list "token" "trace") }}
{{- $db := index $v.postgresql $c }}
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
{{- end }}
{{- range $svc.secretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .key }}
{{- end }}
{{- end -}}
