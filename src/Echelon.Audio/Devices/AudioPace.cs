namespace Echelon.Audio.Devices;

/// <summary>How fast <see cref="NullAudioOutput"/> asks for blocks.</summary>
public enum AudioPace
{
    /// <summary>One block per block duration on the wall clock, as a sound card would: <c>--audio none</c>.</summary>
    RealTime,

    /// <summary>Block after block with no waiting: tests and offline runs.</summary>
    AsFastAsPossible,
}
