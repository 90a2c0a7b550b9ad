using System.Text.Json.Serialization;
using Echelon.Studio.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Echelon.Studio.Web;

/// <summary>Registers what the <c>Map…Api</c> endpoints need: the runtime, the audio broadcast, options, JSON, ProblemDetails, OpenAPI and metrics.</summary>
public static class StudioWebServices
{
    /// <summary>Adds the web host's services for <paramref name="runtime"/> and <paramref name="audio"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IServiceCollection AddStudioWeb(this IServiceCollection services, IStudioRuntime runtime, AudioBroadcast audio, StudioWebHostOptions options, string? pairingToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.AddSingleton(runtime);
        services.AddSingleton(audio);
        services.AddSingleton(options);
        services.AddSingleton(new PairingGuard(pairingToken));
        services.AddSingleton<WebCounters>();
        services.AddSingleton<ControlsEditor>();
        services.AddSingleton<StudioMetrics>();
        services.AddSingleton<StudioPages>();

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, StudioWebJsonContext.Default);

            // Numbers are numbers: the web defaults would also read "120" as 120 (and the OpenAPI schema would say so).
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Echelon studio",
                Version = "v1",
                Description = "Controls, devices, recorder, sessions and mappings of a running Echelon studio. " +
                    "WebSockets: /ws/audio (PCM), /ws/telemetry (JSON, 30–60 Hz), /ws/sensors (phone motion). " +
                    "Prometheus text at /metrics; health at /healthz. Changes need the pairing token when the studio is exposed beyond loopback.",
            };
            return Task.CompletedTask;
        }));
        return services;
    }
}
