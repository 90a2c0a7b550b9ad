using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>
/// Parameter validation shared by the kernels. It runs when a parameter is set, never inside
/// <c>Process</c>; every failure names the parameter and its allowed range.
/// </summary>
internal static class DspGuard
{
    /// <summary>The lowest sample rate a kernel accepts, in Hz.</summary>
    public const int MinSampleRate = 8_000;

    /// <summary>The highest sample rate a kernel accepts, in Hz.</summary>
    public const int MaxSampleRate = 384_000;

    public static void SampleRate(int sampleRate, string name)
    {
        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
        {
            ThrowOutOfRange(name, sampleRate, string.Create(
                CultureInfo.InvariantCulture, $"{name} must be between {MinSampleRate} and {MaxSampleRate} Hz."));
        }
    }

    /// <summary>Requires <paramref name="min"/> ≤ value ≤ <paramref name="max"/>; NaN fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Closed(double value, double min, double max, string name, string unit)
    {
        if (!(value >= min && value <= max))
        {
            ThrowOutOfRange(name, value, string.Create(
                CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]{unit}."));
        }
    }

    /// <summary>Requires <paramref name="min"/> &lt; value &lt; <paramref name="max"/>; NaN fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Open(double value, double min, double max, string name, string unit)
    {
        if (!(value > min && value < max))
        {
            ThrowOutOfRange(name, value, string.Create(
                CultureInfo.InvariantCulture, $"{name} must be in ({min}, {max}){unit}."));
        }
    }

    /// <summary>Requires <paramref name="min"/> ≤ value &lt; <paramref name="max"/>; NaN fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HalfOpen(double value, double min, double max, string name, string unit)
    {
        if (!(value >= min && value < max))
        {
            ThrowOutOfRange(name, value, string.Create(
                CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}){unit}."));
        }
    }

    /// <summary>Requires a positive frequency below the Nyquist frequency of <paramref name="sampleRate"/>.</summary>
    public static void BelowNyquist(double frequency, int sampleRate, string name) =>
        Open(frequency, 0, sampleRate / 2.0, name, string.Create(
            CultureInfo.InvariantCulture, $" Hz (below the Nyquist frequency at {sampleRate} Hz)"));

    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            ThrowOutOfRange(name, value, string.Create(
                CultureInfo.InvariantCulture, $"{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}."));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Prepared(bool prepared, string kernel)
    {
        if (!prepared)
        {
            ThrowNotPrepared(kernel);
        }
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(string name, object value, string message) =>
        throw new ArgumentOutOfRangeException(name, value, message);

    [DoesNotReturn]
    private static void ThrowNotPrepared(string kernel) =>
        throw new InvalidOperationException($"{kernel} is used before Prepare; call Prepare(sampleRate) first.");
}
