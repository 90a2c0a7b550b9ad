using Echelon.Studio.Engine;
using Prometheus;

namespace Echelon.Studio.Web;

/// <summary>
/// <c>/metrics</c>: the engine's counters, the audio broadcast's listeners and gaps, the telemetry and sensor
/// clients, devices and the recorder, in the Prometheus text format (prometheus-net, one registry per host so
/// two hosts in one process never share a series). Values are read from their owners just before each scrape.
/// </summary>
/// <remarks>Thread-safe (prometheus-net serialises collection).</remarks>
internal sealed class StudioMetrics
{
    /// <summary>The content type of the Prometheus text exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    public StudioMetrics(IStudioRuntime runtime, AudioBroadcast audio, WebCounters web)
    {
        MetricFactory metrics = Metrics.WithCustomRegistry(_registry);

        Counter controlFrames = metrics.CreateCounter("echelon_control_frames_total", "Control frames the engine has run.");
        Counter controlOverruns = metrics.CreateCounter("echelon_control_overruns_total", "Control frames that took longer than their budget.");
        Counter skippedSlowSolves = metrics.CreateCounter("echelon_skipped_slow_solves_total", "Beat-rate slow solves skipped to recover from an overrun.");
        Counter audioBlocks = metrics.CreateCounter("echelon_audio_blocks_total", "Audio blocks rendered.");
        Counter xruns = metrics.CreateCounter("echelon_xruns_total", "Output underflows the audio device reported.");
        Counter audioOverruns = metrics.CreateCounter("echelon_audio_overruns_total", "Audio callbacks that took longer than their block.");
        Counter audioFallbacks = metrics.CreateCounter("echelon_audio_fallbacks_total", "Falls back to the null output after losing the audio device.");
        Counter lateNotes = metrics.CreateCounter("echelon_late_notes_total", "Notes that reached the audio thread after their start.");
        Counter droppedNotes = metrics.CreateCounter("echelon_dropped_notes_total", "Notes dropped because the control-to-audio ring was full.");
        Counter sensorFrames = metrics.CreateCounter("echelon_sensor_frames_total", "Sensor frames the engine took in.");
        Counter droppedSensorFrames = metrics.CreateCounter("echelon_dropped_sensor_frames_total", "Sensor frames dropped because the sensor queue was full.");
        Counter rejectedSensorFrames = metrics.CreateCounter("echelon_rejected_sensor_frames_total", "Sensor frames the engine rejected as unusable.");
        Counter expressUpdates = metrics.CreateCounter("echelon_express_updates_total", "Times sensor frames were answered between control frames by the express mappings.");

        Gauge devices = metrics.CreateGauge("echelon_devices", "Sensor devices seen or registered.");
        Gauge recording = metrics.CreateGauge("echelon_recorder_recording", "1 while a take is being recorded, else 0.");
        Gauge records = metrics.CreateGauge("echelon_recorder_records", "Records written in the current take.");
        Gauge recordsDropped = metrics.CreateGauge("echelon_recorder_dropped_records", "Records dropped in the current take because the writer fell behind.");

        Gauge audioClients = metrics.CreateGauge("echelon_web_audio_clients", "Listeners on /ws/audio now.");
        Counter audioRefused = metrics.CreateCounter("echelon_web_audio_clients_refused_total", "Listeners refused because the client limit was reached.");
        Counter audioGaps = metrics.CreateCounter("echelon_web_audio_gaps_total", "Times a listener fell a ring behind and skipped to the newest audio.");
        Counter audioGapFrames = metrics.CreateCounter("echelon_web_audio_gap_frames_total", "Audio frames listeners skipped.");
        Counter audioPackets = metrics.CreateCounter("echelon_web_audio_packets_total", "PCM packets sent to listeners.");
        Counter audioFrames = metrics.CreateCounter("echelon_web_audio_frames_written_total", "Frames the engine wrote into the audio broadcast.");
        Counter audioNonFinite = metrics.CreateCounter("echelon_web_audio_nonfinite_samples_total", "NaN or infinite samples replaced with silence in the broadcast.");
        Counter audioClipped = metrics.CreateCounter("echelon_web_audio_clipped_samples_total", "Samples outside -1..1 clipped in the broadcast.");

        Gauge telemetryClients = metrics.CreateGauge("echelon_web_telemetry_clients", "Clients on /ws/telemetry now.");
        Counter telemetryMessages = metrics.CreateCounter("echelon_web_telemetry_messages_total", "Telemetry messages sent.");

        Gauge sensorClients = metrics.CreateGauge("echelon_web_sensor_clients", "Phones connected to /ws/sensors now.");
        Counter sensorMessages = metrics.CreateCounter("echelon_web_sensor_messages_total", "Sensor messages accepted from phones.");
        Counter sensorRejected = metrics.CreateCounter("echelon_web_sensor_messages_rejected_total", "Sensor messages rejected as malformed or out of range.");
        Counter sensorDropped = metrics.CreateCounter("echelon_web_sensor_frames_dropped_total", "Valid phone frames the engine's sensor queue dropped.");
        Counter tokenRejected = metrics.CreateCounter("echelon_web_pairing_rejected_total", "Requests and sockets refused for a missing or wrong pairing token.");

        _registry.AddBeforeCollectCallback(() =>
        {
            EngineCounters c = runtime.Counters;
            controlFrames.IncTo(c.ControlFrames);
            controlOverruns.IncTo(c.ControlOverruns);
            skippedSlowSolves.IncTo(c.SkippedSlowSolves);
            audioBlocks.IncTo(c.AudioBlocks);
            xruns.IncTo(c.Xruns);
            audioOverruns.IncTo(c.AudioOverruns);
            audioFallbacks.IncTo(c.AudioFallbacks);
            lateNotes.IncTo(c.LateNotes);
            droppedNotes.IncTo(c.DroppedNotes);
            sensorFrames.IncTo(c.SensorFrames);
            droppedSensorFrames.IncTo(c.DroppedSensorFrames);
            rejectedSensorFrames.IncTo(c.RejectedSensorFrames);
            expressUpdates.IncTo(c.ExpressUpdates);

            devices.Set(runtime.Devices.Count);
            RecorderStatus recorder = runtime.Recorder;
            recording.Set(recorder.Recording ? 1 : 0);
            records.Set(recorder.Records);
            recordsDropped.Set(recorder.Dropped);

            audioClients.Set(audio.Readers);
            audioRefused.IncTo(audio.ReadersRefused);
            audioGaps.IncTo(audio.Gaps);
            audioGapFrames.IncTo(audio.GapFrames);
            audioPackets.IncTo(web.AudioPackets);
            audioFrames.IncTo(audio.FramesWritten);
            audioNonFinite.IncTo(audio.NonFiniteSamples);
            audioClipped.IncTo(audio.ClippedSamples);

            telemetryClients.Set(web.TelemetryClients);
            telemetryMessages.IncTo(web.TelemetryMessages);
            sensorClients.Set(web.SensorClients);
            sensorMessages.IncTo(web.SensorMessages);
            sensorRejected.IncTo(web.SensorRejected);
            sensorDropped.IncTo(web.SensorDropped);
            tokenRejected.IncTo(web.TokenRejected);
        });
    }

    /// <summary>Writes every series in the Prometheus text format.</summary>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken) =>
        _registry.CollectAndExportAsTextAsync(destination, cancellationToken);
}
