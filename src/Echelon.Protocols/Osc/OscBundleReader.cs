using System.Diagnostics;

namespace Echelon.Protocols.Osc;

/// <summary>
/// A zero-allocation view of one OSC bundle: the constructor checks the bundle and everything nested
/// in it, then <see cref="MoveNext"/> steps through its elements (each a message or a bundle).
/// </summary>
/// <remarks>
/// A ref struct over the caller's bytes: valid while they are, usable on one thread. Because the
/// whole tree was checked up front, reading elements never fails and a bundle is either read whole
/// or rejected whole (OSC 1.0 bundles are atomic).
/// </remarks>
public ref struct OscBundleReader
{
    private readonly ReadOnlySpan<byte> _packet;
    private readonly OscDecodeOptions _options;
    private int _position;
    private int _currentStart;
    private int _currentLength;

    /// <summary>Checks <paramref name="packet"/> as one bundle and positions before its first element.</summary>
    /// <exception cref="OscFormatException">Not a valid bundle under <paramref name="options"/>.</exception>
    public OscBundleReader(ReadOnlySpan<byte> packet, OscDecodeOptions? options = null)
    {
        if (!TryCheck(packet, options ?? OscDecodeOptions.Lenient, out OscTimeTag time, out OscDecodeError error))
        {
            throw error.ToException();
        }

        _packet = packet;
        _options = options ?? OscDecodeOptions.Lenient;
        TimeTag = time;
        _position = 16;
    }

    private OscBundleReader(ReadOnlySpan<byte> packet, OscDecodeOptions options, OscTimeTag time)
    {
        _packet = packet;
        _options = options;
        TimeTag = time;
        _position = 16;
    }

    /// <summary>The bundle's time tag.</summary>
    public OscTimeTag TimeTag { get; }

    /// <summary>The contents of the element <see cref="MoveNext"/> stepped onto (without its size).</summary>
    public readonly ReadOnlySpan<byte> Current => _packet.Slice(_currentStart, _currentLength);

    /// <summary>Byte offset of <see cref="Current"/> in the bundle.</summary>
    public readonly int CurrentOffset => _currentStart;

    /// <summary>True when <see cref="Current"/> is a nested bundle, false when it is a message.</summary>
    public readonly bool CurrentIsBundle => _currentLength > 0 && _packet[_currentStart] == (byte)'#';

    /// <summary>Checks <paramref name="packet"/> as one bundle without throwing.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> packet, OscDecodeOptions? options, out OscBundleReader reader, out OscDecodeError error)
    {
        OscDecodeOptions o = options ?? OscDecodeOptions.Lenient;
        if (TryCheck(packet, o, out OscTimeTag time, out error))
        {
            reader = new OscBundleReader(packet, o, time);
            return true;
        }

        reader = default;
        return false;
    }

    /// <summary>Steps onto the next element; false after the last.</summary>
    public bool MoveNext()
    {
        if (_position >= _packet.Length)
        {
            _currentLength = 0;
            return false;
        }

        bool ok = OscParser.TryNextElement(_packet, ref _position, _options, out _currentStart, out _currentLength, out _);
        Debug.Assert(ok, "the bundle was checked whole in the constructor");
        return ok;
    }

    /// <summary>Goes back to before the first element.</summary>
    public void Reset()
    {
        _position = 16;
        _currentLength = 0;
    }

    /// <summary>A reader over <see cref="Current"/>, which must be a message.</summary>
    /// <exception cref="InvalidOperationException">The element is a bundle.</exception>
    public readonly OscMessageReader ReadMessage()
    {
        if (CurrentIsBundle)
        {
            throw new InvalidOperationException("the current element is a bundle; use ReadBundle.");
        }

        bool ok = OscParser.TryParseMessage(Current, _options, out MessageLayout layout, out _);
        Debug.Assert(ok, "the bundle was checked whole in the constructor");
        return new OscMessageReader(Current, layout);
    }

    /// <summary>A reader over <see cref="Current"/>, which must be a bundle.</summary>
    /// <exception cref="InvalidOperationException">The element is a message.</exception>
    public readonly OscBundleReader ReadBundle()
    {
        if (!CurrentIsBundle)
        {
            throw new InvalidOperationException("the current element is a message; use ReadMessage.");
        }

        OscParser.TryReadBundleHeader(Current, out OscTimeTag time, out _);
        return new OscBundleReader(Current, _options, time);
    }

    private static bool TryCheck(ReadOnlySpan<byte> packet, OscDecodeOptions options, out OscTimeTag time, out OscDecodeError error)
    {
        time = default;
        if (!packet.IsEmpty && packet[0] != (byte)'#')
        {
            error = new OscDecodeError(OscFormatError.BadBundleHeader, 0, OscPart.BundleHeader);
            return false;
        }

        return OscParser.TryValidate(packet, options, out error) && OscParser.TryReadBundleHeader(packet, out time, out error);
    }
}
