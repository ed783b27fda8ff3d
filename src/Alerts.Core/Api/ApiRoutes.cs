namespace Alerts.Core.Api;

/// <summary>Where a route lives: the JSON API (<c>/api/…</c> in both hosts) or a dashboard page.</summary>
public enum RouteArea
{
    /// <summary><c>/api/{template}</c> on <c>alerts run</c> and on the Function App (its default route prefix).</summary>
    Api,

    /// <summary><c>/{template}</c> on <c>alerts run</c>; <c>/api/ui/{template}</c> on the Function App (<see cref="ApiRoutes.FunctionsPagePrefix"/>).</summary>
    Page,
}

/// <summary>One HTTP route both hosts map: method, area and template.</summary>
public sealed record ApiRoute(string Method, RouteArea Area, string Template);

/// <summary>
/// The one route table. <c>alerts run</c> (src/Alerts.Cli/Hosting/ApiEndpoints.cs) and the Function App
/// (src/Alerts.Functions/Api, whose trigger attributes need constants, hence the <c>const</c> templates) map exactly
/// these routes; a parity test in each host's tests compares what it maps with <see cref="All"/>.
/// </summary>
public static class ApiRoutes
{
    /// <summary>Pages on the Function App sit under this prefix (its host routes everything under <c>/api</c>).</summary>
    public const string FunctionsPagePrefix = "ui/";

    public const string Health = "health";
    public const string Companies = "companies";
    public const string Company = "companies/{id}";
    public const string CompanyWatch = "companies/{id}/watch";
    public const string CompanyRecipients = "companies/{id}/recipients";
    public const string CompanyTeams = "companies/{id}/teams";
    public const string CompanyKeys = "companies/{id}/keys";
    public const string CompanyAlerts = "companies/{id}/alerts";
    public const string CompanyAssessments = "companies/{id}/assessments";
    public const string CompanyAssessment = "companies/{id}/assessments/{noticeKey}";
    public const string CompanyAudit = "companies/{id}/audit";
    public const string Alerts = "alerts";
    public const string Alert = "alerts/{id}";
    public const string Changes = "changes";
    public const string Change = "changes/{id}";
    public const string Measures = "measures";
    public const string Sources = "sources";
    public const string SourceConfirmShrink = "sources/{id}/confirm-shrink";
    public const string Status = "status";
    public const string Taxonomy = "taxonomy";
    public const string DeadLetters = "deadletters";
    public const string DeadLetter = "deadletters/{id}";
    public const string DeadLetterReplay = "deadletters/{id}/replay";
    public const string DeadLetterReplayAll = "deadletters/replay-all";

    public const string DashboardPage = "dashboard";
    public const string DashboardReplay = "dashboard/deadletters/{id}/replay";
    public const string ChangePage = "changes/{id}";
    public const string CompanyAlertsPage = "companies/{id}/alerts";
    public const string ActionLinkPage = "act/{token}";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", RouteArea.Api, Health),
        new("GET", RouteArea.Api, Companies),
        new("POST", RouteArea.Api, Companies),
        new("GET", RouteArea.Api, Company),
        new("PUT", RouteArea.Api, Company),
        new("DELETE", RouteArea.Api, Company),
        new("GET", RouteArea.Api, CompanyWatch),
        new("PUT", RouteArea.Api, CompanyWatch),
        new("GET", RouteArea.Api, CompanyRecipients),
        new("PUT", RouteArea.Api, CompanyRecipients),
        new("GET", RouteArea.Api, CompanyTeams),
        new("PUT", RouteArea.Api, CompanyTeams),
        new("POST", RouteArea.Api, CompanyKeys),
        new("GET", RouteArea.Api, CompanyAlerts),
        new("GET", RouteArea.Api, CompanyAssessments),
        new("GET", RouteArea.Api, CompanyAssessment),
        new("POST", RouteArea.Api, CompanyAssessment),
        new("GET", RouteArea.Api, CompanyAudit),
        new("GET", RouteArea.Api, Alerts),
        new("GET", RouteArea.Api, Alert),
        new("GET", RouteArea.Api, Changes),
        new("GET", RouteArea.Api, Change),
        new("GET", RouteArea.Api, Measures),
        new("GET", RouteArea.Api, Sources),
        new("POST", RouteArea.Api, SourceConfirmShrink),
        new("GET", RouteArea.Api, Status),
        new("GET", RouteArea.Api, Taxonomy),
        new("GET", RouteArea.Api, DeadLetters),
        new("GET", RouteArea.Api, DeadLetter),
        new("POST", RouteArea.Api, DeadLetterReplay),
        new("POST", RouteArea.Api, DeadLetterReplayAll),
        new("GET", RouteArea.Page, DashboardPage),
        new("POST", RouteArea.Page, DashboardReplay),
        new("GET", RouteArea.Page, ChangePage),
        new("GET", RouteArea.Page, CompanyAlertsPage),
        new("POST", RouteArea.Page, CompanyAlertsPage),
        new("GET", RouteArea.Page, ActionLinkPage),
        new("POST", RouteArea.Page, ActionLinkPage),
    ];

    /// <summary>The path a route has on <c>alerts run</c>.</summary>
    public static string EmbeddedPath(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Area == RouteArea.Api ? "/api/" + route.Template : "/" + route.Template;
    }

    /// <summary>The trigger route a function declares for it (the Functions host adds <c>/api</c> in front).</summary>
    public static string FunctionsRoute(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Area == RouteArea.Api ? route.Template : FunctionsPagePrefix + route.Template;
    }
}
