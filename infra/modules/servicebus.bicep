// Service Bus Standard (Basic has no topics or duplicate detection), two topics (docs/architecture.md, "Match once"):
// `changes` with one subscription, `alerts`, which matches each change once and stores its alerts; and `alerts-raised`
// with one subscription per delivery channel, which delivers the stored alerts. Each subscription settles and
// dead-letters on its own (research/azure-notes.md §4.1); subscription names are unique across both topics.
@description('Namespace name.')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object = {}

@description('Topic the pollers publish change events to.')
param topicName string = 'changes'

@description('The subscriptions of the changes topic: the alert store (the only consumer that matches).')
param subscriptionNames array = [
  'alerts'
]

@description('Topic the alerts drain publishes the ids of the alerts it stored to.')
param alertsRaisedTopicName string = 'alerts-raised'

@description('The subscriptions of the alerts-raised topic: one per delivery channel.')
param channelSubscriptionNames array = [
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
      // MessageId = content hash: a re-send after a crash between "publish" and "save" (or "store" and "complete" for
      // alerts-raised) is dropped (design.md §3).
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

  resource alertsRaised 'topics' = {
    name: alertsRaisedTopicName
    properties: {
      // MessageId = content hash: a re-send after a crash between "publish" and "save" (or "store" and "complete" for
      // alerts-raised) is dropped (design.md §3).
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'P1D'
      defaultMessageTimeToLive: 'P14D'
      enableBatchedOperations: true
      maxSizeInMegabytes: 1024
    }

    resource subscriptions 'subscriptions' = [
      for subscription in channelSubscriptionNames: {
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

// The alerts drain sends to alerts-raised; a replayed dead letter goes back to the topic it came from.
resource alertsRaisedSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::alertsRaised.id, principalId, roles.serviceBusDataSender)
  scope: namespace::alertsRaised
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

resource channelReceivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (subscription, i) in channelSubscriptionNames: {
    name: guid(namespace::alertsRaised::subscriptions[i].id, principalId, roles.serviceBusDataReceiver)
    scope: namespace::alertsRaised::subscriptions[i]
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
output alertsRaisedTopicName string = namespace::alertsRaised.name
