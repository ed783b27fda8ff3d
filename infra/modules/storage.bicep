// Storage for the Functions host (timer leases, AzureWebJobsStorage), the deployment package, the app's tables and
// long notice texts. Shared keys are off: everything authenticates with the app's managed identity.
@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Blob containers the app uses (long notice texts, snapshots).')
param containerNames array

@description('Tables created up front; the app creates any further table it needs on first use.')
param tableNames array

@description('Principal (the app identity) granted data access.')
param principalId string

var roles = {
  // Blob Data Owner: the Functions host manages its own containers (azure-webjobs-hosts for timer leases,
  // azure-webjobs-secrets) and the Flex plan reads the package, so the host needs it on the account.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }

  resource blobs 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource deployment 'containers' = {
      name: deploymentContainerName
    }

    resource appContainers 'containers' = [
      for container in containerNames: {
        name: container
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource appTables 'tables' = [
      for table in tableNames: {
        name: table
      }
    ]
  }
}

// Table access is granted on the table service, not the whole account (no queue or file access).
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::tableService.id, principalId, roles.storageTableDataContributor)
  scope: account::tableService
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobs.id, principalId, roles.storageBlobDataOwner)
  scope: account::blobs
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
