// DELIBERATELY BAD. Never deployed. Each block below breaks one error-level rule of ../bicepconfig.json; bicep
// silently ignores misspelt rule names, so BicepTests asserts that lint reports every one of them by name.
// (This folder has no bicepconfig.json of its own: bicep uses the nearest one up the tree, infra/bicepconfig.json.)

// no-unused-params
param unusedParam string

// no-unused-vars
var unusedVar = 'never read'

// secure-secrets-in-params: a password without @secure()
param adminPassword string

// secure-parameter-default: a secure parameter with a literal default
@secure()
param apiToken string = 'not-a-real-token'

// no-hardcoded-env-urls
var armEndpoint = 'https://management.azure.com/'

resource vm 'Microsoft.Compute/virtualMachines@2025-04-01' = {
  name: 'canary-vm'
  // no-hardcoded-location
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'canary'
      // adminusername-should-not-be-literal
      adminUsername: 'azureuser'
      // use-secure-value-for-secure-inputs
      adminPassword: adminPassword
    }
  }

  resource script 'extensions' = {
    name: 'script'
    location: resourceGroup().location
    properties: {
      publisher: 'Microsoft.Azure.Extensions'
      type: 'CustomScript'
      typeHandlerVersion: '2.1'
      settings: {
        // protect-commandtoexecute-secrets
        commandToExecute: 'curl -H "Authorization: ${apiToken}" ${armEndpoint}'
      }
    }
  }
}

// outputs-should-not-contain-secrets
output adminPasswordOut string = adminPassword
