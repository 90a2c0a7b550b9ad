namespace Echelon.Protocols.Osc;

/// <summary>
/// What to do with a type tag outside <see cref="OscTypeTags.Allowed"/>. OSC 1.0: an application
/// "should discard any message whose OSC Type Tag String contains any unrecognized OSC Type Tags".
/// The size of an unknown argument is unknown, so nothing after it can be read either way.
/// </summary>
public enum OscUnknownTypeTagPolicy
{
    /// <summary>Reject the message with <see cref="OscFormatError.UnknownTypeTag"/> (the spec's advice; liblo does).</summary>
    Reject,

    /// <summary>
    /// Keep the arguments before the unknown tag and drop it and everything after (python-osc reads
    /// <c>,fx</c> as one float). An unknown tag inside an array is still rejected.
    /// </summary>
    KeepPrecedingArguments,
}
