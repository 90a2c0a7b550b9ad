namespace Echelon.Audio.Tests.Devices.Infrastructure;

/// <summary>
/// The tests that use PortAudio run one at a time, in one collection: PortAudio is one process-wide library that
/// initialises against whatever JACK server runs at that moment, and the JACK server is shared. Tests marked with
/// the <see cref="RunsLast"/> trait run after all the others (<see cref="RunsLastOrderer"/>).
/// </summary>
[CollectionDefinition(Name)]
[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class PortAudioGroup : ICollectionFixture<JackForPortAudio>
{
    public const string Name = "PortAudio";

    /// <summary>
    /// The trait of a test after which PortAudio cannot reach JACK again in this process: it kills the server under
    /// a running stream, and PortAudio 19.6 holds on to that dead session for ten minutes.
    /// </summary>
    public const string RunsLast = "RunsLast";
}
