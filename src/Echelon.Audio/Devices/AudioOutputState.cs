namespace Echelon.Audio.Devices;

/// <summary>Where an audio output is in its life.</summary>
public enum AudioOutputState
{
    /// <summary>Not started, or stopped: no callbacks.</summary>
    Stopped,

    /// <summary>Calling the render callback block after block.</summary>
    Running,

    /// <summary>The device went away while running (unplugged, server gone, the callbacks stopped). Final: open a new output.</summary>
    Failed,
}
