namespace Echelon.Studio.Web;

/// <summary>What <c>/healthz</c> answers.</summary>
/// <param name="Status"><c>ok</c> when the engine is producing telemetry; <c>starting</c> before its first frame (HTTP 503).</param>
/// <param name="Frame">The engine's newest control frame; null before the first.</param>
/// <param name="UptimeSeconds">Seconds since the web host started.</param>
/// <param name="AudioListeners">Listeners on <c>/ws/audio</c> now.</param>
public sealed record HealthView(string Status, long? Frame, double UptimeSeconds, int AudioListeners);
