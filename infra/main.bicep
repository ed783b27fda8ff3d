// Alerts in Azure: one resource group per environment holding a Flex Consumption Function App (.NET 10 isolated)
// with a user-assigned identity, storage (identity-based AzureWebJobsStorage, tables, blobs), Service Bus topic
// `changes`, Key Vault, Log Analytics + Application Insights (with diagnostic settings of Service Bus, Key Vault and
// the app), role assignments and Azure Monitor alerts (dead letters, unhealthy or stale sources, failed deliveries).
// Deploy: azd up (azure.yaml, infra/main.parameters.json), or az deployment group create -g <rg> -f infra/main.bicep
// -p infra/main.<env>.bicepparam (docs/operations.md).
// Local modules only: registry modules (br:) cannot be restored on the offline build machine.
targetScope = 'resourceGroup'

@description('Environment name, part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Short workload name used in resource names.')
@maxLength(8)
param workload string = 'alerts'

@description('Tags on every resource.')
param tags object = {}

@description('E-mail addresses of Ops for the dead-letter and unhealthy-source alerts.')
param alertEmails array = []

@description('Key Vault purge protection (irreversible once on).')
param enableKeyVaultPurgeProtection bool = environmentName == 'prod'

@description('Flex Consumption: upper bound of instances per function.')
param maximumInstanceCount int = 40

@description('SendGrid API key; empty leaves the Key Vault secret untouched (set it out of band, docs/operations.md).')
@secure()
param sendGridApiKey string = ''

@description('Admin API key; empty leaves the Key Vault secret untouched (set it out of band, docs/operations.md).')
@secure()
param adminKey string = ''

@description('Key signing the action links of alert e-mails and Teams cards (base64 of 32+ random bytes, e.g. openssl rand -base64 32); empty keeps the secret as it is. Rotating it breaks links already sent unless the old key is kept in Assessments__PreviousLinkSigningKeys__0.')
@secure()
param linkSigningKey string = ''

@description('Poll schedule per source id (NCRONTAB with seconds, UTC). Each becomes the app setting Sources__<id with _ for ->__Schedule.')
param sourceSchedules object = {
  'cn-mofcom-announcements': '0 */15 * * * *'
  'cn-mofcom-bis': '0 */15 * * * *'
  'cn-mofcom-exportcontrol': '0 */15 * * * *'
  'cn-mofcom-spokesperson': '0 5 * * * *'
  'jp-meti-press': '0 */30 * * * *'
  'jp-meti-anpo': '0 10 * * * *'
  'jp-mofa-press-ja': '0 */30 * * * *'
  'jp-mofa-press-en': '0 20 * * * *'
  'jp-kantei-news': '0 */30 * * * *'
  // Best effort: a JavaScript cookie wall and geo-blocking (research/sources.md); polling it more often only adds 412s.
  'cn-gacc-announcements': '0 40 */2 * * *'
}

@description('Revalidation schedule per source id (NCRONTAB with seconds, UTC): how often the pages and annexes of live notices (published < 30 days ago, not yet in force, or in a window) are re-read with conditional requests, checked at the ticks of the poll timer. Each becomes the app setting Sources__<id with _ for ->__RevalidateSchedule.')
param sourceRevalidateSchedules object = {
  'cn-mofcom-announcements': '0 0 */6 * * *'
  'cn-mofcom-bis': '0 0 */6 * * *'
  'cn-mofcom-exportcontrol': '0 0 */6 * * *'
  'cn-mofcom-spokesperson': '0 0 */12 * * *'
  'jp-meti-press': '0 0 */6 * * *'
  'jp-meti-anpo': '0 0 */12 * * *'
  'jp-mofa-press-ja': '0 0 */12 * * *'
  'jp-mofa-press-en': '0 0 */12 * * *'
  'jp-kantei-news': '0 0 */12 * * *'
  'cn-gacc-announcements': '0 40 */12 * * *'
}

@description('Sender address of alert and digest e-mails (a domain authenticated in SendGrid).')
param emailFromAddress string

@description('Public origin of the dashboard, used in every "See what changed" link (Delivery__PublicBaseUrl). Empty: the app\'s default host name with the Functions route prefix /api/ui.')
param publicBaseUrl string = ''

@description('Extra or overriding app settings, e.g. Sources__<id>__ProxyUrl / __UserAgent, SendGrid__SandboxMode. Later keys win.')
param additionalAppSettings object = {}

var suffix = uniqueString(subscription().id, resourceGroup().id, workload, environmentName)
var baseName = '${workload}-${environmentName}'
var names = {
  identity: 'id-${baseName}'
  storage: take('st${workload}${environmentName}${suffix}', 24)
  serviceBus: 'sb-${baseName}-${suffix}'
  keyVault: take('kv-${workload}-${environmentName}-${suffix}', 24)
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  plan: 'asp-${baseName}'
  functionApp: 'func-${baseName}-${suffix}'
}
var allTags = union(tags, {
  workload: workload
  environment: environmentName
})
var secretNames = {
  sendGrid: 'sendgrid-api-key'
  adminKey: 'admin-api-key'
  linkSigningKey: 'action-link-signing-key'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    deploymentContainerName: 'app-package'
    // The long-text container of the snapshot store: Storage__TablePrefix + '-texts' (TableSnapshotStore), and the
    // page archive's: Storage__TablePrefix + '-pages' (BlobPageArchive: pages and annexes as fetched, for audit packs).
    containerNames: [
      'alerts-texts'
      'alerts-pages'
    ]
    // Others are created by the app on first use (Storage__TablePrefix + entity name).
    tableNames: [
      'alertsSnapshots'
      'alertsSourceHealth'
      'alertsCompanies'
      'alertsAlerts'
      'alertsDeliveries'
    ]
    principalId: identity.outputs.principalId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    name: names.serviceBus
    location: location
    tags: allTags
    principalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    enablePurgeProtection: enableKeyVaultPurgeProtection
    sendGridSecretName: secretNames.sendGrid
    adminKeySecretName: secretNames.adminKey
    sendGridApiKey: sendGridApiKey
    adminKey: adminKey
    linkSigningKeySecretName: secretNames.linkSigningKey
    linkSigningKey: linkSigningKey
    principalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: allTags
    principalId: identity.outputs.principalId
  }
}

// Every app setting the code reads. tests/Alerts.Functions.Tests/Infra/AppSettingsCoverageTests checks that each
// %Name% of a trigger and each options section bound at start-up appears here; SettingsContractTests checks that each
// key binds to an options property (no misspelt or dead keys), the required ones are written and the values validate.
var coreAppSettings = {
  // Identity-based host storage: no connection string, no shared key (research/azure-notes.md §8.1).
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  // DefaultAzureCredential picks the user-assigned identity from this.
  AZURE_CLIENT_ID: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  // .NET 10 isolated SIGSEGV at start-up on Flex (Azure/azure-functions-dotnet-worker#3335): documented workaround.
  WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '0'
  Hosting__Mode: 'Azure'
  Storage__TableServiceUri: storage.outputs.tableEndpoint
  Storage__BlobServiceUri: storage.outputs.blobEndpoint
  Storage__TablePrefix: 'alerts'
  ServiceBus__FullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  ServiceBus__TopicName: serviceBus.outputs.topicName
  ServiceBus__AlertsRaisedTopicName: serviceBus.outputs.alertsRaisedTopicName
  SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${secretNames.sendGrid})'
  SendGrid__FromEmail: emailFromAddress
  SendGrid__SandboxMode: environmentName == 'prod' ? 'false' : 'true'
  // Webhooks, not the outbox folder (Auto means the same in Azure; written so the intent is in the deployment).
  Teams__Mode: 'Webhook'
  // Each company's webhook URLs (bearer secrets) are kept in this vault; the company rows hold references.
  KeyVault__VaultUri: keyVault.outputs.uri
  Api__AdminKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${secretNames.adminKey})'
  // Signs the "Assign to me" / "Not applicable" / "Action needed" links (Core/Assessments/ActionLinks.cs).
  Assessments__LinkSigningKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${secretNames.linkSigningKey})'
  // NCRONTAB with seconds, UTC (research/azure-notes.md §3).
  Delivery__Schedule: '0 */1 * * * *'
  // Links in e-mails and cards: {PublicBaseUrl}/changes/{id}; the dashboard routes sit under /api/ui.
  Delivery__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${names.functionApp}.azurewebsites.net/api/ui' : publicBaseUrl
  // Hourly: the digest service sends each recipient at its own local hour (and on Mondays for weekly ones), so a
  // weekly timer would wake it in one hour of the week only and miss every recipient whose hour that is not.
  Digest__Schedule: '0 5 * * * *'
  // Hourly: a reminder is due on its recipient's local day, and the ledger sends each once however often this runs.
  Reminders__Schedule: '0 15 * * * *'
  // Assessments (issue 19): days to the default due date when a notice sets no future effective date.
  Assessments__DefaultDueDays: '14'
  // Hourly: escalation rules are 24 h and days apart, and the ledger sends each step once however often this runs.
  Assessments__EscalationSchedule: '0 45 * * * *'
  // Audit packs (issue 19): stored page bytes are kept this many days after a change last named them (7 years), and
  // the timer PrunePageArchive removes older ones daily at a quiet hour (NCRONTAB with seconds, UTC).
  Audit__RetentionDays: '2557'
  Audit__PruneSchedule: '0 30 3 * * *'
}

// App Service drops '-' from app setting names: source ids are spelled with '_' (the app binds both spellings).
var sourceAppSettings = toObject(items(sourceSchedules), s => 'Sources__${replace(s.key, '-', '_')}__Schedule', s => s.value)

var sourceRevalidateAppSettings = toObject(items(sourceRevalidateSchedules), s => 'Sources__${replace(s.key, '-', '_')}__RevalidateSchedule', s => s.value)

var appSettings = union(coreAppSettings, sourceAppSettings, sourceRevalidateAppSettings, additionalAppSettings)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appSettings: appSettings
    maximumInstanceCount: maximumInstanceCount
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: baseName
    location: location
    tags: allTags
    serviceBusNamespaceId: serviceBus.outputs.id
    appInsightsId: monitoring.outputs.appInsightsId
    alertEmails: alertEmails
  }
}

module diagnostics 'modules/diagnostics.bicep' = {
  name: 'diagnostics'
  params: {
    serviceBusName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    functionAppName: functionApp.outputs.name
    workspaceId: monitoring.outputs.workspaceId
  }
}

// Names and endpoints only: no key, connection string or secret value leaves the deployment.
output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output storageAccountName string = storage.outputs.name
output deploymentContainerUrl string = storage.outputs.deploymentContainerUrl
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output keyVaultName string = keyVault.outputs.name
output appInsightsName string = monitoring.outputs.appInsightsName
