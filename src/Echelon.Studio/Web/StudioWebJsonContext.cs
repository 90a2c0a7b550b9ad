using System.Text.Json;
using System.Text.Json.Serialization;
using Echelon.Studio.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Echelon.Studio.Web;

/// <summary>Source-generated JSON for every REST body (camelCase, web defaults): no reflection on the request path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ControlsView))]
[JsonSerializable(typeof(ControlsPatch))]
[JsonSerializable(typeof(IReadOnlyList<DeviceStatus>))]
[JsonSerializable(typeof(RecorderStatus))]
[JsonSerializable(typeof(IReadOnlyList<SessionSummary>))]
[JsonSerializable(typeof(IReadOnlyList<MappingSummary>))]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(AudioView))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class StudioWebJsonContext : JsonSerializerContext;
