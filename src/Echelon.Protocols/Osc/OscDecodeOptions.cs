namespace Echelon.Protocols.Osc;

/// <summary>
/// How the decoder treats what OSC 1.0 leaves open: one policy per failure mode, plus a nesting limit.
/// <see cref="Lenient"/> (the default) reads what real senders send; <see cref="Strict"/> accepts what liblo accepts.
/// </summary>
/// <remarks>Immutable once built; share one instance between threads.</remarks>
public sealed class OscDecodeOptions
{
    private readonly int _maxNestingDepth = 16;

    /// <summary>The default: tolerates missing type tags, unknown tags after readable arguments, trailing bytes, dirty padding, out-of-order nested time tags and element sizes that overrun the packet.</summary>
    public static OscDecodeOptions Lenient { get; } = new();

    /// <summary>Rejects everything OSC 1.0 forbids: what liblo 0.31 rejects, plus out-of-order nested time tags.</summary>
    public static OscDecodeOptions Strict { get; } = new()
    {
        MissingTypeTags = OscMissingTypeTagPolicy.Reject,
        UnknownTypeTags = OscUnknownTypeTagPolicy.Reject,
        TrailingBytes = OscTrailingBytesPolicy.Reject,
        Padding = OscPaddingPolicy.Reject,
        NestedTimeTags = OscNestedTimeTagPolicy.Reject,
        ElementOverrun = OscElementOverrunPolicy.Reject,
    };

    /// <summary>A message with no type tag string.</summary>
    public OscMissingTypeTagPolicy MissingTypeTags { get; init; } = OscMissingTypeTagPolicy.TreatAsNoArguments;

    /// <summary>A type tag outside <see cref="OscTypeTags.Allowed"/>.</summary>
    public OscUnknownTypeTagPolicy UnknownTypeTags { get; init; } = OscUnknownTypeTagPolicy.KeepPrecedingArguments;

    /// <summary>Bytes after a message's last argument.</summary>
    public OscTrailingBytesPolicy TrailingBytes { get; init; } = OscTrailingBytesPolicy.Ignore;

    /// <summary>Padding bytes that are not zero.</summary>
    public OscPaddingPolicy Padding { get; init; } = OscPaddingPolicy.Ignore;

    /// <summary>A nested bundle earlier than its enclosing bundle.</summary>
    public OscNestedTimeTagPolicy NestedTimeTags { get; init; } = OscNestedTimeTagPolicy.Accept;

    /// <summary>A bundle element whose size points past the end of the packet.</summary>
    public OscElementOverrunPolicy ElementOverrun { get; init; } = OscElementOverrunPolicy.ReadToEndOfPacket;

    /// <summary>
    /// Deepest nesting of bundles in bundles, and separately of arrays in arrays (1–64, default 16).
    /// Bounds the decoder's stack on hostile packets.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1–64.</exception>
    public int MaxNestingDepth
    {
        get => _maxNestingDepth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64);
            _maxNestingDepth = value;
        }
    }
}
