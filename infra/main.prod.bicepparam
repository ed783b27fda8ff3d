using './main.bicep'

// Production. Secrets are not passed here: set them with az keyvault secret set (docs/operations.md "Rotate keys").
// Egress proxies and user agents per source go into additionalAppSettings, e.g.
//   'Sources__jp_meti_press__ProxyUrl': 'http://proxy.example.internal:3128'
param environmentName = 'prod'
param emailFromAddress = 'alerts@example.com'
param maximumInstanceCount = 40
param alertEmails = [
  'ops@example.com'
]
param tags = {
  costCenter: 'compliance'
}
param additionalAppSettings = {}
