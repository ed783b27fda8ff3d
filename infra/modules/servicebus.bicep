// Service Bus Standard (Basic has no topics or duplicate detection): topic `changes` with one subscription per
// consumer, each settling and dead-lettering on its own (research/azure-notes.md §4.1).
@description('Namespace name.')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Topic the pollers publish change events to.')
param topicName string = 'changes'

@description('One subscription per consumer (alert store, e-mail, Teams).')
param subscriptionNames array = [
  'alerts'
  'email'
  'teams'
]

@description('Principal (the app identity) granted send on the topic and receive on the subscriptions.')
param principalId string

var roles = {
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
}

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  resource topic 'topics' = {
    name: topicName
    properties: {
      // MessageId = content hash: a re-send after a crash between "publish" and "save" is dropped (design.md §3).
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'P1D'
      defaultMessageTimeToLive: 'P14D'
      enableBatchedOperations: true
      maxSizeInMegabytes: 1024
    }

    resource subscriptions 'subscriptions' = [
      for subscription in subscriptionNames: {
        name: subscription
        properties: {
          // An unsettled message returns after the lock; 10 x 5 min is roughly 50 min of retries before the DLQ.
          lockDuration: 'PT5M'
          maxDeliveryCount: 10
          deadLetteringOnMessageExpiration: true
          defaultMessageTimeToLive: 'P7D'
          enableBatchedOperations: true
        }
      }
    ]
  }
}

resource topicSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::topic.id, principalId, roles.serviceBusDataSender)
  scope: namespace::topic
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
  }
}

resource subscriptionReceivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (subscription, i) in subscriptionNames: {
    name: guid(namespace::topic::subscriptions[i].id, principalId, roles.serviceBusDataReceiver)
    scope: namespace::topic::subscriptions[i]
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    }
  }
]

output id string = namespace.id
output name string = namespace.name
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ (or the sovereign cloud's suffix): keep the host only.
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
output topicName string = namespace::topic.name
