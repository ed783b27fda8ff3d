// Diagnostic settings: the Service Bus namespace, the Key Vault and the Function App send their resource logs and
// platform metrics to the Log Analytics workspace, so a dead letter, a denied secret read or a failing function can
// be investigated after the fact (and queried by alert rules), not only while it happens.
@description('Name of the Service Bus namespace.')
param serviceBusName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Name of the Function App.')
param functionAppName string

@description('Resource id of the Log Analytics workspace receiving the logs.')
param workspaceId string

resource serviceBus 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusName
}

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

var everything = {
  workspaceId: workspaceId
  logs: [
    {
      categoryGroup: 'allLogs'
      enabled: true
    }
  ]
  metrics: [
    {
      category: 'AllMetrics'
      enabled: true
    }
  ]
}

// 2021-05-01-preview is the newest diagnosticSettings version Azure publishes (the linter's only alternative is 2016).
#disable-next-line use-recent-api-versions
resource serviceBusDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: serviceBus
  properties: everything
}

#disable-next-line use-recent-api-versions
resource keyVaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: keyVault
  properties: everything
}

#disable-next-line use-recent-api-versions
resource functionAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: functionApp
  properties: everything
}
