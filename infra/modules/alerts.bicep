// Azure Monitor alerts for what Ops must hear about without looking at the dashboard: a dead-lettered change event
// (a delivery that will not happen without a replay), a source unhealthy for more than two hours (blocked, layout
// changed or down: research/sources.md), failed deliveries (a rejected SendGrid key or sender, a revoked Teams
// workflow), and a stale source (no poll at all: the poller itself stopped).
@description('Name prefix of the alert rules.')
param namePrefix string

@description('Azure region (scheduled query rules are regional; metric alerts are global).')
param location string

@description('Resource tags.')
param tags object = {}

@description('Resource id of the Service Bus namespace.')
param serviceBusNamespaceId string

@description('Resource id of the Application Insights component receiving the Alerts meter.')
param appInsightsId string

@description('E-mail addresses notified by the alerts; empty creates the rules without notifications.')
param alertEmails array = []

@description('Minutes a source may stay unhealthy before the alert fires.')
param unhealthyThresholdMinutes int = 120

@description('Minutes without any poll before the stale alert fires (every source polls at least hourly).')
param staleThresholdMinutes int = 180

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmails)) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'alerts-ops'
    enabled: true
    emailReceivers: [
      for (email, i) in alertEmails: {
        name: 'ops-${i}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmails) ? [] : [
  {
    actionGroupId: actionGroup.id
  }
]

resource deadLetters 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: '${namePrefix}-dead-letters'
  location: 'global'
  tags: tags
  properties: {
    description: 'A message was dead-lettered on topic "changes" or "alerts-raised": inspect and replay with `alerts dlq` (docs/operations.md).'
    severity: 2
    enabled: true
    scopes: [
      serviceBusNamespaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'DeadLetteredMessages'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          // Split per entity so the alert says which topic fired.
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

// alerts.source.unhealthy_minutes is an observable gauge of our Meter (src/Alerts.Core/Common/Telemetry.cs); the
// Azure Monitor exporter writes it to customMetrics with the source id in customDimensions.
resource sourceUnhealthy 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-source-unhealthy'
  location: location
  tags: tags
  properties: {
    displayName: '${namePrefix}: source unhealthy for more than ${unhealthyThresholdMinutes} minutes'
    description: 'A source has not had a healthy poll for more than ${unhealthyThresholdMinutes} minutes: see the blocked-source playbook in docs/operations.md.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "alerts.source.unhealthy_minutes" | extend source = tostring(customDimensions["source"]) | summarize unhealthyMinutes = max(valueMax) by source | where unhealthyMinutes > ${unhealthyThresholdMinutes}'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'source'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [for action in actions: action.actionGroupId]
    }
  }
}

// alerts.deliveries is a counter of our Meter with channel and outcome dimensions (src/Alerts.Core/Common/Telemetry.cs).
resource deliveriesFailed 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-deliveries-failed'
  location: location
  tags: tags
  properties: {
    displayName: '${namePrefix}: deliveries failed'
    description: 'E-mails or Teams cards failed for good in the last 30 minutes (a rejected SendGrid key or sender, a revoked Teams workflow): see "A delivery channel is unhealthy" in docs/operations.md.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "alerts.deliveries" | extend channel = tostring(customDimensions["channel"]), outcome = tostring(customDimensions["outcome"]) | where outcome == "failed" | summarize failed = sum(valueSum) by channel | where failed > 0'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'channel'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [for action in actions: action.actionGroupId]
    }
  }
}

// alerts.polls counts every poll, healthy or not: none at all for a while means the timers stopped (a stopped app, a
// broken deployment), which the unhealthy-source alert cannot see.
resource sourceStale 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-source-stale'
  location: location
  tags: tags
  properties: {
    displayName: '${namePrefix}: no poll for ${staleThresholdMinutes} minutes'
    description: 'No source has been polled for ${staleThresholdMinutes} minutes: is the Function App running? See "When the app does not start" in docs/operations.md.'
    severity: 1
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT30M'
    windowSize: 'PT${staleThresholdMinutes}M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "alerts.polls" | summarize polls = sum(valueCount)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'polls'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [for action in actions: action.actionGroupId]
    }
  }
}

output deadLetterAlertId string = deadLetters.id
output deliveriesFailedAlertId string = deliveriesFailed.id
output sourceStaleAlertId string = sourceStale.id
output sourceUnhealthyAlertId string = sourceUnhealthy.id
