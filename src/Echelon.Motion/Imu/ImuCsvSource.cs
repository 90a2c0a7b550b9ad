using Echelon.Motion.Frames;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Imu;

/// <summary>
/// A sensor source over an IMU CSV (the Oxford step-counter layout or a Sensor Logger export; see
/// <see cref="ImuCsvReader"/>): one device (<c>phone</c> unless <see cref="ImuCsvOptions.DeviceId"/>
/// says otherwise) of kind <see cref="SensorKind.Imu"/>, its nominal rate from the median timestamp
/// step. Frames carry the file's timestamp as <see cref="SensorFrame.DeviceTimeNs"/> and the time
/// since the file's first timestamp as <see cref="SensorFrame.HostTimeNs"/>.
/// </summary>
/// <remarks>
/// The constructor reads and checks the whole file, so a format error surfaces before the first
/// frame, never in the middle of a session; build it off the clock thread. <see cref="FrameListSource.TryRead"/>
/// then only walks a list and does not allocate. Single consumer; not thread-safe.
/// </remarks>
public sealed class ImuCsvSource : FrameListSource
{
    /// <summary>Reads <paramref name="path"/> (a file, or a Sensor Logger export folder).</summary>
    /// <exception cref="MotionFormatException">The input does not fit its layout.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public ImuCsvSource(string path, ImuCsvOptions? options = null)
        : this(path, options ?? ImuCsvOptions.Default, ImuCsvReader.Read(path, options ?? ImuCsvOptions.Default))
    {
    }

    private ImuCsvSource(string path, ImuCsvOptions options, ImuCsvRecording recording)
        : base("imu-csv:" + path, recording.Frames)
    {
        Recording = recording;
        string description = Recording.Layout == ImuCsvLayout.OxfordStepCounter
            ? $"Oxford step-counter CSV {System.IO.Path.GetFileName(path)}"
            : $"Sensor Logger export {System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path))}";
        Devices = [new SensorDevice(options.DeviceId, SensorKind.Imu, Recording.NominalRateHz, description)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<SensorDevice> Devices { get; }

    /// <inheritdoc />
    public override long RejectedFrames => Recording.RejectedFrames;

    /// <summary>Everything the reader found: layout, counts, the sign convention applied.</summary>
    public ImuCsvRecording Recording { get; }

    /// <summary>Ground-truth step instants, nanoseconds of session time (Oxford layout; empty otherwise).</summary>
    public IReadOnlyList<long> GroundTruthStepTimesNs => Recording.GroundTruthStepTimesNs;
}
