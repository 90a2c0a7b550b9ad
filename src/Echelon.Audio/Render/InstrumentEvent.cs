namespace Echelon.Audio.Render;

/// <summary>A note for instrument <paramref name="Instrument"/> starting at sample <paramref name="StartSample"/> from the render start.</summary>
public readonly record struct InstrumentEvent(long StartSample, int Instrument, byte Pitch, float Velocity, long DurationSamples);
