using System.Buffers;
using System.Text.Json;
using Echelon.Music.Theory;
using Echelon.Studio.Engine;

namespace Echelon.Studio.Web;

/// <summary>
/// Builds one <c>/ws/telemetry</c> message: the newest <see cref="TelemetrySnapshot"/> (with the k_used histogram and
/// the mix and stem meters), the controls and agent levels, the devices, the recorder and the audio stream, as UTF-8
/// JSON written with <see cref="Utf8JsonWriter"/> into a buffer reused from message to message. Schema in design
/// note 0016; non-finite numbers are written as null.
/// </summary>
/// <remarks>One per client; not thread-safe. I/O thread.</remarks>
internal sealed class TelemetryWriter : IDisposable
{
    private readonly IStudioRuntime _runtime;
    private readonly AudioBroadcast _audio;
    private readonly TelemetrySnapshot _snapshot;
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private readonly Utf8JsonWriter _json;
    private long _sequence;

    public TelemetryWriter(IStudioRuntime runtime, AudioBroadcast audio)
    {
        _runtime = runtime;
        _audio = audio;
        _snapshot = runtime.CreateTelemetrySnapshot();
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = false });
    }

    public void Dispose() => _json.Dispose();

    /// <summary>Writes the next message; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Next()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        Utf8JsonWriter w = _json;
        bool ready = _runtime.TryReadTelemetry(_snapshot);
        TelemetrySnapshot s = _snapshot;

        w.WriteStartObject();
        w.WriteString("type", "telemetry");
        w.WriteNumber("seq", _sequence++);
        w.WriteBoolean("ready", ready);
        if (ready)
        {
            w.WriteNumber("frame", s.Frame);
            Number(w, "t", s.TimeSeconds);
            Number(w, "psi", s.Psi);
            Number(w, "theta", s.Theta);
            Number(w, "phi", s.Phi);
            w.WriteNumber("kUsed", s.KUsed);
            w.WriteNumber("kMax", s.KMax);
            w.WriteStartArray("kHistogram");
            foreach (long count in s.KUsedHistogram)
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
            Number(w, "residual", s.Residual);
            Number(w, "bpm", s.Bpm);
            Number(w, "targetBpm", s.TargetBpm);
            Number(w, "dancerBpm", s.DancerBpm);
            Number(w, "intensity", s.Intensity);
            Number(w, "density", s.Density);
            Number(w, "brightness", s.Brightness);
            Number(w, "tension", s.Tension);
            w.WriteNumber("audioPosition", s.AudioPosition);
            Vector(w, "x", s.Fast);
            Vector(w, "y", s.Slow);
        }

        StudioControls controls = _runtime.Controls;
        w.WriteStartObject("levels");
        if (ready)
        {
            Number(w, "peakDbfs", s.PeakDbfs);
            Number(w, "rmsDbfs", s.RmsDbfs);
            w.WriteStartObject("stems");
            IReadOnlyList<string> stems = StudioControls.AgentNames;
            for (int i = 0; i < stems.Count; i++)
            {
                w.WriteStartObject(stems[i]);
                Number(w, "peakDbfs", s.StemPeakDbfs[i]);
                Number(w, "rmsDbfs", s.StemRmsDbfs[i]);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("agents");
        foreach ((string name, AgentControl agent) in controls.Agents)
        {
            w.WriteStartObject(name);
            w.WriteBoolean("mute", agent.Mute);
            Number(w, "level", agent.Level);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("controls");
        w.WriteString("key", KeyName.Format(controls.Key));
        w.WriteString("mode", ModeNames.Format(controls.Mode));
        Number(w, "bpm", controls.Bpm.Value);
        Number(w, "intensity", controls.Intensity);
        w.WriteEndObject();

        w.WriteStartArray("devices");
        foreach (DeviceStatus d in _runtime.Devices)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("kind", d.Kind);
            w.WriteString("source", d.Source);
            Number(w, "rateHz", d.RateHz);
            if (d.LastSeenSeconds is { } seen && double.IsFinite(seen))
            {
                w.WriteNumber("lastSeen", seen);
            }
            else
            {
                w.WriteNull("lastSeen");
            }

            w.WriteNumber("frames", d.Frames);
            w.WriteNumber("dropouts", d.Dropouts);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        RecorderStatus recorder = _runtime.Recorder;
        w.WriteStartObject("recorder");
        w.WriteBoolean("recording", recorder.Recording);
        w.WriteString("directory", recorder.Directory);
        w.WriteNumber("records", recorder.Records);
        w.WriteNumber("dropped", recorder.Dropped);
        w.WriteEndObject();

        w.WriteStartObject("stream");
        w.WriteNumber("listeners", _audio.Readers);
        w.WriteNumber("gaps", _audio.Gaps);
        w.WriteNumber("gapFrames", _audio.GapFrames);
        w.WriteEndObject();

        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenMemory;
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Vector(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                w.WriteNumberValue(v);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }
}
