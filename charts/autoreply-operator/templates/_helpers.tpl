{{- define "autoreply-operator.name" -}}
autoreply-operator
{{- end -}}

{{- define "autoreply-operator.labels" -}}
app.kubernetes.io/name: autoreply-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: autoreply
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "autoreply-operator.selectorLabels" -}}
app.kubernetes.io/name: autoreply-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
