using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Echelon.Audio.Files;

/// <summary>
/// An open audio file read block by block: each <see cref="ReadFrames"/> call decodes the next
/// frames into the caller's buffer, so an analyzer can walk a file of any length in constant memory.
/// Made by <see cref="AudioFileReader.Open"/>.
/// </summary>
/// <remarks>
/// <para>
/// Checks at open: the header (channels 1 to <see cref="AudioFileReadOptions.MaxChannels"/>, a
/// sample rate of 1 to <see cref="AudioFileReadOptions.MaxSampleRate"/> Hz) and whether the file is
/// shorter than its header declares (see <see cref="SndFileHeaderLog"/> for how that is learnt from
/// libsndfile). Checks while reading: a decoder that stops before the declared length (a FLAC file
/// cut short), decoder and I/O errors, and NaN or infinite samples, as
/// <see cref="AudioFileReadOptions.NonFiniteSamples"/> says.
/// </para>
/// <para>
/// A failure found while reading never loses the frames before it: the call that finds it returns
/// the frames decoded so far, and the next call throws. <see cref="NonFiniteSamplePolicy.Reject"/>
/// is the exception: it throws at once, from the block holding the bad sample.
/// </para>
/// <para>
/// Threading: one thread at a time; not real-time safe (it reads a file). Once open,
/// <see cref="ReadFrames"/> allocates nothing: it pins the caller's span and hands it to
/// <c>sf_readf_float</c>.
/// </para>
/// </remarks>
public sealed class AudioFileBlockReader : IDisposable
{
    /// <summary>Bytes asked of <c>SFC_GET_LOG_INFO</c>; libsndfile keeps at most 2048 (SF_PARSELOG_LEN).</summary>
    private const int LogBytes = 4096;

    /// <summary><c>sf_error</c> and <c>sf_strerror</c> of a failed open read one global: one open at a time, in the whole process.</summary>
    private static readonly Lock s_openGate = new();

    private readonly SndFileHandle _handle;
    private readonly int _channels;
    private readonly long? _expectedFrames;
    private readonly bool _checkFinite;
    private readonly NonFiniteSamplePolicy _nonFinitePolicy;
    private readonly bool _allowTruncated;
    private AudioFileException? _pending;
    private bool _ended;
    private bool _disposed;

    private AudioFileBlockReader(SndFileHandle handle, AudioFileInfo info, AudioFileReadOptions options, bool truncatedAtOpen)
    {
        _handle = handle;
        Info = info;
        _channels = info.ChannelCount;
        _expectedFrames = info.FrameCount;
        _checkFinite = !SndFileFormat.IsIntegerCoded(info.FormatCode);
        _nonFinitePolicy = options.NonFiniteSamples;
        _allowTruncated = options.AllowTruncated;
        IsTruncated = truncatedAtOpen;
    }

    /// <summary>The header: rate, channels, length, format.</summary>
    public AudioFileInfo Info { get; }

    /// <summary>Frames returned so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>True once the file is known to be shorter than its header declares (only with <see cref="AudioFileReadOptions.AllowTruncated"/>; otherwise that is an exception).</summary>
    public bool IsTruncated { get; private set; }

    /// <summary>NaN and infinite samples met so far (replaced or kept, as the policy said).</summary>
    public long NonFiniteSampleCount { get; private set; }

    /// <summary>
    /// Decodes the next frames into <paramref name="interleaved"/> (channel by channel within each
    /// frame, as the file stores them).
    /// </summary>
    /// <param name="interleaved">Room for whole frames: its length must be a multiple of the channel count; any length, zero included.</param>
    /// <returns>Frames written, from the start of <paramref name="interleaved"/>; 0 at the end of the file.</returns>
    /// <exception cref="ArgumentException">The length is not a whole number of frames.</exception>
    /// <exception cref="AudioFileException">The file is cut short, a sample is not finite, or decoding failed.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    public unsafe int ReadFrames(Span<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % _channels != 0)
        {
            ThrowNotWholeFrames(interleaved.Length, _channels, nameof(interleaved));
        }

        if (_pending is not null)
        {
            throw _pending;
        }

        var frames = interleaved.Length / _channels;
        if (frames == 0 || _ended)
        {
            return 0;
        }

        long got;
        fixed (float* destination = interleaved)
        {
            got = SndFile.ReadFramesFloat(_handle, destination, frames);
        }

        if (got < 0)
        {
            got = 0;
        }

        if (got > 0 && _checkFinite)
        {
            CheckFinite(interleaved[..((int)got * _channels)]);
        }

        FramesRead += got;
        if (got < frames)
        {
            OnShortRead();
            if (got == 0 && _pending is not null)
            {
                throw _pending;
            }
        }

        return (int)got;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _disposed = true;
        _handle.Dispose();
    }

    /// <summary>Opens <paramref name="path"/> and checks its header (see <see cref="AudioFileReader.Open"/>).</summary>
    internal static unsafe AudioFileBlockReader Open(string path, AudioFileReadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxChannels, 1, "options.MaxChannels");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSampleRate, 1, "options.MaxSampleRate");
        if (!Enum.IsDefined(options.NonFiniteSamples))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.NonFiniteSamples, "options.NonFiniteSamples: allowed Reject, ReplaceWithZero, Keep.");
        }

        if (Directory.Exists(path))
        {
            throw new AudioFileException(path, AudioFileError.NotFound, "this is a folder; give the path of an audio file.");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new AudioFileException(path, AudioFileError.NotFound, $"no such file (looked for {file.FullName}).");
        }

        SndFileLibrary.EnsureLoaded(path);
        if (file.Length == 0)
        {
            throw new AudioFileException(path, AudioFileError.Empty,
                $"the file is empty (0 bytes); an audio file starts with a header. Readable formats: {string.Join(", ", SndFileLibrary.Formats)}.");
        }

        SndFile.Info raw = default;
        SndFileHandle handle;
        var error = (Code: 0, Text: string.Empty);
        lock (s_openGate)
        {
            handle = SndFile.Open(path, SndFile.ModeRead, &raw);
            if (handle.IsInvalid)
            {
                error = SndFile.LastOpenError();
            }
        }

        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw OpenFailed(path, error.Code, error.Text, options);
        }

        try
        {
            var info = CheckHeader(path, raw, options);
            var truncated = false;
            if (SndFileHeaderLog.FindShortfall(HeaderLog(handle)) is { } shortfall)
            {
                if (!options.AllowTruncated)
                {
                    var end = info.FrameCount ?? 0;
                    throw new AudioFileException(path, AudioFileError.Truncated,
                        $"truncated: the header declares {shortfall.Field} = {shortfall.Declared} bytes but the file holds {shortfall.Present}; " +
                        $"the audio data ends at frame {end} ({Seconds(end, info.SampleRate)} s). The file was cut short; " +
                        $"AudioFileReadOptions.AllowTruncated reads the {end} frames present.",
                        frame: end);
                }

                truncated = true;
            }

            return new AudioFileBlockReader(handle, info, options, truncated);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static AudioFileInfo CheckHeader(string path, SndFile.Info raw, AudioFileReadOptions options)
    {
        if (raw.Channels < 1 || raw.Channels > options.MaxChannels)
        {
            throw new AudioFileException(path, AudioFileError.InvalidHeader,
                $"invalid header: {raw.Channels} channels; allowed 1 to {options.MaxChannels} (AudioFileReadOptions.MaxChannels).");
        }

        if (raw.SampleRate < 1 || raw.SampleRate > options.MaxSampleRate)
        {
            throw new AudioFileException(path, AudioFileError.InvalidHeader,
                $"invalid header: sample rate {raw.SampleRate} Hz; allowed 1 to {options.MaxSampleRate} Hz (AudioFileReadOptions.MaxSampleRate).");
        }

        if (raw.Frames < 0)
        {
            throw new AudioFileException(path, AudioFileError.InvalidHeader, $"invalid header: {raw.Frames} frames; a length cannot be negative.");
        }

        return new AudioFileInfo
        {
            Path = path,
            SampleRate = raw.SampleRate,
            ChannelCount = raw.Channels,
            FrameCount = raw.Frames == SndFile.CountMax ? null : raw.Frames,
            Container = SndFileFormat.Container(raw.Format),
            Encoding = SndFileFormat.Encoding(raw.Format),
            FormatCode = raw.Format,
        };
    }

    private static AudioFileException OpenFailed(string path, int code, string text, AudioFileReadOptions options)
    {
        var said = Said(text);
        return code switch
        {
            SndFile.ErrorUnrecognisedFormat => new AudioFileException(path, AudioFileError.UnsupportedFormat,
                $"unsupported format: {said}. Readable formats: {string.Join(", ", SndFileLibrary.Formats)}."),
            SndFile.ErrorUnsupportedEncoding => new AudioFileException(path, AudioFileError.UnsupportedFormat,
                $"unsupported encoding: {said}; the container is known but its sample encoding is not one this libsndfile decodes."),
            SndFile.ErrorSystem => new AudioFileException(path, AudioFileError.ReadFailed, $"cannot open it: {said}."),
            _ => new AudioFileException(path, AudioFileError.InvalidHeader,
                $"invalid header: {said}{HintFor(text)}. A readable header has 1 to {options.MaxChannels} channels and a sample rate of 1 to {options.MaxSampleRate} Hz."),
        };
    }

    /// <summary>Plain words for libsndfile messages that do not say which value was wrong.</summary>
    private static string HintFor(string text) =>
        text.Contains("SF_INFO", StringComparison.Ordinal)
            ? " (on reading, libsndfile says this when the header declares a sample rate below 1 Hz, a negative length or no encoding)"
            : string.Empty;

    private static unsafe string HeaderLog(SndFileHandle handle)
    {
        var buffer = new byte[LogBytes];
        fixed (byte* p = buffer)
        {
            // Returns the length copied; a library without a log leaves the buffer zeroed (no evidence, no error).
            _ = SndFile.Command(handle, SndFile.CommandGetLogInfo, p, buffer.Length);
        }

        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.Latin1.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }

    /// <summary>Libsndfile's words, quoted, without their closing full stop (our sentence goes on).</summary>
    private static string Said(string text) => $"{SndFileLibrary.Version} says \"{text.TrimEnd().TrimEnd('.')}\"";

    /// <summary>A time for a message: milliseconds show, and microseconds near the start of a file.</summary>
    private static string Seconds(long frames, int rate) => ((double)frames / rate).ToString("0.000###", CultureInfo.InvariantCulture);

    [DoesNotReturn]
    private static void ThrowNotWholeFrames(int length, int channels, string paramName) =>
        throw new ArgumentException($"The buffer holds {length} samples, not a whole number of {channels}-channel frames.", paramName);

    /// <summary>The decoder returned fewer frames than asked: the end, a cut, or an error.</summary>
    private void OnShortRead()
    {
        var code = SndFile.Error(_handle);
        var said = code != 0 ? "; " + Said(SndFile.ErrorTextOf(_handle)) : string.Empty;
        if (_expectedFrames is { } expected && FramesRead < expected)
        {
            if (_allowTruncated)
            {
                IsTruncated = true;
                _ended = true;
                return;
            }

            _pending = new AudioFileException(Info.Path, AudioFileError.Truncated,
                $"truncated: the header declares {expected} frames but the data ends at frame {FramesRead} " +
                $"({Seconds(FramesRead, Info.SampleRate)} s){said}. The file was cut short; " +
                $"AudioFileReadOptions.AllowTruncated reads the {FramesRead} frames present.",
                frame: FramesRead);
        }
        else if (code != 0)
        {
            _pending = new AudioFileException(Info.Path, AudioFileError.ReadFailed,
                $"reading failed at frame {FramesRead}{said}.", frame: FramesRead);
        }
        else
        {
            _ended = true;
        }
    }

    /// <summary>Counts, replaces or rejects NaN and infinite samples of the block just read (frames from <see cref="FramesRead"/> on).</summary>
    private void CheckFinite(Span<float> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                OnNonFinite(samples, i);
            }
        }
    }

    private void OnNonFinite(Span<float> samples, int index)
    {
        NonFiniteSampleCount++;
        switch (_nonFinitePolicy)
        {
            case NonFiniteSamplePolicy.ReplaceWithZero:
                samples[index] = 0f;
                break;
            case NonFiniteSamplePolicy.Keep:
                break;
            default:
                ThrowNonFinite(samples[index], FramesRead + (index / _channels), index % _channels);
                break;
        }
    }

    [DoesNotReturn]
    private void ThrowNonFinite(float value, long frame, int channel)
    {
        var what = float.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
        throw new AudioFileException(Info.Path, AudioFileError.NonFiniteSample,
            $"the sample at frame {frame} ({Seconds(frame, Info.SampleRate)} s), channel {channel} is {what}; samples must be finite " +
            "(AudioFileReadOptions.NonFiniteSamples = ReplaceWithZero or Keep reads the file anyway).",
            frame: frame, channel: channel);
    }
}
