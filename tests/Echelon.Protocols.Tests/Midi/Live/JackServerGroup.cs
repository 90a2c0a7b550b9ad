namespace Echelon.Protocols.Tests.Midi.Live;

/// <summary>The tests that share one private JACK server run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class JackServerGroup : ICollectionFixture<JackServer>
{
    public const string Name = "JACK";
}
