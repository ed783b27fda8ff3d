// Key Vault (RBAC, no access policies) for the SendGrid key, the admin API key and (later) Teams webhook URLs,
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

@description('SendGrid API key; empty keeps the secret as it is (set it with az keyvault secret set).')
@secure()
param sendGridApiKey string = ''

@description('Admin API key; empty keeps the secret as it is (set it with az keyvault secret set).')
@secure()
param adminKey string = ''

@description('Principal (the app identity) allowed to read secrets.')
param principalId string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

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

// On the vault rather than per secret: secrets may not exist yet at deploy time (set out of band), and per-company
// Teams webhook secrets are added at run time; the identity can read secrets, not manage them.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
