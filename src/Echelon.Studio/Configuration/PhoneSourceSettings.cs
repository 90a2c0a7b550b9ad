namespace Echelon.Studio.Configuration;

/// <summary>
/// <c>kind: phone</c>: phones that open the studio's <c>/pair</c> page and stream their motion sensors over the
/// <c>/ws/sensors</c> WebSocket. A phone reaches the studio over the network, so this source is only useful with
/// <c>server.expose: true</c>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PhoneSourceSettings : SensorSourceSettings
{
    /// <inheritdoc/>
    public override SensorSourceKind Kind => SensorSourceKind.Phone;

    /// <summary><c>max_phones</c>: how many phones may stream at once, 1–16; a further phone is refused with a message.</summary>
    public int MaxPhones { get; init; } = 4;
}
