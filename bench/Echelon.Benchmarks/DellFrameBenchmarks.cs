using BenchmarkDotNet.Attributes;
using Echelon.Core.Dell;
using Echelon.Core.Signals;

namespace Echelon.Benchmarks;

/// <summary>One whole DELL control frame (fast solve, phase head, loop, and the slow solve on beats).</summary>
[MemoryDiagnoser]
public class DellFrameBenchmarks
{
    private const int Input = 128;
    private DellCoordinator _dell = null!;
    private double[][] _inputs = null!;
    private bool[] _beats = null!;
    private int _frame;

    [Params(64, 128)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dell = new DellCoordinator(DellParameters.CreateDefault(Dimension, Input, 42));
        var signal = new RhythmicTestSignal(new RhythmicSignalOptions { Bpm = 120, Seconds = 20, Seed = 3 });
        _inputs = new double[signal.FrameCount][];
        _beats = new bool[signal.FrameCount];
        for (int i = 0; i < signal.FrameCount; i++)
        {
            _inputs[i] = new double[Input];
            signal.Next(_inputs[i], out RhythmicFrame frame);
            _beats[i] = frame.TransportBeat;
        }
    }

    [Benchmark(Description = "DELL frame")]
    public double Frame()
    {
        _frame = (_frame + 1) % _inputs.Length;
        return _dell.Step(_inputs[_frame], 120.0, _beats[_frame]).Phase;
    }
}
