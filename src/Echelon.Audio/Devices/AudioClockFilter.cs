using System.Diagnostics;

namespace Echelon.Audio.Devices;

/// <summary>
/// Smooths an audio output's block timestamps into a steady line from sample position to <see cref="Stopwatch"/>
/// time: a second-order delay-locked loop (F. Adriaensen, "Using a DLL to filter time", LAC 2005, as JACK does).
/// A device calls back late by a varying amount (scheduling, the driver's own timer); the loop averages that lateness
/// away and follows the real ratio of the device's crystal to the CPU's, so whoever paces itself on the audio clock
/// (the control thread) sees a clock that jitters microseconds instead of milliseconds.
/// </summary>
/// <remarks>
/// <para>
/// Each reading (block start position p, timestamp t) is compared with the loop's prediction t̂ = t₀ + (p − p₀)·r;
/// with e = t − t̂ the loop moves its line by b·e and its rate by c·e per sample of the block, b = √2·ω and c = ω²,
/// ω = 2π·B·Δ (B the bandwidth in Hz, Δ the block's duration in seconds): critically damped, it settles in about
/// 1/B seconds. Blocks may differ in size. A reading further than <see cref="ResetTicks"/> from the prediction (a
/// stall, a switch of device) restarts the loop from that reading.
/// </para>
/// <para>
/// Single-threaded: the audio thread updates it; <see cref="Predict"/> reads its state on the same thread. Publish
/// what others need (a seqlocked reading). No allocation.
/// </para>
/// </remarks>
public sealed class AudioClockFilter
{
    private readonly double _nominalTicksPerSample;
    private readonly double _bandwidthHz;
    private readonly int _sampleRate;
    private long _position;
    private double _time;
    private double _ticksPerSample;
    private bool _started;

    /// <summary>A loop for a clock of <paramref name="sampleRate"/> samples per second.</summary>
    /// <param name="sampleRate">The output's nominal rate, Hz (1–768000).</param>
    /// <param name="bandwidthHz">The loop's bandwidth, Hz (0.01–50): lower smooths more and follows drift more slowly.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the message names it).</exception>
    public AudioClockFilter(int sampleRate, double bandwidthHz = 1.0)
    {
        if (sampleRate is < 1 or > 768_000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"{nameof(sampleRate)} must be 1–768000 Hz");
        }

        if (!(bandwidthHz is >= 0.01 and <= 50))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidthHz), bandwidthHz, $"{nameof(bandwidthHz)} must be 0.01–50 Hz");
        }

        _sampleRate = sampleRate;
        _bandwidthHz = bandwidthHz;
        _nominalTicksPerSample = Stopwatch.Frequency / (double)sampleRate;
        _ticksPerSample = _nominalTicksPerSample;
        ResetTicks = (long)(0.020 * Stopwatch.Frequency);
    }

    /// <summary>How far a reading may stray from the prediction before the loop restarts from it: 20 ms of ticks.</summary>
    public long ResetTicks { get; init; }

    /// <summary>Whether the loop has had a reading.</summary>
    public bool IsStarted => _started;

    /// <summary>Times the loop restarted from a reading after the first (stalls, device switches).</summary>
    public long Restarts { get; private set; }

    /// <summary>The loop's estimate of <see cref="Stopwatch"/> ticks per sample (the nominal one before any reading).</summary>
    public double TicksPerSample => _ticksPerSample;

    /// <summary>
    /// Takes the block starting at <paramref name="position"/> whose output asked for it at <paramref name="timestamp"/>
    /// (<see cref="Stopwatch"/> ticks) and returns the filtered time of that block start.
    /// </summary>
    public long Update(long position, long timestamp)
    {
        if (!_started || position <= _position)
        {
            Restart(position, timestamp, counted: _started);
            return timestamp;
        }

        long samples = position - _position;
        double predicted = _time + (samples * _ticksPerSample);
        double error = timestamp - predicted;
        if (Math.Abs(error) > ResetTicks)
        {
            Restart(position, timestamp, counted: true);
            return timestamp;
        }

        double omega = 2 * Math.PI * _bandwidthHz * samples / _sampleRate;
        _time = predicted + (Math.Sqrt(2) * omega * error);
        _ticksPerSample += omega * omega * error / samples;
        _position = position;
        return (long)Math.Round(_time);
    }

    /// <summary>The filtered <see cref="Stopwatch"/> time at which sample <paramref name="position"/> is due (0 before any reading).</summary>
    public long Predict(long position) =>
        _started ? (long)Math.Round(_time + ((position - _position) * _ticksPerSample)) : 0;

    private void Restart(long position, long timestamp, bool counted)
    {
        if (counted)
        {
            Restarts++;
        }

        _position = position;
        _time = timestamp;
        _ticksPerSample = _nominalTicksPerSample;
        _started = true;
    }
}
