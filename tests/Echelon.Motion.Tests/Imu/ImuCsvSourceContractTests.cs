using Echelon.Motion.Tests.Infrastructure;
using Echelon.Motion.Imu;
using Echelon.Motion.Sources;
using Echelon.Motion.Tests.Sources;

namespace Echelon.Motion.Tests.Imu;

/// <summary>The sensor-source contract on the real Oxford trace.</summary>
public sealed class ImuCsvSourceContractTests : SensorSourceContract
{
    protected override int MinimumFrames => 19000;

    protected override ISensorSource CreateSource() => new ImuCsvSource(SharedTestData.OxfordHandCsv);
}
