using System.Net;
using Echelon.Protocols.Midi;
using Echelon.Protocols.Osc;
using Echelon.Protocols.Osc.Transport;
using Echelon.Studio.Configuration;
using Echelon.Studio.Osc;

namespace Echelon.Studio.Engine;

/// <summary>
/// Sends what the engine does to the rest of the rig on its own I/O thread: the OSC mirror for Max, Pd and
/// TouchDesigner (<c>/echelon/latent</c>, <c>/echelon/phase</c>, <c>/echelon/beat</c>, <c>/echelon/coupling</c>,
/// and Wekinator's <c>/wek/outputs</c>), each mapping whose target is an OSC address, and each mapping whose target is
/// a MIDI control change (sent only when its 7-bit value changes).
/// </summary>
/// <remarks>
/// It reads the engine's telemetry like any other reader, so the control thread never waits on a socket or a MIDI
/// port. Beats are found where the transport's θ wraps. The phase message's second value is the lock between the
/// dancer and the music, ½(1 + cos(ψ − θ)): 1 when in phase, 0 when opposite.
/// </remarks>
public sealed class ControlOutputs : IDisposable
{
    private readonly IStudioRuntime _runtime;
    private readonly Func<IReadOnlyList<ControlMapping>> _mappings;
    private readonly EchelonOscMirror? _mirror;
    private readonly OscUdpSender? _osc;
    private readonly Func<MidiMessage, bool>? _midi;
    private readonly TelemetrySnapshot _snapshot;
    private readonly float[] _latent;
    private readonly float[] _composer = new float[4];
    private readonly int[] _lastCc = new int[TelemetrySnapshot.MaxMappings];
    private readonly byte[] _buffer = new byte[512];
    private readonly double _rateHz;
    private Thread? _thread;
    private volatile bool _running;
    private long _lastFrame = -1;
    private double _lastTheta = double.NaN;
    private int _beats;

    /// <summary>
    /// Sends to <paramref name="oscTarget"/> (the mirror and OSC mappings; none when null), Wekinator outputs to
    /// <paramref name="wekinator"/>, MIDI through <paramref name="midi"/> (e.g. an open RtMidi output's TrySend), at
    /// <paramref name="rateHz"/>.
    /// </summary>
    public ControlOutputs(IStudioRuntime runtime, Func<IReadOnlyList<ControlMapping>> mappings, IPEndPoint? oscTarget, IPEndPoint? wekinator = null, Func<MidiMessage, bool>? midi = null, double rateHz = 60)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentOutOfRangeException.ThrowIfLessThan(rateHz, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rateHz, 1000);
        _runtime = runtime;
        _mappings = mappings;
        _snapshot = runtime.CreateTelemetrySnapshot();
        _latent = new float[_snapshot.Fast.Length];
        _mirror = oscTarget is null ? null : new EchelonOscMirror(oscTarget, wekinator);
        _osc = oscTarget is null ? null : new OscUdpSender(oscTarget);
        _midi = midi;
        _rateHz = rateHz;
        _lastCc.AsSpan().Fill(-1);
    }

    /// <summary>OSC datagrams sent (mirror and mappings).</summary>
    public long OscSent => (_mirror?.Sent ?? 0) + (_osc?.SentCount ?? 0);

    /// <summary>MIDI messages sent.</summary>
    public long MidiSent { get; private set; }

    /// <summary>MIDI messages the port refused.</summary>
    public long MidiFailures { get; private set; }

    /// <summary>Beats announced.</summary>
    public int Beats => _beats;

    /// <summary>Starts the output thread.</summary>
    public void Start()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        _thread = new Thread(Run) { IsBackground = true, Name = "echelon-outputs" };
        _thread.Start();
    }

    /// <summary>Sends what the newest telemetry holds, once (the thread calls it at the rate; tests call it directly).</summary>
    public void Step()
    {
        if (!_runtime.TryReadTelemetry(_snapshot) || _snapshot.Frame == _lastFrame)
        {
            return;
        }

        _lastFrame = _snapshot.Frame;
        TelemetrySnapshot t = _snapshot;
        bool beat = !double.IsNaN(_lastTheta) && t.Theta < _lastTheta - Math.PI;
        _lastTheta = t.Theta;
        if (_mirror is not null)
        {
            for (int i = 0; i < _latent.Length; i++)
            {
                _latent[i] = (float)t.Fast[i];
            }

            _mirror.Latent(_latent);
            _mirror.Phase((float)t.Theta, (float)(0.5 * (1 + Math.Cos(t.Psi - t.Theta))));
            _mirror.Coupling((float)t.Phi);
            _composer[0] = (float)t.Intensity;
            _composer[1] = (float)t.Density;
            _composer[2] = (float)t.Brightness;
            _composer[3] = (float)t.Tension;
            _mirror.WekinatorOutputs(_composer);
            if (beat)
            {
                _mirror.Beat(_beats, (float)t.Bpm);
            }
        }

        if (beat)
        {
            _beats++;
        }

        IReadOnlyList<ControlMapping> mappings = _mappings();
        int count = Math.Min(mappings.Count, t.MappingCount);
        for (int i = 0; i < count; i++)
        {
            ControlMapping m = mappings[i];
            double value = t.MappingOutputs[i];
            if (m.Target.Kind == MappingTargetKind.Osc && _osc is not null)
            {
                var w = new OscWriter(_buffer);
                w.BeginMessage(m.Target.Name, ",f");
                w.WriteFloat32((float)value);
                w.EndMessage();
                _osc.Send(w.WrittenSpan);
            }
            else if (m.Target.Kind == MappingTargetKind.MidiCc && _midi is not null)
            {
                int cc = (int)Math.Round(Math.Clamp(value, 0, 127));
                if (cc != _lastCc[i])
                {
                    _lastCc[i] = cc;
                    if (_midi(MidiMessage.ControlChange(new MidiChannel(m.Target.Channel - 1), new SevenBit(m.Target.Controller), new SevenBit(cc))))
                    {
                        MidiSent++;
                    }
                    else
                    {
                        MidiFailures++;
                    }
                }
            }
        }
    }

    /// <summary>Stops the thread and closes the sockets.</summary>
    public void Dispose()
    {
        _running = false;
        _thread?.Join();
        _mirror?.Dispose();
        _osc?.Dispose();
    }

    private void Run()
    {
        var period = TimeSpan.FromSeconds(1 / _rateHz);
        while (_running)
        {
            Step();
            Thread.Sleep(period);
        }
    }
}
