using System.Diagnostics;
using Echelon.Studio.Web;

namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>
/// Plays the engine's audio thread in tests: a thread that writes 128-frame blocks into an <see cref="AudioBroadcast"/>
/// at a given multiple of real time (or as fast as it can at speed 0), a sine on both
/// channels, or a ramp whose left sample encodes the frame index (<see cref="RampSample"/>) so readers can check
/// every frame they get.
/// </summary>
public sealed class BroadcastWriter : IDisposable
{
    public const int BlockFrames = 128;

    private readonly AudioBroadcast _broadcast;
    private readonly double _speed;
    private readonly long _totalFrames;
    private readonly bool _ramp;
    private readonly double _frequency;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _blocks;

    private BroadcastWriter(AudioBroadcast broadcast, double speed, long totalFrames, bool ramp, double frequency)
    {
        _broadcast = broadcast;
        _speed = speed;
        _totalFrames = totalFrames;
        _ramp = ramp;
        _frequency = frequency;
        _thread = new Thread(Run) { IsBackground = true, Name = "test audio writer" };
    }

    public long Blocks => Interlocked.Read(ref _blocks);

    public bool Finished => !_thread.IsAlive;

    /// <summary>A sine of <paramref name="frequency"/> Hz at −6 dBFS, forever (until disposed) or for <paramref name="totalFrames"/>.</summary>
    public static BroadcastWriter Sine(AudioBroadcast broadcast, double speed = 1, double frequency = 440, long totalFrames = long.MaxValue) =>
        Start(new BroadcastWriter(broadcast, speed, totalFrames, ramp: false, frequency));

    /// <summary>The ramp: frame k's left sample is <see cref="RampSample"/>(k), the right its negation.</summary>
    public static BroadcastWriter Ramp(AudioBroadcast broadcast, double speed = 1, long totalFrames = long.MaxValue) =>
        Start(new BroadcastWriter(broadcast, speed, totalFrames, ramp: true, 0));

    /// <summary>The int16 the ramp writes for frame <paramref name="frame"/>: −16384…16383, repeating.</summary>
    public static short RampSample(long frame) => (short)((frame % 32768) - 16384);

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private static BroadcastWriter Start(BroadcastWriter writer)
    {
        writer._thread.Start();
        return writer;
    }

    private void Run()
    {
        float[] left = new float[BlockFrames];
        float[] right = new float[BlockFrames];
        var clock = Stopwatch.StartNew();
        long frame = 0;
        double phase = 0;
        double step = 2 * Math.PI * _frequency / _broadcast.SampleRate;
        while (!_stop && frame < _totalFrames)
        {
            if (_speed > 0 && frame > clock.Elapsed.TotalSeconds * _broadcast.SampleRate * _speed)
            {
                Thread.Sleep(1);
                continue;
            }

            for (int i = 0; i < BlockFrames; i++)
            {
                if (_ramp)
                {
                    left[i] = RampSample(frame + i) / 32767f;
                    right[i] = -left[i];
                }
                else
                {
                    left[i] = right[i] = (float)(0.5 * Math.Sin(phase));
                    phase += step;
                }
            }

            _broadcast.Write(left, right);
            frame += BlockFrames;
            Interlocked.Increment(ref _blocks);
        }
    }
}
