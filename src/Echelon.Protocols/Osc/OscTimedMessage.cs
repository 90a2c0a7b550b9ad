namespace Echelon.Protocols.Osc;

/// <summary>A message and the time tag of the innermost bundle holding it (<see cref="OscTimeTag.Immediate"/> for a bare message).</summary>
/// <param name="Message">The message.</param>
/// <param name="TimeTag">When it is due.</param>
public readonly record struct OscTimedMessage(OscMessage Message, OscTimeTag TimeTag);
