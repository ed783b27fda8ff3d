using Alerts.Testing.Azurite;

namespace Alerts.Infrastructure.Tests;

/// <summary>One Azurite process for every Table/Blob test class of this assembly.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
