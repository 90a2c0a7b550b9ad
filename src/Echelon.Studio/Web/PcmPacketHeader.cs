namespace Echelon.Studio.Web;

/// <summary>The fields of a <see cref="PcmPacket"/> header.</summary>
/// <param name="Sequence">Index of the packet's first frame since the broadcast began.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="Channels">Samples per frame (interleaved).</param>
/// <param name="Frames">Frames in the packet.</param>
/// <param name="Discontinuity">True when frames were skipped (a counted gap) just before this packet.</param>
public readonly record struct PcmPacketHeader(long Sequence, int SampleRate, int Channels, int Frames, bool Discontinuity);
