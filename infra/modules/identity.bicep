// The one user-assigned identity of the Function App: storage, Service Bus, Key Vault references and
// Entra-authenticated telemetry all use it, so a redeploy of the app never changes who it is.
@description('Identity name.')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
