namespace Echelon.Studio.Tests.Infrastructure;

/// <summary>
/// Tests that run threads against the wall clock (live engines, the telemetry pace): they run after the parallel tests,
/// alone, so that on a small shared machine they measure what they test rather than their neighbours' load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeTests
{
    public const string Name = "Real time";
}
