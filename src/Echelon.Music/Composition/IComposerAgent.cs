namespace Echelon.Music.Composition;

/// <summary>
/// A composer agent: given one bar's context, appends that bar's notes (sample-accurate, in any
/// order) to the output. Deterministic: the same seed and the same sequence of contexts give the
/// same notes. Intensity 0 is sparse and quiet; 1 is dense and driving.
/// </summary>
/// <remarks>Called once per bar, one bar ahead of the audio, on the control thread.</remarks>
public interface IComposerAgent
{
    /// <summary>Which agent (and stem) this is.</summary>
    AgentKind Kind { get; }

    /// <summary>Appends the notes of the bar described by <paramref name="context"/>.</summary>
    void ComposeBar(in BarContext context, ICollection<NoteEvent> output);

    /// <summary>Forgets all state (back to the seed).</summary>
    void Reset();
}
