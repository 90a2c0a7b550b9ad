using Echelon.Audio.Analysis;

namespace Echelon.Audio.Tests.Analysis;

/// <summary>Keeps everything an analyzer reports, in order.</summary>
internal sealed class RecordingSink : IListeningSink
{
    public List<ListeningFrame> Frames { get; } = [];

    public List<(double Seconds, float Strength)> Onsets { get; } = [];

    public List<(double Seconds, double Bpm)> Beats { get; } = [];

    public List<(long Index, PitchEstimate Estimate)> Pitch { get; } = [];

    public void OnFrame(in ListeningFrame frame) => Frames.Add(frame);

    public void OnOnset(double seconds, float strength) => Onsets.Add((seconds, strength));

    public void OnBeat(double seconds, double tempoBpm) => Beats.Add((seconds, tempoBpm));

    public void OnPitch(long index, in PitchEstimate estimate) => Pitch.Add((index, estimate));
}
