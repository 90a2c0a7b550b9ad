using Xunit.Abstractions;
using Xunit.Sdk;

namespace Echelon.Audio.Tests.Devices.Infrastructure;

/// <summary>
/// Orders a collection's tests by class and name, with those carrying the <see cref="PortAudioGroup.RunsLast"/>
/// trait after all the others (xunit runs a collection's classes in the order their first test comes).
/// </summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "Echelon.Audio.Tests.Devices.Infrastructure.RunsLastOrderer";
    public const string AssemblyName = "Echelon.Audio.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.Traits.ContainsKey(PortAudioGroup.RunsLast) ? 1 : 0)
            .ThenBy(t => t.TestMethod.TestClass.Class.Name, StringComparer.Ordinal)
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal)
            .ThenBy(t => t.UniqueID, StringComparer.Ordinal);
}
