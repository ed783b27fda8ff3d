// Flex Consumption (FC1, Linux) Function App running the .NET 10 isolated worker with the user-assigned identity.
// Flex takes its runtime from functionAppConfig, so FUNCTIONS_WORKER_RUNTIME and WEBSITE_RUN_FROM_PACKAGE must not
// be app settings (research/azure-notes.md §2.6, §8.1).
@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Blob container URL the plan deploys the package from.')
param deploymentContainerUrl string

@description('App settings (names use __ for configuration sections); built in main.bicep.')
param appSettings object

@description('Upper bound of instances per function (Flex scales non-HTTP functions one by one).')
@minValue(1)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  // azd deploys the service "functions" of azure.yaml to the resource carrying this tag.
  tags: union(tags, {
    'azd-service-name': 'functions'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (the default would be a system-assigned one we do not have).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
