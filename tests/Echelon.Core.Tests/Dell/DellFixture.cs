using Echelon.Core.Dell;

namespace Echelon.Core.Tests.Dell;

/// <summary>The default parameters are deterministic and take ~50 ms to build: share one set.</summary>
public sealed class DellFixture
{
    public DellParameters Parameters { get; } = DellParameters.CreateDefault(64, 128, 42);
}
