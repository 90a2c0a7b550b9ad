namespace Echelon.Protocols.Osc;

/// <summary>
/// What to do with a nested bundle whose time tag is earlier than its enclosing bundle's. OSC 1.0 says
/// it "must be greater than or equal"; osc.js's own nested-bundle test vector breaks that, and liblo accepts it.
/// </summary>
public enum OscNestedTimeTagPolicy
{
    /// <summary>Accept it; each message keeps its own bundle's time tag.</summary>
    Accept,

    /// <summary>Reject the packet with <see cref="OscFormatError.TimeTagOrder"/>.</summary>
    Reject,
}
