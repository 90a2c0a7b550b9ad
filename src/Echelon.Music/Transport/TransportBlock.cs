using Echelon.Music.Theory;

namespace Echelon.Music.Transport;

/// <summary>
/// What one <see cref="TransportClock.Advance"/> covered: the samples [<see cref="StartSample"/>,
/// <see cref="StartSample"/> + <see cref="SampleCount"/>), the beats they span, the tempo they were
/// played at, and the bar lines inside them. Changes scheduled with
/// <see cref="TransportClock.ScheduleKeyChange"/>, <see cref="TransportClock.ScheduleSection"/> and
/// <see cref="TransportClock.ScheduleMeterChange"/> take effect at <see cref="FirstBarSample"/>; the
/// <see cref="Key"/>, <see cref="Section"/> and <see cref="Meter"/> reported are those in force at the
/// end of the block.
/// </summary>
/// <param name="StartSample">First sample of the block (from the start of the transport).</param>
/// <param name="SampleCount">Samples in the block (0 allowed).</param>
/// <param name="StartBeat">Beat position of <see cref="StartSample"/>.</param>
/// <param name="EndBeat">Beat position of the sample just after the block.</param>
/// <param name="Tempo">The tempo the block was played at (after any tempo-following step).</param>
/// <param name="BarLines">Bar lines inside the block: 0, usually 1, more only for blocks longer than a bar.</param>
/// <param name="FirstBarSample">Sample of the first bar line in the block, or −1 when <see cref="BarLines"/> is 0.</param>
/// <param name="FirstBar">Index (from 0) of the bar starting at <see cref="FirstBarSample"/>, or −1.</param>
/// <param name="KeyChanged">A scheduled key change took effect at <see cref="FirstBarSample"/>.</param>
/// <param name="SectionChanged">A scheduled section change took effect at <see cref="FirstBarSample"/>.</param>
/// <param name="MeterChanged">A scheduled meter change took effect at <see cref="FirstBarSample"/>.</param>
/// <param name="Key">The key at the end of the block.</param>
/// <param name="Section">The section at the end of the block.</param>
/// <param name="Meter">The meter at the end of the block.</param>
public readonly record struct TransportBlock(
    long StartSample,
    int SampleCount,
    double StartBeat,
    double EndBeat,
    Bpm Tempo,
    int BarLines,
    long FirstBarSample,
    long FirstBar,
    bool KeyChanged,
    bool SectionChanged,
    bool MeterChanged,
    Scale Key,
    int Section,
    Meter Meter)
{
    /// <summary>True when at least one bar starts inside the block.</summary>
    public bool BarStarted => BarLines > 0;
}
