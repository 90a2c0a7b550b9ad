using Echelon.Motion.Bvh;
using Echelon.Motion.Sources;
using Echelon.Motion.Tests.Sources;

namespace Echelon.Motion.Tests.Bvh;

/// <summary>The sensor source contract, run against the CMU 131_03 take.</summary>
public sealed class BvhSourceContractTests : SensorSourceContract
{
    protected override ISensorSource CreateSource() => new BvhSource(MotionData.PathOf(MotionData.Cmu131));
}
