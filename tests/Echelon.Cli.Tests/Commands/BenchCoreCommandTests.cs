using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;

namespace Echelon.Cli.Tests.Commands;

/// <summary>Runs the real <c>echelon</c> executable the way a user does and reads what it prints.</summary>
public sealed class BenchCoreCommandTests
{
    [Fact]
    public void BenchCore_Json_PrintsOneObjectWithEveryDocumentedKey()
    {
        (int code, string stdout, string stderr) = Run("bench core --seconds 12 --bpm 120 --seed 3 --dim 32 --json");
        Assert.True(code == 0, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);

        using JsonDocument doc = JsonDocument.Parse(lines[0]);
        JsonElement root = doc.RootElement;
        Assert.Equal(1200, root.GetProperty("frames").GetInt32());
        Assert.Equal(32, root.GetProperty("dim").GetInt32());
        foreach (string key in new[] { "p50", "p99", "max" })
        {
            Assert.True(root.GetProperty("latency_us").GetProperty(key).GetDouble() > 0);
        }

        Assert.True(root.GetProperty("latency_us").GetProperty("p50").GetDouble() <= root.GetProperty("latency_us").GetProperty("max").GetDouble());
        Assert.Equal(0.0, root.GetProperty("alloc_bytes_per_frame").GetDouble());
        JsonElement k = root.GetProperty("k_used");
        Assert.InRange(k.GetProperty("mean").GetDouble(), 1.0, 8.0);
        Assert.InRange(k.GetProperty("p95").GetDouble(), 1.0, 8.0);
        Assert.InRange(k.GetProperty("max").GetInt32(), 1, 8);
        JsonElement contraction = root.GetProperty("contraction");
        Assert.InRange(contraction.GetProperty("median").GetDouble(), 0.0, 1.0);
        Assert.InRange(contraction.GetProperty("health").GetDouble(), 0.95, 1.0);
        JsonElement phase = root.GetProperty("phase");
        Assert.InRange(phase.GetProperty("crmse_rad").GetDouble(), 0.0, 0.5);
        Assert.InRange(phase.GetProperty("coherence").GetDouble(), 0.9, 1.0);
        Assert.Equal(12, phase.GetProperty("dropout_start_beat").GetInt32());
        Assert.InRange(phase.GetProperty("relock_beats").GetDouble(), 0.0, 2.0);
        JsonElement coupling = root.GetProperty("coupling");
        Assert.True(coupling.GetProperty("mean").GetDouble() >= 0);
        Assert.True(coupling.GetProperty("p95").GetDouble() >= 0);
        // 1200 frames at 120 BPM cross the transport grid at frames 50, 100, …, 1150: 23 beats; one of
        // them closes a beat spent wholly inside the two-beat dropout, with nothing to pool, so 22 solves.
        Assert.Equal(22, root.GetProperty("slow_solves").GetInt32());
    }

    [Theory]
    [InlineData("--bpm 300", "--bpm", "40 and 200")]
    [InlineData("--dim 4", "--dim", "8 and 256")]
    [InlineData("--seconds 1", "--seconds", "2 and 3600")]
    public void BenchCore_OutOfRangeArgument_ExitsTwoNamingTheOptionAndRange(string args, string option, string range)
    {
        (int code, string stdout, string stderr) = Run($"bench core {args} --json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains(option, stderr, StringComparison.Ordinal);
        Assert.Contains(range, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchCore_Help_DescribesEveryOption()
    {
        (int code, string stdout, _) = Run("bench core --help");
        Assert.Equal(0, code);
        foreach (string option in new[] { "--seconds", "--bpm", "--seed", "--dim", "--json" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(string arguments) =>
        EchelonProcess.Run(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
