using Echelon.Motion.Clock;
using Echelon.Motion.Sources;
using Echelon.Motion.Tests.Sources;

namespace Echelon.Motion.Tests.Clock;

/// <summary>The aligned decorator keeps the source contract over a jittered, out-of-order two-device source.</summary>
public sealed class AlignedSourceContractTests : SensorSourceContract
{
    protected override ISensorSource CreateSource() => new AlignedSource(new JitteredTwoDeviceSource(seed: 11));

    protected override int MinimumFrames => 300;
}
