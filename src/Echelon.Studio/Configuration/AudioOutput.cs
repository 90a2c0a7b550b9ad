namespace Echelon.Studio.Configuration;

/// <summary>Where the studio's audio goes besides the WebSocket stream and the recorder (<c>audio.output</c>).</summary>
public enum AudioOutput
{
    /// <summary><c>portaudio</c>: the sound card through PortAudio (CoreAudio, WASAPI/ASIO, ALSA or JACK underneath).</summary>
    PortAudio = 0,

    /// <summary><c>none</c>: no device; the render loop runs on a virtual clock (headless machines, tests, streaming only).</summary>
    None = 1,
}
