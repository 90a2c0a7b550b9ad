using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary>Requires the pairing token (<see cref="PairingGuard"/>) on an endpoint: 401 ProblemDetails without it.</summary>
internal static class PairingFilter
{
    public const string ProblemTitle = "Pairing token required";

    public static RouteHandlerBuilder RequirePairingToken(this RouteHandlerBuilder builder) =>
        builder
            .AddEndpointFilter(static async (context, next) =>
            {
                HttpContext http = context.HttpContext;
                if (Allows(http))
                {
                    return await next(context);
                }

                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: ProblemTitle,
                    detail: $"This studio is reachable beyond its own machine, so changes need its pairing token: send it in the {PairingGuard.HeaderName} header " +
                        $"or the '{PairingGuard.QueryName}' query parameter. The studio printed it at start (and the /pair link it printed carries it).");
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>True when the request may proceed; counts and logs a refusal.</summary>
    public static bool Allows(HttpContext http)
    {
        IServiceProvider services = http.RequestServices;
        if (services.GetRequiredService<PairingGuard>().Allows(http))
        {
            return true;
        }

        services.GetRequiredService<WebCounters>().TokenRefused();
        WebLog.TokenRejected(
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PairingFilter).FullName!),
            http.Request.Method,
            http.Request.Path,
            http.Connection.RemoteIpAddress);
        return false;
    }
}
