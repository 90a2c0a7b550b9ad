using System.Globalization;

namespace Echelon.Protocols.Osc;

/// <summary>
/// Why a packet could not be decoded, without the cost of an exception: the <c>TryXxx</c> decoders
/// return it so a receiver can count bad packets on a hot path; <see cref="ToException"/> makes the
/// <see cref="OscFormatException"/> the throwing decoders raise.
/// </summary>
public readonly struct OscDecodeError
{
    private readonly long _found;
    private readonly long _limit;
    private readonly int _index;
    private readonly OscPart _part;
    private readonly byte _tag;

    internal OscDecodeError(OscFormatError error, int offset, OscPart part, long found = 0, long limit = 0, int index = -1, byte tag = 0)
    {
        Error = error;
        Offset = offset;
        _part = part;
        _found = found;
        _limit = limit;
        _index = index;
        _tag = tag;
    }

    /// <summary>What was wrong.</summary>
    public OscFormatError Error { get; }

    /// <summary>Byte offset in the packet where the problem was found.</summary>
    public int Offset { get; }

    /// <summary>What was found and what is allowed, in words.</summary>
    public string Problem => Describe();

    /// <summary>Moves the offset by <paramref name="delta"/> (an element's error reported in its enclosing packet).</summary>
    internal OscDecodeError Shift(int delta) => new(Error, Offset + delta, _part, _found, _limit, _index, _tag);

    /// <summary>The exception the throwing decoders raise for this error.</summary>
    public OscFormatException ToException() => new(Offset, Error, Problem);

    /// <summary>"offset N: problem".</summary>
    public override string ToString() => $"offset {Offset}: {Problem}";

    internal static string DescribeByte(long b) =>
        b is >= 0x20 and < 0x7f
            ? string.Create(CultureInfo.InvariantCulture, $"0x{b:x2} ('{(char)b}')")
            : string.Create(CultureInfo.InvariantCulture, $"0x{b:x2}");

    private string PartName() => _part switch
    {
        OscPart.Address => "the address",
        OscPart.TypeTags => "the type tag string",
        OscPart.Argument => string.Create(CultureInfo.InvariantCulture, $"argument {_index} ('{(char)_tag}', {OscTypeTags.Describe((OscTypeTag)_tag)})"),
        OscPart.BundleHeader => "the bundle header",
        OscPart.BundleTimeTag => "the bundle's time tag",
        OscPart.ElementSize => "the bundle element size",
        OscPart.Element => "the bundle element",
        _ => "the packet",
    };

    private string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return Error switch
        {
            OscFormatError.EmptyPacket =>
                $"{PartName()} is empty; an OSC packet is a message (starting '/') or a bundle (starting \"#bundle\").",
            OscFormatError.NotAnOscPacket =>
                $"{PartName()} starts with {DescribeByte(_found)}; allowed '/' (a message) or \"#bundle\" (a bundle).",
            OscFormatError.BadBundleHeader =>
                $"found '#' but not the 8 bytes \"#bundle\\0\" that start a bundle.",
            OscFormatError.UnterminatedString =>
                string.Create(c, $"{PartName()} has no terminating null byte within the {_limit} bytes left in the packet."),
            OscFormatError.Truncated =>
                string.Create(c, $"{PartName()} needs {_found} bytes but only {_limit} remain in the packet."),
            OscFormatError.NonZeroPadding =>
                $"padding after {PartName()} holds {DescribeByte(_found)}; padding bytes must be 0 (OscPaddingPolicy.Ignore accepts this).",
            OscFormatError.MissingTypeTags when _found < 0 =>
                "the message ends after its address, without a type tag string (OscMissingTypeTagPolicy.TreatAsNoArguments accepts this, as OSC 1.0 asks of robust receivers).",
            OscFormatError.MissingTypeTags =>
                $"found {DescribeByte(_found)} after the address; allowed a type tag string starting with ','.",
            OscFormatError.UnknownTypeTag when _limit > 0 =>
                string.Create(c, $"unknown type tag {DescribeByte(_found)} at index {_index} inside an array, where its size cannot be skipped; allowed: {OscTypeTags.Allowed}."),
            OscFormatError.UnknownTypeTag =>
                string.Create(c, $"unknown type tag {DescribeByte(_found)} at index {_index}; allowed: {OscTypeTags.Allowed} (OscUnknownTypeTagPolicy.KeepPrecedingArguments keeps the arguments before it)."),
            OscFormatError.UnbalancedArray when _found < 0 =>
                string.Create(c, $"']' at index {_index} of the type tag string closes no array."),
            OscFormatError.UnbalancedArray =>
                string.Create(c, $"{_found} array(s) opened with '[' are never closed by ']'."),
            OscFormatError.BadSize when _part == OscPart.Argument =>
                string.Create(c, $"{PartName()} declares {_found} bytes; allowed 0 to the {_limit} bytes left."),
            OscFormatError.BadSize =>
                string.Create(c, $"{PartName()} is {_found}; allowed a positive multiple of 4 no larger than the {_limit} bytes left."),
            OscFormatError.TrailingBytes =>
                string.Create(c, $"{_found} bytes follow the last argument; a message ends with its last argument (OscTrailingBytesPolicy.Ignore accepts them)."),
            OscFormatError.TimeTagOrder =>
                $"the nested bundle's time tag {new OscTimeTag((ulong)_found)} is earlier than its enclosing bundle's {new OscTimeTag((ulong)_limit)}; allowed equal or later (OscNestedTimeTagPolicy.Accept accepts it).",
            OscFormatError.TooDeep =>
                string.Create(c, $"nesting depth {_found} exceeds the limit of {_limit} (OscDecodeOptions.MaxNestingDepth)."),
            _ => Error.ToString(),
        };
    }
}
