namespace Echelon.Studio.Configuration;

/// <summary>The <c>osc</c> section: where Echelon sends OSC (each destination optional, none by default).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record OscOutputSettings
{
    /// <summary><c>mirror</c>: receives <c>/echelon/latent</c>, <c>/echelon/phase</c>, <c>/echelon/beat</c>, … and every <c>osc:</c> mapping target; null for none.</summary>
    public NetworkEndpoint? Mirror { get; init; }

    /// <summary><c>wekinator</c>: receives the latent as Wekinator's <c>/wek/outputs</c> (Wekinator listens on 12000); null for none.</summary>
    public NetworkEndpoint? Wekinator { get; init; }

    /// <summary><c>supercollider</c>: the scsynth server to play on (scsynth listens on 57110); null for none.</summary>
    public NetworkEndpoint? SuperCollider { get; init; }

    /// <summary><c>latency_ms</c>: how far ahead bundles to SuperCollider are time-stamped, 0–1000 ms.</summary>
    public double LatencyMs { get; init; } = 50.0;
}
