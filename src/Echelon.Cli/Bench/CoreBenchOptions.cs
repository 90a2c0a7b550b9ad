namespace Echelon.Cli.Bench;

/// <summary>Arguments of <c>echelon bench core</c>.</summary>
/// <param name="Seconds">Length of the rhythmic stream, seconds (2–3600).</param>
/// <param name="Bpm">Tempo of the stream and the transport (40–200).</param>
/// <param name="Seed">Seed of the stream and of the parameters.</param>
/// <param name="Dimension">Fast latent size d (8–256).</param>
internal sealed record CoreBenchOptions(double Seconds, double Bpm, ulong Seed, int Dimension)
{
    /// <summary>Returns the first out-of-range argument as (option, message), or null when all are valid.</summary>
    public (string Option, string Message)? Validate()
    {
        if (!double.IsFinite(Seconds) || Seconds < 2 || Seconds > 3600)
        {
            return ("--seconds", $"--seconds must be between 2 and 3600; got {Seconds}.");
        }

        if (!double.IsFinite(Bpm) || Bpm < 40 || Bpm > 200)
        {
            return ("--bpm", $"--bpm must be between 40 and 200; got {Bpm}.");
        }

        if (Dimension < 8 || Dimension > 256)
        {
            return ("--dim", $"--dim must be between 8 and 256; got {Dimension}.");
        }

        return null;
    }
}
