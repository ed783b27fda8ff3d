// Azure Monitor alerts for the two things Ops must hear about without looking at the dashboard:
// a dead-lettered change event (a delivery that will not happen without a replay), and a source that has been
// unhealthy for more than two hours (blocked, layout changed or down: research/sources.md).
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
    description: 'A change event was dead-lettered on topic "changes": inspect and replay with `alerts dlq` (docs/operations.md).'
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

// alerts.source.unhealthy_minutes is an observable gauge of our Meter (src/Alerts.Core/Ops/Telemetry.cs); the
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

output deadLetterAlertId string = deadLetters.id
output sourceUnhealthyAlertId string = sourceUnhealthy.id
