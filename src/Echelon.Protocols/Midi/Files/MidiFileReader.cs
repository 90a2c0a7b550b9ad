using System.Buffers.Binary;
using System.Globalization;

namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// Reads a Standard MIDI File (SMF 1.0) held in memory. Every problem becomes a
/// <see cref="MidiFileFormatException"/> with the byte offset and track, or is read past as the
/// options' policies say. Memory use is bounded by the bytes actually present: declared lengths
/// are checked against what remains before anything is sized from them.
/// </summary>
internal static class MidiFileReader
{
    private const int ChunkHeaderLength = 8;

    public static StandardMidiFile Parse(ReadOnlySpan<byte> data, MidiFileReadOptions options, string source)
    {
        var reader = new Context(options, source);
        if (data.IsEmpty)
        {
            throw reader.Error(0, null, "the file is empty; a MIDI file starts with an MThd header chunk");
        }

        if (data.Length < ChunkHeaderLength || !data[..4].SequenceEqual("MThd"u8))
        {
            throw reader.Error(0, null, $"no MThd header chunk at the start (found [{Convert.ToHexString(data[..Math.Min(4, data.Length)])}]): this is not a Standard MIDI File");
        }

        uint headerLength = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (headerLength < 6)
        {
            throw reader.Error(4, null, $"the header chunk declares {headerLength} bytes; it must have at least 6 (format, track count, division)");
        }

        if (headerLength > (uint)(data.Length - ChunkHeaderLength))
        {
            throw reader.Error(4, null, $"the header chunk declares {headerLength} bytes but only {data.Length - ChunkHeaderLength} follow");
        }

        int format = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        if (format > 2)
        {
            throw reader.Error(8, null, $"format {format} does not exist; Standard MIDI Files are format 0, 1 or 2");
        }

        int declaredTracks = BinaryPrimitives.ReadUInt16BigEndian(data[10..]);
        ushort word = BinaryPrimitives.ReadUInt16BigEndian(data[12..]);
        if (!MidiTimeDivision.TryFromWord(word, out var division))
        {
            throw reader.Error(12, null, $"division 0x{word:X4} is not allowed: ticks per quarter note must be 1–32767, or SMPTE 24/25/29/30 fps with 1–255 ticks per frame");
        }

        var tracks = new List<MidiTrack>(Math.Min(declaredTracks, 256));
        int pos = ChunkHeaderLength + (int)headerLength;
        while (pos < data.Length)
        {
            int remaining = data.Length - pos;
            if (remaining < ChunkHeaderLength)
            {
                reader.Check(options.TrailingBytes, pos, null, $"{remaining} bytes follow the last chunk, too few for a chunk header", nameof(options.TrailingBytes));
                break;
            }

            var id = data.Slice(pos, 4);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 4)..]);
            int available = remaining - ChunkHeaderLength;
            if (!id.SequenceEqual("MTrk"u8))
            {
                // SMF 1.0: "programs should expect alien chunks and treat them as if they weren't there".
                if (length > (uint)available)
                {
                    reader.Check(options.TrailingBytes, pos, null, $"chunk '{Printable(id)}' declares {length} bytes but only {available} remain", nameof(options.TrailingBytes));
                    break;
                }

                pos += ChunkHeaderLength + (int)length;
                continue;
            }

            int trackIndex = tracks.Count;
            int chunkLength = (int)Math.Min(length, (uint)available);
            if (length > (uint)available)
            {
                reader.Check(options.TruncatedChunk, pos + 4, trackIndex, $"the track chunk declares {length} bytes but only {available} remain in the file (cut short?)", nameof(options.TruncatedChunk));
            }

            tracks.Add(reader.ReadTrack(data[..(pos + ChunkHeaderLength + chunkLength)], pos + ChunkHeaderLength, trackIndex));
            pos += ChunkHeaderLength + chunkLength;
        }

        if (tracks.Count != declaredTracks)
        {
            reader.Check(options.TrackCountMismatch, 10, null, $"the header declares {declaredTracks} tracks but the file has {tracks.Count} MTrk chunks", nameof(options.TrackCountMismatch));
        }

        if (format == 0 && tracks.Count > 1)
        {
            reader.Check(options.SingleTrackFormatWithSeveralTracks, 8, null, $"format 0 allows one track; the file has {tracks.Count}", nameof(options.SingleTrackFormatWithSeveralTracks));
        }

        return new StandardMidiFile((MidiFileFormat)format, division, tracks, validate: false);
    }

    private static string Printable(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }

    private sealed class Context(MidiFileReadOptions options, string source)
    {
        public MidiFileFormatException Error(long offset, int? track, string problem) => new(source, offset, track, problem);

        /// <summary>Throws when <paramref name="policy"/> says so; otherwise returns and the caller reads past.</summary>
        public void Check(MidiFileErrorPolicy policy, long offset, int? track, string problem, string option)
        {
            if (policy != MidiFileErrorPolicy.Tolerate)
            {
                throw Error(offset, track, problem + " (MidiFileReadOptions." + option + " can tolerate this)");
            }
        }

        /// <summary>
        /// Reads the events of one track chunk. <paramref name="file"/> ends where the chunk ends, so
        /// offsets stay absolute and nothing past the chunk can be read.
        /// </summary>
        public MidiTrack ReadTrack(ReadOnlySpan<byte> file, int start, int track)
        {
            int end = file.Length;
            int pos = start;
            long tick = 0;
            byte running = 0;
            bool runningCancelled = false;
            bool ended = false;
            bool cut = false;
            var events = new List<MidiFileEvent>(Math.Min(((end - start) / 4) + 1, 1 << 16));
            while (pos < end)
            {
                int read = Vlq.TryRead(file, pos, out int delta);
                if (read < 0)
                {
                    throw Error(pos, track, "a delta time runs longer than 4 bytes");
                }

                if (read == 0 || pos + read >= end)
                {
                    Cut(pos, track, "the track ends inside an event");
                    cut = true;
                    break;
                }

                pos += read;
                tick += delta;
                byte status = file[pos];
                if (status < 0x80)
                {
                    if (running == 0)
                    {
                        throw Error(pos, track, runningCancelled
                            ? $"data byte 0x{status:X2} where a status byte belongs: running status was cancelled by a meta or system exclusive event (MidiFileReadOptions.{nameof(options.RunningStatusAfterMetaOrSystemExclusive)} can tolerate this)"
                            : $"data byte 0x{status:X2} where a status byte belongs, with no running status in effect");
                    }

                    status = running;
                }
                else
                {
                    pos++;
                }

                if (status < 0xF0)
                {
                    if (!TryReadMessage(file, ref pos, status, tick, track, events))
                    {
                        cut = true;
                        break;
                    }

                    running = status;
                    runningCancelled = false;
                }
                else if (status == 0xFF)
                {
                    if (!TryReadMeta(file, ref pos, tick, track, events, out bool endOfTrack))
                    {
                        cut = true;
                        break;
                    }

                    runningCancelled |= running != 0;
                    running = CancelRunning(running);
                    if (endOfTrack)
                    {
                        ended = true;
                        if (pos < end)
                        {
                            Check(options.DataAfterEndOfTrack, pos, track, $"{end - pos} bytes follow the end-of-track event", nameof(options.DataAfterEndOfTrack));
                        }

                        break;
                    }
                }
                else if (status is 0xF0 or 0xF7)
                {
                    if (!TryReadLengthPrefixed(file, ref pos, track, status == 0xF0 ? "system exclusive event" : "escape (F7) event", out byte[] bytes))
                    {
                        cut = true;
                        break;
                    }

                    var kind = status == 0xF0 ? MidiFileEventKind.SystemExclusive : MidiFileEventKind.Escape;
                    events.Add(MidiFileEvent.FromTrusted(tick, kind, default, default, bytes));
                    runningCancelled |= running != 0;
                    running = CancelRunning(running);
                }
                else
                {
                    if (MidiStatus.IsUndefined(status))
                    {
                        throw Error(pos - 1, track, $"undefined status byte 0x{status:X2}: its length is unknown, so the rest of the track cannot be read");
                    }

                    Check(options.SystemMessageInTrack, pos - 1, track, $"status byte 0x{status:X2} ({(MidiMessageKind)status}) is not allowed in a track: only channel messages, F0/F7 and FF meta events are", nameof(options.SystemMessageInTrack));
                    if (!TryReadMessage(file, ref pos, status, tick, track, events))
                    {
                        cut = true;
                        break;
                    }

                    if (status < 0xF8)
                    {
                        running = 0; // system common cancels running status; real time does not
                        runningCancelled = false;
                    }
                }
            }

            if (!ended && !cut)
            {
                Check(options.MissingEndOfTrack, end, track, "the track has no end-of-track event (FF 2F 00)", nameof(options.MissingEndOfTrack));
            }

            return new MidiTrack([.. events], validate: false);
        }

        private byte CancelRunning(byte running) =>
            options.RunningStatusAfterMetaOrSystemExclusive == MidiFileErrorPolicy.Tolerate ? running : (byte)0;

        private void Cut(long offset, int track, string problem) =>
            Check(options.TruncatedChunk, offset, track, problem + " (the chunk or the file is cut short)", nameof(options.TruncatedChunk));

        private bool TryReadMessage(ReadOnlySpan<byte> file, ref int pos, byte status, long tick, int track, List<MidiFileEvent> events)
        {
            int length = MidiStatus.DataLength(status);
            if (pos + length > file.Length)
            {
                Cut(pos, track, $"a {(MidiMessageKind)(status < 0xF0 ? status & 0xF0 : status)} message needs {length} data bytes");
                return false;
            }

            byte d1 = length > 0 ? DataByte(file, pos, status, track) : (byte)0;
            byte d2 = length > 1 ? DataByte(file, pos + 1, status, track) : (byte)0;
            events.Add(MidiFileEvent.FromTrusted(tick, MidiFileEventKind.Message, MidiMessage.FromTrusted(status, d1, d2), default, null));
            pos += length;
            return true;
        }

        private byte DataByte(ReadOnlySpan<byte> file, int pos, byte status, int track)
        {
            byte b = file[pos];
            if (b < 0x80)
            {
                return b;
            }

            Check(options.DataByteOutOfRange, pos, track, $"data byte 0x{b:X2} of status 0x{status:X2} is ≥ 0x80", nameof(options.DataByteOutOfRange));
            return 0x7F;
        }

        private bool TryReadLengthPrefixed(ReadOnlySpan<byte> file, ref int pos, int track, string what, out byte[] bytes)
        {
            bytes = [];
            int read = Vlq.TryRead(file, pos, out int length);
            if (read < 0)
            {
                throw Error(pos, track, $"the length of a {what} runs longer than 4 bytes");
            }

            if (read == 0)
            {
                Cut(pos, track, $"the track ends inside the length of a {what}");
                return false;
            }

            pos += read;
            if (length > file.Length - pos)
            {
                // Checked before anything is allocated: a declared 256 MB costs nothing.
                Cut(pos, track, $"a {what} declares {length} bytes but the track has {file.Length - pos} left");
                return false;
            }

            bytes = length == 0 ? [] : file.Slice(pos, length).ToArray();
            pos += length;
            return true;
        }

        private bool TryReadMeta(ReadOnlySpan<byte> file, ref int pos, long tick, int track, List<MidiFileEvent> events, out bool endOfTrack)
        {
            endOfTrack = false;
            if (pos >= file.Length)
            {
                Cut(pos, track, "the track ends inside a meta event");
                return false;
            }

            int typeOffset = pos;
            byte type = file[pos++];
            if (type >= 0x80)
            {
                throw Error(typeOffset, track, $"meta event type 0x{type:X2} is ≥ 0x80; meta types are 0x00–0x7F");
            }

            if (!TryReadLengthPrefixed(file, ref pos, track, $"meta event 0x{type:X2}", out byte[] data))
            {
                return false;
            }

            if (Invalid((MidiMetaType)type, data) is { } problem)
            {
                Check(options.InvalidMetaEvent, typeOffset, track, problem, nameof(options.InvalidMetaEvent));
            }

            events.Add(MidiFileEvent.FromTrusted(tick, MidiFileEventKind.Meta, default, (MidiMetaType)type, data));
            endOfTrack = type == (byte)MidiMetaType.EndOfTrack;
            return true;
        }

        private static string? Invalid(MidiMetaType type, byte[] data)
        {
            var c = CultureInfo.InvariantCulture;
            return type switch
            {
                MidiMetaType.SetTempo when data.Length != 3 => string.Create(c, $"a set-tempo event has {data.Length} data bytes; it must have 3"),
                MidiMetaType.SetTempo when data[0] == 0 && data[1] == 0 && data[2] == 0 => "a set-tempo event of 0 µs per quarter note",
                MidiMetaType.TimeSignature when data.Length != 4 => string.Create(c, $"a time signature has {data.Length} data bytes; it must have 4"),
                MidiMetaType.KeySignature when data.Length != 2 => string.Create(c, $"a key signature has {data.Length} data bytes; it must have 2"),
                MidiMetaType.KeySignature when (sbyte)data[0] is < -7 or > 7 => string.Create(c, $"a key signature of {(sbyte)data[0]} sharps; it must be in [-7, 7]"),
                MidiMetaType.KeySignature when data[1] > 1 => string.Create(c, $"a key signature of mode {data[1]}; it must be 0 (major) or 1 (minor)"),
                MidiMetaType.EndOfTrack when data.Length != 0 => string.Create(c, $"an end-of-track event has {data.Length} data bytes; it must have none"),
                MidiMetaType.ChannelPrefix when data.Length != 1 => string.Create(c, $"a channel prefix has {data.Length} data bytes; it must have 1"),
                MidiMetaType.SmpteOffset when data.Length != 5 => string.Create(c, $"an SMPTE offset has {data.Length} data bytes; it must have 5"),
                MidiMetaType.SequenceNumber when data.Length is not (0 or 2) => string.Create(c, $"a sequence number has {data.Length} data bytes; it must have 2 (or none)"),
                MidiMetaType.Port when data.Length > 1 => string.Create(c, $"a port event has {data.Length} data bytes; it must have 1 (or none)"),
                _ => null,
            };
        }
    }
}
