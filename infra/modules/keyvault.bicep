// Key Vault (RBAC, no access policies) for the SendGrid key, the admin API key and each company's Teams webhook URLs,
// whose sig= query parameter is a bearer secret (research/azure-notes.md §5). Secret values are set out of band
// (docs/operations.md "Rotate keys") unless passed as secure parameters, so they never appear in a parameter file.
@description('Vault name (3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Purge protection cannot be turned off again: on in prod, off in dev so a dev vault can be recreated.')
param enablePurgeProtection bool

@description('Name of the secret holding the SendGrid API key.')
param sendGridSecretName string

@description('Name of the secret holding the admin API key.')
param adminKeySecretName string

@description('Name of the secret holding the action-link signing key.')
param linkSigningKeySecretName string

@description('SendGrid API key; empty keeps the secret as it is (set it with az keyvault secret set).')
@secure()
param sendGridApiKey string = ''

@description('Admin API key; empty keeps the secret as it is (set it with az keyvault secret set).')
@secure()
param adminKey string = ''

@description('Action-link signing key (base64, 32+ bytes); empty keeps the secret as it is (set it with az keyvault secret set).')
@secure()
param linkSigningKey string = ''

@description('Principal (the app identity) allowed to read secrets and to manage the Teams webhook secrets it writes.')
param principalId string

var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(adminKey)) {
  parent: vault
  name: adminKeySecretName
  properties: {
    value: adminKey
    contentType: 'text/plain'
  }
}

resource linkSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(linkSigningKey)) {
  parent: vault
  name: linkSigningKeySecretName
  properties: {
    value: linkSigningKey
    contentType: 'text/plain'
  }
}

// On the vault rather than per secret: the app writes (and soft-deletes) one secret per company webhook at run time
// (Infrastructure/KeyVault/WebhookSecretVault.cs), and secrets created at run time cannot be granted one by one.
// Secrets Officer lets the identity also rewrite the SendGrid and admin keys, which it can already read: it gains no
// secret it did not hold. A second vault for webhooks alone would narrow that; one vault keeps rotation in one place.
resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
