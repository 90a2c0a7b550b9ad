namespace Echelon.Studio.Web;

/// <summary>What <c>GET /api/v1/audio</c> says about the <c>/ws/audio</c> stream.</summary>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="Channels">Samples per frame (2: left, right).</param>
/// <param name="PacketVersion">The <see cref="PcmPacket"/> version sent.</param>
/// <param name="HeaderBytes">Bytes before the first sample in each packet.</param>
/// <param name="CapacityFrames">Ring length: how far a listener may fall behind before it skips ahead.</param>
/// <param name="Listeners">Listeners now.</param>
/// <param name="ListenerLimit">Most listeners at once.</param>
/// <param name="FramesWritten">Frames the engine has written.</param>
/// <param name="Gaps">Times a listener fell a ring behind and skipped ahead.</param>
/// <param name="GapFrames">Frames listeners skipped.</param>
public sealed record AudioView(
    int SampleRate,
    int Channels,
    int PacketVersion,
    int HeaderBytes,
    int CapacityFrames,
    int Listeners,
    int ListenerLimit,
    long FramesWritten,
    long Gaps,
    long GapFrames);
