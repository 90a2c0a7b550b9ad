using Echelon.Motion.Frames;

namespace Echelon.Studio.Web;

/// <summary>What <see cref="PhoneSensorDecoder"/> made of one <c>/ws/sensors</c> message.</summary>
internal sealed record PhoneSensorMessage
{
    public required PhoneSensorMessageKind Kind { get; init; }

    /// <summary>The device id (hello and motion).</summary>
    public string? Device { get; init; }

    /// <summary>The phone's description of itself (hello).</summary>
    public string? Description { get; init; }

    /// <summary>The rate the phone reports at, Hz (hello).</summary>
    public double RateHz { get; init; }

    /// <summary>The frame (motion).</summary>
    public ImuFrame? Frame { get; init; }

    /// <summary>The offending field (error): a JSON path such as <c>rotationRate.alpha</c>.</summary>
    public string? Field { get; init; }

    /// <summary>What is wrong and what is allowed (error).</summary>
    public string? Problem { get; init; }

    public static PhoneSensorMessage Error(string field, string problem) =>
        new() { Kind = PhoneSensorMessageKind.Error, Field = field, Problem = problem };
}
