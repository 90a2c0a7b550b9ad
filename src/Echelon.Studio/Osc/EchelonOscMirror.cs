using System.Net;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;

namespace Echelon.Studio.Osc;

/// <summary>
/// Mirrors what Echelon hears and decides to Max, Pd, TouchDesigner or any OSC program:
/// <c>/echelon/latent f…</c>, <c>/echelon/phase θ coherence</c>, <c>/echelon/beat index bpm</c>,
/// <c>/echelon/coupling f</c> and <c>/echelon/gesture name confidence</c> to one address, and the latent
/// as Wekinator's <c>/wek/outputs f…</c> to another (Wekinator listens on port 12000 by default).
/// </summary>
/// <remarks>
/// Every message is encoded into a buffer allocated once and sent as one datagram: after the first call of
/// each kind the mirror allocates nothing, so a control thread may call it every frame. Not thread-safe.
/// </remarks>
public sealed class EchelonOscMirror : IDisposable
{
    /// <summary>The most floats one latent message carries.</summary>
    public const int MaxLatent = 512;

    /// <summary>Wekinator's default input port for outputs of other programs.</summary>
    public const int WekinatorPort = 12000;

    private readonly OscUdpSender _target;
    private readonly OscUdpSender? _wekinator;
    private readonly byte[] _buffer = new byte[OscWriter.GetStringSize("/echelon/latent") + OscWriter.GetStringSize(new string('f', MaxLatent + 1)) + (4 * MaxLatent) + 64];
    private readonly char[] _tags = new char[MaxLatent + 1];

    /// <summary>Sends to <paramref name="target"/> and, when given, Wekinator outputs to <paramref name="wekinator"/>.</summary>
    public EchelonOscMirror(IPEndPoint target, IPEndPoint? wekinator = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = new OscUdpSender(target);
        _wekinator = wekinator is null ? null : new OscUdpSender(wekinator);
        _tags[0] = ',';
        _tags.AsSpan(1).Fill('f');
    }

    /// <summary>Datagrams sent to the main target.</summary>
    public long Sent => _target.SentCount;

    /// <summary>The latent state, up to <see cref="MaxLatent"/> values.</summary>
    public void Latent(ReadOnlySpan<float> values) => Floats(_target, "/echelon/latent", values);

    /// <summary>The Wekinator outputs (does nothing without a Wekinator address).</summary>
    public void WekinatorOutputs(ReadOnlySpan<float> values)
    {
        if (_wekinator is not null)
        {
            Floats(_wekinator, "/wek/outputs", values);
        }
    }

    /// <summary>The dancer's beat phase θ in radians [0, 2π) and the lock's coherence [0, 1].</summary>
    public void Phase(float theta, float coherence)
    {
        var w = new OscWriter(_buffer);
        w.BeginMessage("/echelon/phase", ",ff");
        w.WriteFloat32(theta);
        w.WriteFloat32(coherence);
        w.EndMessage();
        _target.Send(w.WrittenSpan);
    }

    /// <summary>A beat: its index from the start and the tempo.</summary>
    public void Beat(int index, float bpm)
    {
        var w = new OscWriter(_buffer);
        w.BeginMessage("/echelon/beat", ",if");
        w.WriteInt32(index);
        w.WriteFloat32(bpm);
        w.EndMessage();
        _target.Send(w.WrittenSpan);
    }

    /// <summary>The strength of the coupling between body and music.</summary>
    public void Coupling(float value)
    {
        var w = new OscWriter(_buffer);
        w.BeginMessage("/echelon/coupling", ",f");
        w.WriteFloat32(value);
        w.EndMessage();
        _target.Send(w.WrittenSpan);
    }

    /// <summary>A recognised gesture and how sure the recogniser is.</summary>
    public void Gesture(ReadOnlySpan<char> name, float confidence)
    {
        var w = new OscWriter(_buffer);
        w.BeginMessage("/echelon/gesture", ",sf");
        w.WriteString(name);
        w.WriteFloat32(confidence);
        w.EndMessage();
        _target.Send(w.WrittenSpan);
    }

    /// <summary>Closes the sockets.</summary>
    public void Dispose()
    {
        _target.Dispose();
        _wekinator?.Dispose();
    }

    private void Floats(OscUdpSender sender, string address, ReadOnlySpan<float> values)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Length, MaxLatent, nameof(values));
        var w = new OscWriter(_buffer);
        w.BeginMessage(address, _tags.AsSpan(0, values.Length + 1));
        foreach (float v in values)
        {
            w.WriteFloat32(v);
        }

        w.EndMessage();
        sender.Send(w.WrittenSpan);
    }
}
