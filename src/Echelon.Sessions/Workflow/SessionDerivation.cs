using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Sources;
using Echelon.Sessions.Recording;

namespace Echelon.Sessions.Workflow;

/// <summary>
/// Records a source into a session: every sensor frame into its <c>sensors.&lt;device&gt;</c> stream
/// and the Dynamics128 vector of every control tick into <c>dynamics128</c>, both through
/// <see cref="Dynamics128Pump"/>. Replay is the same thing with the recorded session as the source,
/// so a replay through the same builder configuration re-derives a byte-identical dynamics128 stream.
/// </summary>
public static class SessionDerivation
{
    /// <summary>Control rate of the derived stream, Hz.</summary>
    public const double ControlRateHz = 100.0;

    /// <summary>
    /// Records <paramref name="source"/> into a new session folder <paramref name="directory"/>
    /// (which must not exist or be empty). Stops at the source's end or at <paramref name="seconds"/>.
    /// </summary>
    public static async Task<RecordingSummary> RecordAsync(
        ISensorSource source,
        string directory,
        double seconds = double.PositiveInfinity,
        Dynamics128BuilderOptions? builderOptions = null,
        bool pace = false,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        builderOptions ??= new Dynamics128BuilderOptions();
        var builder = new Dynamics128Builder(builderOptions);
        var devices = source.Devices.Select(d => new SessionDevice(d.Id, d.Kind, d.NominalRateHz, d.Description, d.Kind == SensorKind.Skeleton ? d.Skeleton : null)).ToList();
        var options = new SessionRecorderOptions
        {
            Devices = devices,
            Dynamics128Streams = [new SessionStreamInfo(SessionLayout.Dynamics128StreamName, builder.ProducerId, ControlRateHz)],
            SensorProducer = source.Name,
            ConfigHash = builderOptions.ConfigurationHash(),
        };

        long until = double.IsFinite(seconds) ? (long)Math.Round(seconds * 1e9) : long.MaxValue;
        long frames = 0;
        long vectors = 0;
        long lastTime = 0;
        SessionRecorder recorder = SessionRecorder.Create(directory, options);
        await using (recorder.ConfigureAwait(false))
        {
            Dynamics128Pump.Run(
                source,
                builder,
                ControlRateHz,
                frame =>
                {
                    WaitForRoom(recorder);
                    if (recorder.TryAppend(frame))
                    {
                        frames++;
                    }
                },
                vector =>
                {
                    WaitForRoom(recorder);
                    if (recorder.TryAppend(vector))
                    {
                        vectors++;
                    }

                    lastTime = vector.TimeNs;
                },
                until,
                pace,
                cancellation: cancellation);
            await recorder.CompleteAsync().ConfigureAwait(false);
            return new RecordingSummary(directory, frames, vectors, recorder.RecordsDropped, recorder.RecordsRejected, source.RejectedFrames, lastTime * 1e-9);
        }
    }

    /// <summary>
    /// Replays the session in <paramref name="input"/> into a new session <paramref name="output"/>:
    /// the sensor streams are copied record by record and dynamics128 is re-derived.
    /// </summary>
    public static async Task<RecordingSummary> ReplayAsync(string input, string output, Dynamics128BuilderOptions? builderOptions = null, bool pace = false, CancellationToken cancellation = default)
    {
        using var source = new Replay.SessionReplaySource(input);
        return await RecordAsync(source, output, double.PositiveInfinity, builderOptions, pace, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Offline the producer outruns the disk, so it waits for the writer when the queue is three
    /// quarters full instead of losing records (a live producer never waits: it drops and counts).
    /// </summary>
    private static void WaitForRoom(SessionRecorder recorder)
    {
        while (recorder.Pending > recorder.Capacity * 3 / 4 && recorder.Fault is null)
        {
            Thread.Sleep(1);
        }
    }
}
