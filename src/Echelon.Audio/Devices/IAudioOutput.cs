using System.Diagnostics.CodeAnalysis;

namespace Echelon.Audio.Devices;

/// <summary>
/// A place rendered audio goes in real time, block by block: a sound device (<see cref="PortAudioOutput"/>), no device
/// on a wall clock (<see cref="NullAudioOutput"/>), or a device that falls back to none (<see cref="FallbackAudioOutput"/>).
/// The output owns the audio thread and the sample clock; the engine is its <see cref="IAudioRenderCallback"/>.
/// </summary>
/// <remarks>
/// <para>
/// Threading: <see cref="Start"/>, <see cref="Stop"/> and <see cref="IDisposable.Dispose"/> are for one control thread
/// (they are safe to call from any thread but the audio thread, which they may wait for). Every property may be read
/// from any thread at any time; counters are read atomically and only ever grow. <see cref="Failed"/> is raised once,
/// on a monitoring thread of the output's, never on the audio thread.
/// </para>
/// <para>
/// Counters: <see cref="Xruns"/> are gaps the device itself reports (it played silence because a block came late);
/// <see cref="Overruns"/> are blocks whose render took longer than the block lasts (the cause of most xruns, counted
/// where we can see it); <see cref="RenderFaults"/> are blocks the callback threw on and that played as silence.
/// </para>
/// </remarks>
public interface IAudioOutput : IDisposable
{
    /// <summary>Raised once when a running output loses its device (<see cref="State"/> is then <see cref="AudioOutputState.Failed"/>).</summary>
    event EventHandler? Failed;

    /// <summary>What this output plays to, for people: "JACK Audio Connection Kit: system", "null (real time)".</summary>
    string Name { get; }

    /// <summary>Frames per second.</summary>
    int SampleRate { get; }

    /// <summary>Frames per render callback.</summary>
    int BlockSize { get; }

    /// <summary>Stopped, running or failed.</summary>
    AudioOutputState State { get; }

    /// <summary>True while the output is calling the render callback (<see cref="State"/> is <see cref="AudioOutputState.Running"/>).</summary>
    bool IsRunning { get; }

    /// <summary>Why the output failed, in words a person can act on; null unless <see cref="State"/> is <see cref="AudioOutputState.Failed"/>.</summary>
    string? FailureReason { get; }

    /// <summary>The sample position of the next frame to render: where the last <see cref="Start"/> began plus what has been rendered since.</summary>
    long SamplePosition { get; }

    /// <summary>Frames rendered over this output's life.</summary>
    long SamplesRendered { get; }

    /// <summary>Gaps the device reported (output underflow or overflow): each is one callback that followed a gap.</summary>
    long Xruns { get; }

    /// <summary>Blocks whose render did not finish within one block's duration.</summary>
    long Overruns { get; }

    /// <summary>Blocks the render callback threw on; each played as silence.</summary>
    long RenderFaults { get; }

    /// <summary>
    /// Starts calling <paramref name="callback"/> for block after block, the first at sample position
    /// <paramref name="firstSample"/>. Calling it again while running with the same callback does nothing.
    /// </summary>
    /// <exception cref="AudioDeviceException">The device would not start.</exception>
    /// <exception cref="InvalidOperationException">Already running with another callback, or the output has failed.</exception>
    /// <exception cref="ObjectDisposedException">The output is disposed.</exception>
    void Start(IAudioRenderCallback callback, long firstSample = 0);

    /// <summary>Stops the callbacks; when it returns, none is running or will run. Does nothing when not running.</summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Stop is a keyword in Visual Basic only; Start and Stop are the pair every audio API uses, and Echelon is C#.")]
    void Stop();
}
