using System.Globalization;
using System.Text;

namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// One event of a MIDI file track at an absolute tick from the start of its track: a short MIDI
/// message, a system exclusive or escape packet, or a meta event.
/// </summary>
/// <remarks>
/// Immutable: the factories copy the bytes they are given, and <see cref="Data"/> is read-only.
/// Safe to share between threads. Text meta events are Latin-1 on disk (as in mido); the text
/// helpers encode and decode that way.
/// </remarks>
public readonly struct MidiFileEvent : IEquatable<MidiFileEvent>
{
    // Kind and meta type are stored as bytes so an event is 24 bytes: the reader's memory per
    // event stays a small multiple of the 2+ bytes the event takes in the file.
    private readonly long _tick;
    private readonly byte[]? _data;
    private readonly MidiMessage _message;
    private readonly byte _kind;
    private readonly byte _metaType;

    private MidiFileEvent(long tick, MidiFileEventKind kind, MidiMessage message, MidiMetaType metaType, byte[]? data)
    {
        _tick = tick;
        _kind = (byte)kind;
        _message = message;
        _metaType = (byte)metaType;
        _data = data;
    }

    /// <summary>Absolute time in ticks from the start of the track (≥ 0).</summary>
    public long Tick => _tick;

    /// <summary>What kind of event this is.</summary>
    public MidiFileEventKind Kind => (MidiFileEventKind)_kind;

    /// <summary>The message of a <see cref="MidiFileEventKind.Message"/> event (default otherwise).</summary>
    public MidiMessage Message => _message;

    /// <summary>The meta type of a <see cref="MidiFileEventKind.Meta"/> event (0–127).</summary>
    public MidiMetaType MetaType => (MidiMetaType)_metaType;

    /// <summary>
    /// The bytes of a meta, system exclusive or escape event (empty for messages). For system
    /// exclusive, the bytes after F0 as stored in the file, normally ending with F7.
    /// </summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>True for the end-of-track meta event.</summary>
    public bool IsEndOfTrack => Kind == MidiFileEventKind.Meta && MetaType == MidiMetaType.EndOfTrack;

    /// <summary>A short MIDI message at <paramref name="tick"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is a default value.</exception>
    public static MidiFileEvent FromMessage(long tick, MidiMessage message)
    {
        CheckTick(tick);
        if (message.Length == 0)
        {
            throw new ArgumentException("a default MidiMessage is not a message.", nameof(message));
        }

        return new MidiFileEvent(tick, MidiFileEventKind.Message, message, default, null);
    }

    /// <summary>A meta event; <paramref name="data"/> is copied.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative, or <paramref name="type"/> is outside 0–127.</exception>
    public static MidiFileEvent Meta(long tick, MidiMetaType type, ReadOnlySpan<byte> data)
    {
        CheckTick(tick);
        if ((uint)type > 0x7F)
        {
            MidiThrow.OutOfRange(nameof(type), (int)type, "a meta event type must be in [0, 127]");
        }

        CheckLength(data.Length);
        return new MidiFileEvent(tick, MidiFileEventKind.Meta, default, type, Copy(data));
    }

    /// <summary>A text meta event (text, copyright, track name, lyric, marker …), Latin-1 encoded; characters outside Latin-1 become '?'.</summary>
    public static MidiFileEvent Text(long tick, MidiMetaType type, string text) => Meta(tick, type, Encoding.Latin1.GetBytes(text));

    /// <summary>A track name (meta 03).</summary>
    public static MidiFileEvent TrackName(long tick, string name) => Text(tick, MidiMetaType.TrackName, name);

    /// <summary>A tempo change (meta 51): microseconds per quarter note, 1 … 16777215.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static MidiFileEvent Tempo(long tick, int microsecondsPerQuarterNote)
    {
        TempoChange.CheckMicroseconds(microsecondsPerQuarterNote);
        return Meta(tick, MidiMetaType.SetTempo, [(byte)(microsecondsPerQuarterNote >> 16), (byte)(microsecondsPerQuarterNote >> 8), (byte)microsecondsPerQuarterNote]);
    }

    /// <summary>
    /// A time signature (meta 58): <paramref name="numerator"/>/2^<paramref name="denominatorPower"/>,
    /// <paramref name="clocksPerClick"/> MIDI clocks per metronome click, 32nd notes per quarter note.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside 0–255 (numerator 1–255, power 0–7).</exception>
    public static MidiFileEvent TimeSignature(long tick, int numerator, int denominatorPower, int clocksPerClick = 24, int thirtySecondsPerQuarter = 8)
    {
        if (numerator is < 1 or > 255)
        {
            MidiThrow.OutOfRange(nameof(numerator), numerator, "a time signature numerator must be in [1, 255]");
        }

        if (denominatorPower is < 0 or > 7)
        {
            MidiThrow.OutOfRange(nameof(denominatorPower), denominatorPower, "the denominator power must be in [0, 7] (whole to 128th notes)");
        }

        if ((uint)clocksPerClick > 255 || (uint)thirtySecondsPerQuarter > 255)
        {
            MidiThrow.OutOfRange(nameof(clocksPerClick), Math.Max(clocksPerClick, thirtySecondsPerQuarter), "clocks per click and 32nds per quarter must be in [0, 255]");
        }

        return Meta(tick, MidiMetaType.TimeSignature, [(byte)numerator, (byte)denominatorPower, (byte)clocksPerClick, (byte)thirtySecondsPerQuarter]);
    }

    /// <summary>The end-of-track meta event (2F).</summary>
    public static MidiFileEvent EndOfTrack(long tick) => Meta(tick, MidiMetaType.EndOfTrack, []);

    /// <summary>A system exclusive event; <paramref name="bytesAfterF0"/> (normally ending with F7) is copied.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative.</exception>
    public static MidiFileEvent SystemExclusive(long tick, ReadOnlySpan<byte> bytesAfterF0)
    {
        CheckTick(tick);
        CheckLength(bytesAfterF0.Length);
        return new MidiFileEvent(tick, MidiFileEventKind.SystemExclusive, default, default, Copy(bytesAfterF0));
    }

    /// <summary>An escape (F7) event carrying raw bytes; <paramref name="bytes"/> is copied.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative.</exception>
    public static MidiFileEvent Escape(long tick, ReadOnlySpan<byte> bytes)
    {
        CheckTick(tick);
        CheckLength(bytes.Length);
        return new MidiFileEvent(tick, MidiFileEventKind.Escape, default, default, Copy(bytes));
    }

    /// <summary>The tempo of a well-formed set-tempo meta event (3 bytes, above 0).</summary>
    public bool TryGetTempo(out int microsecondsPerQuarterNote)
    {
        microsecondsPerQuarterNote = 0;
        if (Kind != MidiFileEventKind.Meta || MetaType != MidiMetaType.SetTempo || _data is not { Length: 3 } d)
        {
            return false;
        }

        microsecondsPerQuarterNote = (d[0] << 16) | (d[1] << 8) | d[2];
        return microsecondsPerQuarterNote > 0;
    }

    /// <summary>The text of a text meta event (types 01–0F), decoded as Latin-1; null for other events.</summary>
    public string? TextValue =>
        Kind == MidiFileEventKind.Meta && (int)MetaType is >= 1 and <= 0x0F ? Encoding.Latin1.GetString(_data ?? []) : null;

    /// <summary>The same event at another tick.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is negative.</exception>
    public MidiFileEvent WithTick(long tick)
    {
        CheckTick(tick);
        return new MidiFileEvent(tick, Kind, Message, MetaType, _data);
    }

    /// <summary>Builds an event from bytes the reader owns and has checked (no copy).</summary>
    internal static MidiFileEvent FromTrusted(long tick, MidiFileEventKind kind, MidiMessage message, MidiMetaType metaType, byte[]? data) =>
        new(tick, kind, message, metaType, data);

    /// <inheritdoc />
    public bool Equals(MidiFileEvent other) =>
        Tick == other.Tick && Kind == other.Kind && Message == other.Message && MetaType == other.MetaType &&
        Data.SequenceEqual(other.Data);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MidiFileEvent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tick, Kind, Message, MetaType, _data?.Length ?? 0);

    /// <summary>True when both events have the same tick, kind and bytes.</summary>
    public static bool operator ==(MidiFileEvent left, MidiFileEvent right) => left.Equals(right);

    /// <summary>True when the events differ.</summary>
    public static bool operator !=(MidiFileEvent left, MidiFileEvent right) => !left.Equals(right);

    /// <summary>A readable form, e.g. "@480 NoteOn ch 1 note=60 velocity=100" or "@0 Meta TrackName 'drums'".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        return Kind switch
        {
            MidiFileEventKind.Message => string.Create(c, $"@{Tick} {Message}"),
            MidiFileEventKind.Meta when TextValue is { } text => string.Create(c, $"@{Tick} Meta {MetaType} '{text}'"),
            MidiFileEventKind.Meta => string.Create(c, $"@{Tick} Meta {MetaType} [{Convert.ToHexString(Data)}]"),
            _ => string.Create(c, $"@{Tick} {Kind} [{Convert.ToHexString(Data)}]"),
        };
    }

    private static byte[] Copy(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? [] : bytes.ToArray();

    private static void CheckTick(long tick)
    {
        if (tick < 0)
        {
            MidiThrow.OutOfRange(nameof(tick), tick, "an event tick must be ≥ 0");
        }
    }

    private static void CheckLength(int length)
    {
        if (length > Vlq.MaxValue)
        {
            MidiThrow.OutOfRange(nameof(length), length, "event data must be at most 268435455 bytes (a 4-byte length)");
        }
    }
}
