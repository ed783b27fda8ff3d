using './main.bicep'

// Development: SendGrid sandbox mode (set in main.bicep for non-prod), purge protection off, few instances.
// Secrets are not passed here: set them with az keyvault secret set (docs/operations.md "Rotate keys").
param environmentName = 'dev'
param emailFromAddress = 'alerts-dev@example.com'
param maximumInstanceCount = 10
param alertEmails = []
param additionalAppSettings = {
  // Extra app settings for dev; later keys win over main.bicep.
}
