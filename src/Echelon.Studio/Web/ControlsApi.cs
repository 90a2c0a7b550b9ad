using System.Text.Json;
using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Echelon.Studio.Web;

/// <summary><c>/api/v1/controls</c>: read the controls, change any of them. Bad input is a 400 that names each field and its range, and changes nothing.</summary>
public static class ControlsApi
{
    /// <summary>Maps <c>GET</c> and <c>PUT /api/v1/controls</c>.</summary>
    public static IEndpointRouteBuilder MapControlsApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/v1/controls").WithTags("Controls");
        group.MapGet(string.Empty, GetControls)
            .WithName("GetControls")
            .WithSummary("The controls in force: key, mode, tempo, intensity and each agent's mute and level.");
        group.MapPut(string.Empty, PutControls)
            .WithName("PutControls")
            .WithSummary("Changes the controls a JSON object names (key, mode, bpm 40–200, intensity 0–1, agents{name:{mute, level 0–2}}); the rest stay. Any bad field: 400 naming it and its range, nothing changes.")
            .Accepts<ControlsPatch>("application/json")
            .RequirePairingToken();
        return endpoints;
    }

    private static Ok<ControlsView> GetControls(IStudioRuntime runtime) => TypedResults.Ok(ControlsView.From(runtime.Controls));

    private static async Task<Results<Ok<ControlsView>, ValidationProblem>> PutControls(
        HttpRequest request,
        IStudioRuntime runtime,
        ControlsEditor editor,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ILogger logger = loggers.CreateLogger(typeof(ControlsApi).FullName!);
        var errors = new ValidationErrors();
        ControlsPatch? patch = null;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            patch = ControlsPatchReader.Read(body.RootElement, errors);
        }
        catch (JsonException e)
        {
            errors.Add(ControlsPatchReader.BodyField, $"the body is not valid JSON ({e.Message}); send an object with any of {string.Join(", ", ControlsPatch.FieldNames)}.");
        }

        patch?.AddErrorsTo(errors);
        if (patch is null || errors.Count > 0)
        {
            WebLog.ControlsRejected(logger, errors.Fields);
            return TypedResults.ValidationProblem(
                errors.ToDictionary(),
                detail: "Nothing was changed. Each field below says what it allows.",
                title: "Invalid controls");
        }

        StudioControls next = editor.Apply(runtime, patch);
        IEnumerable<string> changed = patch.NamedFields(); // lazy: enumerated only when the message is logged
        WebLog.ControlsChanged(logger, changed);
        return TypedResults.Ok(ControlsView.From(next));
    }
}
