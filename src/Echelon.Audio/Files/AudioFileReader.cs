namespace Echelon.Audio.Files;

/// <summary>
/// Reads audio files of any format libsndfile knows (WAV, FLAC, AIFF, AU, W64, RF64, CAF, Ogg
/// Vorbis/Opus, …) into float samples, whole (<see cref="Read"/>) or block by block
/// (<see cref="Open"/>), through the native library libsndfile (Debian <c>libsndfile1</c>).
/// </summary>
/// <remarks>
/// <para>
/// Why libsndfile: FLAC needs a decoder and none is on our package registry; libsndfile is the
/// reference reader that sox and most audio tools are checked against, and it is one small
/// package on every platform. <see cref="Wav.WavReader"/> stays the pure C# reader for the WAV
/// files Echelon writes itself (no native dependency, byte-offset errors).
/// </para>
/// <para>
/// Every failure is an <see cref="AudioFileException"/> whose <see cref="AudioFileException.Kind"/>
/// says which: missing or empty file, unsupported format, bad header, truncated file, non-finite
/// sample, decoder error, libsndfile not installed. Samples are scaled as libsndfile does by
/// default (integers by 1/2^(bits-1), float data unchanged), which equals what sox and
/// <see cref="Wav.WavReader"/> return.
/// </para>
/// <para>Threading: stateless, any thread; not real-time safe (it reads files and allocates the result).</para>
/// </remarks>
public static class AudioFileReader
{
    /// <summary>Frames decoded per call while reading a whole file.</summary>
    private const int BlockFrames = 4096;

    /// <summary>
    /// Samples (all channels) allocated up front from the header's frame count; beyond this the
    /// arrays grow by doubling, so a FLAC header claiming billions of frames costs nothing until
    /// the frames are really there.
    /// </summary>
    private const int UpfrontSamples = 1 << 24;

    /// <summary>Reads the whole file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Policies and limits; <see cref="AudioFileReadOptions.Default"/> when null.</param>
    /// <returns>The decoded audio, one array per channel.</returns>
    /// <exception cref="AudioFileException">The file cannot be read; <see cref="AudioFileException.Kind"/> says why.</exception>
    public static DecodedAudio Read(string path, AudioFileReadOptions? options = null)
    {
        using var reader = Open(path, options);
        var info = reader.Info;
        var channels = info.ChannelCount;
        if (info.FrameCount > Array.MaxLength)
        {
            ThrowTooLong(path, info.FrameCount.Value);
        }

        var capacity = (int)Math.Min(info.FrameCount ?? BlockFrames, UpfrontSamples / channels);
        var planar = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            planar[c] = new float[capacity];
        }

        var block = new float[BlockFrames * channels];
        var frames = 0;
        int got;
        while ((got = reader.ReadFrames(block)) > 0)
        {
            if ((long)frames + got > planar[0].Length)
            {
                if ((long)frames + got > Array.MaxLength)
                {
                    ThrowTooLong(path, (long)frames + got);
                }

                var grown = (int)Math.Min(Array.MaxLength, Math.Max(frames + (long)got, 2L * planar[0].Length));
                for (var c = 0; c < channels; c++)
                {
                    Array.Resize(ref planar[c], grown);
                }
            }

            Deinterleave(block.AsSpan(0, got * channels), planar, frames);
            frames += got;
        }

        for (var c = 0; c < channels; c++)
        {
            if (planar[c].Length != frames)
            {
                Array.Resize(ref planar[c], frames);
            }
        }

        return new DecodedAudio
        {
            Info = info,
            Channels = planar,
            IsTruncated = reader.IsTruncated,
            NonFiniteSampleCount = reader.NonFiniteSampleCount,
        };
    }

    /// <summary>
    /// Opens the file at <paramref name="path"/> for reading block by block and checks its header;
    /// no samples are decoded yet.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">Policies and limits; <see cref="AudioFileReadOptions.Default"/> when null.</param>
    /// <returns>A reader that owns the open file; dispose it.</returns>
    /// <exception cref="AudioFileException">The file cannot be opened, or its header is bad or says more than the file holds.</exception>
    public static AudioFileBlockReader Open(string path, AudioFileReadOptions? options = null) =>
        AudioFileBlockReader.Open(path, options ?? AudioFileReadOptions.Default);

    private static void Deinterleave(ReadOnlySpan<float> interleaved, float[][] planar, int at)
    {
        var channels = planar.Length;
        if (channels == 1)
        {
            interleaved.CopyTo(planar[0].AsSpan(at));
            return;
        }

        for (var c = 0; c < channels; c++)
        {
            var destination = planar[c].AsSpan(at, interleaved.Length / channels);
            for (int i = 0, s = c; i < destination.Length; i++, s += channels)
            {
                destination[i] = interleaved[s];
            }
        }
    }

    private static void ThrowTooLong(string path, long frames) =>
        throw new AudioFileException(path, AudioFileError.TooLong,
            $"{frames} frames per channel do not fit one array (at most {Array.MaxLength}); read it block by block with AudioFileReader.Open.");
}
