using Echelon.Audio.Wav;
using Echelon.Music.Composition;

namespace Echelon.Studio.Render;

/// <summary>What <see cref="RenderJob"/> renders and where it writes.</summary>
public sealed record RenderRequest
{
    /// <summary>The piece to compose.</summary>
    public required ArrangementOptions Arrangement { get; init; }

    /// <summary>Output folder: <c>mix.wav</c>, <c>notes.jsonl</c>, and <c>stems/*.wav</c> when <see cref="Stems"/>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Whether to write one WAV per agent.</summary>
    public bool Stems { get; init; }

    /// <summary>Sample format of the mix.</summary>
    public WavSampleFormat Format { get; init; } = WavSampleFormat.Pcm24;

    /// <summary>Render block size in samples (1–8192); the output does not depend on it.</summary>
    public int BlockSize { get; init; } = 128;
}
