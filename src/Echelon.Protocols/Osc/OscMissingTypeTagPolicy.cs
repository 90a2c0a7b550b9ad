namespace Echelon.Protocols.Osc;

/// <summary>
/// What to do with a message that ends right after its address, with no type tag string. OSC 1.0:
/// "some older implementations of OSC may omit the OSC Type Tag string … OSC implementations should
/// be robust in the case of a missing OSC Type Tag String." liblo rejects such messages.
/// </summary>
public enum OscMissingTypeTagPolicy
{
    /// <summary>Read it as a message with no arguments (python-osc does the same).</summary>
    TreatAsNoArguments,

    /// <summary>Reject it with <see cref="OscFormatError.MissingTypeTags"/> (as liblo does).</summary>
    Reject,
}
