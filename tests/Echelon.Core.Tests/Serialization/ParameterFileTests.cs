using System.Text;
using System.Text.Json.Nodes;
using Echelon.Core.Dell;
using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;
using Echelon.Core.Serialization;

namespace Echelon.Core.Tests.Serialization;

public sealed class ParameterFileTests : IDisposable
{
    /// <summary>In an edit, this value means "remove the field or array element".</summary>
    private const string Remove = "<remove>";

    private static readonly Lazy<string> s_dellJson = new(() => ParameterFile.ToJson(DellParameters.CreateDefault(16, 128, 3)));
    private static readonly Lazy<string> s_limRpsJson = new(() => ParameterFile.ToJson(LimRpsParameters.CreateDefault(16, 32, 7)));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "echelon-parameter-file-tests", Guid.NewGuid().ToString("N"));

    public ParameterFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // ---------------------------------------------------------------- round trips

    [Fact]
    public void LimRps_SaveThenLoad_RoundTripsEveryTensorEntryAndSettingBitForBit()
    {
        LimRpsParameters original = CreateNonDefaultLimRps();
        string path = Path.Combine(_folder, "layer.json");

        ParameterFile.Save(original, path);
        LimRpsParameters loaded = ParameterFile.LoadLimRps(path);

        AssertLayersIdentical(original, loaded, "layer");
        Assert.Equal(ParameterFile.ToJson(original), File.ReadAllText(path));
    }

    [Fact]
    public void LimRps_NonDefaultSettings_DifferFromDefaultsSoTheRoundTripProvesSomething()
    {
        var defaults = new LimRpsParameters(16, 32);
        LimRpsParameters p = CreateNonDefaultLimRps();

        Assert.NotEqual(defaults.Margin, p.Margin);
        Assert.NotEqual(defaults.TemporalCoupling, p.TemporalCoupling);
        Assert.NotEqual(defaults.Step, p.Step);
        Assert.NotEqual(defaults.Relaxation, p.Relaxation);
        Assert.NotEqual(defaults.Prox, p.Prox);
        Assert.NotEqual(defaults.ProxThreshold, p.ProxThreshold);
        Assert.NotEqual(defaults.BoxLower, p.BoxLower);
        Assert.NotEqual(defaults.BoxUpper, p.BoxUpper);
        Assert.NotEqual(defaults.MetricMin, p.MetricMin);
        Assert.NotEqual(defaults.MetricMax, p.MetricMax);
        Assert.NotEqual(defaults.StepMin, p.StepMin);
        Assert.NotEqual(defaults.StepMax, p.StepMax);
        Assert.NotEqual(defaults.MaxIterations, p.MaxIterations);
        Assert.NotEqual(defaults.Tolerance, p.Tolerance);
        Assert.NotEqual(defaults.WarmStart, p.WarmStart);
        Assert.NotEqual(defaults.MetricRaw[0], p.MetricRaw[0]);
        Assert.NotEqual(defaults.StepRaw[0], p.StepRaw[0]);
    }

    [Theory]
    [InlineData(ProxKind.None, WarmStart.Cold)]
    [InlineData(ProxKind.NonNegative, WarmStart.Previous)]
    [InlineData(ProxKind.SoftThreshold, WarmStart.Extrapolate)]
    [InlineData(ProxKind.Box, WarmStart.Cold)]
    public void LimRps_EveryProxAndWarmStart_RoundTrips(ProxKind prox, WarmStart warmStart)
    {
        LimRpsParameters original = LimRpsParameters.CreateDefault(4, 3, 1);
        original.Prox = prox;
        original.WarmStart = warmStart;

        LimRpsParameters loaded = ParameterFile.LimRpsFromJson(ParameterFile.ToJson(original));

        Assert.Equal(prox, loaded.Prox);
        Assert.Equal(warmStart, loaded.WarmStart);
    }

    [Fact]
    public void Dell_SaveThenLoad_RoundTripsEveryTensorEntryAndSettingBitForBit()
    {
        DellParameters original = DellParameters.CreateDefault(16, 128, 3);
        original.CouplerMetricMin = 0.15;
        original.CouplerMetricMax = 7.5;
        original.CouplingStrength = 0.1 + 0.2;
        original.ResonatorBeats = 0.4;
        original.MeanBeats = 3.0;
        original.ConfidenceThreshold = 0.07;
        original.PllPhaseGain = 1.0 / 7.0;
        original.PllFrequencyGain = 0.003;
        original.PllMaxTempoDeviation = 0.08;
        original.FrameRate = 120.0;
        new DeterministicRandom(5).FillGaussian(original.CouplerMetricRaw, 1.0);
        string path = Path.Combine(_folder, "dell.json");

        ParameterFile.Save(original, path);
        DellParameters loaded = ParameterFile.LoadDell(path);

        AssertLayersIdentical(original.Fast, loaded.Fast, "fast");
        AssertLayersIdentical(original.Slow, loaded.Slow, "slow");
        Assert.Equal(original.Projection.Rows, loaded.Projection.Rows);
        Assert.Equal(original.Projection.Cols, loaded.Projection.Cols);
        AssertBitIdentical(original.Projection.Data, loaded.Projection.Data, "projection");
        AssertBitIdentical(original.CouplerMetricRaw, loaded.CouplerMetricRaw, "couplerMetricRaw");
        AssertBitIdentical(original.HeadWeights, loaded.HeadWeights, "headWeights");
        AssertBitIdentical(
            [
                original.CouplerMetricMin, original.CouplerMetricMax, original.CouplingStrength, original.HeadOffset,
                original.HeadGroupDelayFrames, original.ResonatorBeats, original.MeanBeats, original.ConfidenceThreshold,
                original.PllPhaseGain, original.PllFrequencyGain, original.PllMaxTempoDeviation, original.FrameRate,
            ],
            [
                loaded.CouplerMetricMin, loaded.CouplerMetricMax, loaded.CouplingStrength, loaded.HeadOffset,
                loaded.HeadGroupDelayFrames, loaded.ResonatorBeats, loaded.MeanBeats, loaded.ConfidenceThreshold,
                loaded.PllPhaseGain, loaded.PllFrequencyGain, loaded.PllMaxTempoDeviation, loaded.FrameRate,
            ],
            "settings");
        Assert.NotEqual(0.0, loaded.HeadOffset);
        Assert.Equal(ParameterFile.ToJson(original), ParameterFile.ToJson(loaded));
    }

    [Theory]
    [InlineData(ProxKind.NonNegative, WarmStart.Extrapolate)]
    [InlineData(ProxKind.SoftThreshold, WarmStart.Previous)]
    [InlineData(ProxKind.Box, WarmStart.Cold)]
    [InlineData(ProxKind.None, WarmStart.Extrapolate)]
    public void Solver_BuiltFromLoadedParameters_GivesBitIdenticalStateOver50Frames(ProxKind prox, WarmStart warmStart)
    {
        LimRpsParameters original = LimRpsParameters.CreateDefault(16, 32, 7);
        var random = new DeterministicRandom(21);
        random.FillGaussian(original.MetricRaw, 0.5);
        random.FillGaussian(original.StepRaw, 0.5);
        original.Prox = prox;
        original.WarmStart = warmStart;
        original.ProxThreshold = 0.02;
        original.BoxLower = -0.5;
        original.BoxUpper = 0.75;
        string path = Path.Combine(_folder, "solver.json");
        ParameterFile.Save(original, path);
        LimRpsParameters loaded = ParameterFile.LoadLimRps(path);

        var fromOriginal = new LimRpsSolver(original);
        var fromLoaded = new LimRpsSolver(loaded);
        var inputs = new DeterministicRandom(99);
        var input = new double[32];
        for (int frame = 0; frame < 50; frame++)
        {
            inputs.FillGaussian(input, 1.0);
            SolveReport expected = fromOriginal.Step(input);
            SolveReport actual = fromLoaded.Step(input);

            Assert.Equal(expected, actual);
            AssertBitIdentical(fromOriginal.State, fromLoaded.State, $"state at frame {frame}");
        }

        Assert.Contains(fromLoaded.State.ToArray(), v => v != 0.0);
    }

    [Fact]
    public void DellCoordinator_BuiltFromLoadedParameters_GivesBitIdenticalFramesOver200Frames()
    {
        DellParameters original = DellParameters.CreateDefault(16, 128, 3);
        DellParameters loaded = ParameterFile.DellFromJson(ParameterFile.ToJson(original));
        var fromOriginal = new DellCoordinator(original);
        var fromLoaded = new DellCoordinator(loaded);
        var inputs = new DeterministicRandom(4);
        var input = new double[128];
        for (int frame = 0; frame < 200; frame++)
        {
            inputs.FillGaussian(input, 0.3);
            bool beat = frame % 50 == 49; // 120 bpm at 100 frames per second.
            DellFrameReport expected = fromOriginal.Step(input, 120.0, beat);
            DellFrameReport actual = fromLoaded.Step(input, 120.0, beat);

            Assert.Equal(expected, actual);
            AssertBitIdentical(fromOriginal.Fast, fromLoaded.Fast, $"fast latent at frame {frame}");
            AssertBitIdentical(fromOriginal.Slow, fromLoaded.Slow, $"slow latent at frame {frame}");
        }
    }

    // ---------------------------------------------------------------- saving

    [Fact]
    public void Save_LeavesOnlyTheTargetFile_NoTemporaryFiles()
    {
        string path = Path.Combine(_folder, "layer.json");

        ParameterFile.Save(LimRpsParameters.CreateDefault(4, 3, 1), path);

        Assert.Equal([path], Directory.GetFiles(_folder));
        Assert.Empty(Directory.GetDirectories(_folder));
    }

    [Fact]
    public void Save_OverAnExistingFile_ReplacesItAndLeavesNoTemporaryFiles()
    {
        string path = Path.Combine(_folder, "layer.json");
        ParameterFile.Save(LimRpsParameters.CreateDefault(4, 3, 1), path);
        LimRpsParameters second = LimRpsParameters.CreateDefault(5, 2, 2);

        ParameterFile.Save(second, path);

        Assert.Equal([path], Directory.GetFiles(_folder));
        Assert.Equal(5, ParameterFile.LoadLimRps(path).LatentSize);
    }

    [Fact]
    public void Save_WhenTheRenameFails_RemovesItsTemporaryFile()
    {
        // A folder where the file should go: the temp file is written, the rename over it fails.
        string path = Path.Combine(_folder, "occupied.json");
        Directory.CreateDirectory(path);

        Exception? ex = Record.Exception(() => ParameterFile.Save(LimRpsParameters.CreateDefault(4, 3, 1), path));

        // IOException on Unix (EISDIR), UnauthorizedAccessException on Windows.
        Assert.True(ex is IOException or UnauthorizedAccessException, $"unexpected {ex?.GetType().Name ?? "success"}");
        Assert.Empty(Directory.GetFiles(_folder));
        Assert.Equal([path], Directory.GetDirectories(_folder));
    }

    [Fact]
    public void Save_OutOfRangeParameters_ThrowsArgumentExceptionAndWritesNothing()
    {
        LimRpsParameters p = LimRpsParameters.CreateDefault(4, 3, 1);
        p.Margin = double.NaN;
        string path = Path.Combine(_folder, "bad.json");

        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(() => ParameterFile.Save(p, path));

        Assert.Equal("Margin", ex.ParamName);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void ToJson_WritesTheDocumentedHeaderAndCamelCaseNames()
    {
        JsonObject root = JsonNode.Parse(ParameterFile.ToJson(LimRpsParameters.CreateDefault(4, 3, 1)))!.AsObject();

        Assert.Equal("echelon.equilibrium", (string?)root["format"]);
        Assert.Equal(1, (int?)root["version"]);
        Assert.Equal("lim-rps", (string?)root["kind"]);
        Assert.Equal("non-negative", (string?)root["layer"]!["prox"]);
        Assert.Equal("extrapolate", (string?)root["layer"]!["warmStart"]);
        Assert.Equal(16, root["layer"]!["A"]!["data"]!.AsArray().Count);
    }

    // ---------------------------------------------------------------- rejecting bad LIM-RPS documents

    [Theory]
    [InlineData("format", "\"echelon.other\"", "$.format", "\"echelon.equilibrium\"")]
    [InlineData("format", Remove, "$.format", "missing")]
    [InlineData("version", "2", "$.version", "supported versions: 1")]
    [InlineData("version", "\"1\"", "$.version", "supported versions: 1")]
    [InlineData("kind", "\"dell\"", "$.kind", "LoadDell")]
    [InlineData("kind", "\"other\"", "$.kind", "\"lim-rps\" or \"dell\"")]
    [InlineData("layer", Remove, "$.layer", "missing")]
    [InlineData("layer.margin", Remove, "$.layer.margin", "missing")]
    [InlineData("layer.A.data", Remove, "$.layer.A.data", "missing")]
    [InlineData("layer.A.data[255]", Remove, "$.layer.A.data", "holds 255 numbers; expected rows*cols = 16*16 = 256")]
    [InlineData("layer.U.data[0]", Remove, "$.layer.U.data", "holds 511 numbers; expected rows*cols = 16*32 = 512")]
    [InlineData("layer.A.rows", "15", "$.layer.A.rows", "latentSize = 16")]
    [InlineData("layer.U.cols", "31", "$.layer.U.cols", "inputSize = 32")]
    [InlineData("layer.latentSize", "17", "$.layer.A.rows", "latentSize = 17")]
    [InlineData("layer.latentSize", "0", "$.layer.latentSize", ">= 1")]
    [InlineData("layer.latentSize", "\"16\"", "$.layer.latentSize", "integer")]
    [InlineData("layer.bias[0]", Remove, "$.layer.bias", "holds 15 numbers; expected latentSize = 16")]
    [InlineData("layer.metricRaw", "[1, 2]", "$.layer.metricRaw", "expected latentSize = 16")]
    [InlineData("layer.A.data[17]", "1e400", "$.layer.A.data[17]", "finite")]
    [InlineData("layer.A.data[17]", "\"NaN\"", "$.layer.A.data[17]", "NaN")]
    [InlineData("layer.stepRaw[3]", "\"-Infinity\"", "$.layer.stepRaw[3]", "finite")]
    [InlineData("layer.bias[3]", "null", "$.layer.bias[3]", "finite number")]
    [InlineData("layer.margin", "\"Infinity\"", "$.layer.margin", "finite")]
    [InlineData("layer.tolerance", "-1e999", "$.layer.tolerance", "finite")]
    [InlineData("layer.prox", "\"relu\"", "$.layer.prox", "\"none\", \"non-negative\", \"soft-threshold\", \"box\"")]
    [InlineData("layer.prox", "1", "$.layer.prox", "\"none\", \"non-negative\", \"soft-threshold\", \"box\"")]
    [InlineData("layer.warmStart", "\"Cold\"", "$.layer.warmStart", "\"cold\", \"previous\", \"extrapolate\"")]
    [InlineData("layer.margin", "-1", "$.layer.margin", "Margin must be finite and > 0")]
    [InlineData("layer.temporalCoupling", "-0.5", "$.layer.temporalCoupling", ">= 0")]
    [InlineData("layer.step", "0", "$.layer.step", "> 0")]
    [InlineData("layer.relaxation", "1.5", "$.layer.relaxation", "(0, 1]")]
    [InlineData("layer.proxThreshold", "-0.1", "$.layer.proxThreshold", ">= 0")]
    [InlineData("layer.boxLower", "2", "$.layer.boxUpper", "BoxLower")]
    [InlineData("layer.metricMin", "0", "$.layer.metricMin", "> 0")]
    [InlineData("layer.metricMax", "0.1", "$.layer.metricMax", "MetricMin")]
    [InlineData("layer.stepMax", "0.1", "$.layer.stepMax", "StepMin")]
    [InlineData("layer.maxIterations", "0", "$.layer.maxIterations", "1..1024")]
    [InlineData("layer.maxIterations", "2000", "$.layer.maxIterations", "1..1024")]
    [InlineData("layer.maxIterations", "2.5", "$.layer.maxIterations", "integer in 1..1024")]
    [InlineData("layer.tolerance", "0", "$.layer.tolerance", "> 0")]
    [InlineData("layer.extra", "1", "$.layer.extra", "unknown field")]
    [InlineData("layer.A.extra", "1", "$.layer.A.extra", "unknown field")]
    [InlineData("comment", "\"hi\"", "$.comment", "unknown field")]
    [InlineData("layer.A", "[1, 2]", "$.layer.A", "JSON object")]
    public void LimRpsFromJson_BadField_ThrowsNamingThePathAndWhatIsAllowed(string edit, string value, string jsonPath, string allowed)
    {
        string json = Edit(s_limRpsJson.Value, edit, value);

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json));

        Assert.Equal(jsonPath, ex.JsonPath);
        Assert.Contains(jsonPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Path);
    }

    [Fact]
    public void LimRpsFromJson_OutOfRangeSetting_KeepsTheParametersOwnExceptionAsInner()
    {
        string json = Edit(s_limRpsJson.Value, "layer.relaxation", "0");

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json));

        ArgumentOutOfRangeException inner = Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
        Assert.Equal("Relaxation", inner.ParamName);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimRpsFromJson_FieldWithWrongCase_SaysNamesAreCaseSensitive()
    {
        string json = s_limRpsJson.Value.Replace("\"margin\":", "\"Margin\":", StringComparison.Ordinal);

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json));

        Assert.Equal("$.layer.margin", ex.JsonPath);
        Assert.Contains("case-sensitive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimRpsFromJson_DuplicateField_Throws()
    {
        string json = s_limRpsJson.Value.Replace("\"layer\": {", "\"layer\": {\n    \"margin\": 2,", StringComparison.Ordinal);

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json));

        Assert.Equal("$.layer.margin", ex.JsonPath);
        Assert.Contains("more than once", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    public void LimRpsFromJson_RootNotAnObject_Throws(string json)
    {
        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json));

        Assert.Equal("$", ex.JsonPath);
        Assert.Contains("JSON object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimRpsFromJson_MalformedJson_ThrowsWithLineAndBytePosition()
    {
        // Drop the comma after the version: the next line's field is then unexpected.
        string json = s_limRpsJson.Value.Replace("\"version\": 1,", "\"version\": 1", StringComparison.Ordinal);

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json));

        Assert.Equal(4L, ex.LineNumber);
        Assert.NotNull(ex.BytePositionInLine);
        Assert.Contains("line 4, byte", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData("{ \"format\": \"echelon.equilibrium\", // comment\n \"version\": 1 }")]
    [InlineData("{ \"format\": \"echelon.equilibrium\", }")]
    [InlineData("{ \"format\": 'echelon.equilibrium' }")]
    [InlineData("{ \"version\": NaN }")]
    [InlineData("")]
    public void LimRpsFromJson_NotStrictJson_ThrowsParameterFileException(string json)
    {
        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json));

        Assert.NotNull(ex.LineNumber);
        Assert.Contains("malformed or truncated JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimRpsFromJson_TruncatedInHalf_ThrowsParameterFileExceptionNotJsonException()
    {
        string json = s_limRpsJson.Value;

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LimRpsFromJson(json[..(json.Length / 2)]));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.LineNumber);
    }

    // ---------------------------------------------------------------- rejecting bad DELL documents

    [Theory]
    [InlineData("kind", "\"lim-rps\"", "$.kind", "LoadLimRps")]
    [InlineData("version", "0", "$.version", "supported versions: 1")]
    [InlineData("fast", Remove, "$.fast", "missing")]
    [InlineData("fast.A.data[17]", "\"NaN\"", "$.fast.A.data[17]", "NaN")]
    [InlineData("slow.B.data[3]", "1e309", "$.slow.B.data[3]", "finite")]
    [InlineData("fast.margin", "0", "$.fast.margin", "Margin must be finite and > 0")]
    [InlineData("slow.relaxation", "0", "$.slow.relaxation", "(0, 1]")]
    [InlineData("slow.warmStart", "\"hot\"", "$.slow.warmStart", "\"cold\", \"previous\", \"extrapolate\"")]
    [InlineData("projection.rows", "8", "$.projection.rows", "$.fast.latentSize = 16")]
    [InlineData("projection.cols", "7", "$.projection.cols", "$.slow.latentSize = 16")]
    [InlineData("projection.data[0]", Remove, "$.projection.data", "holds 255 numbers; expected rows*cols = 16*16 = 256")]
    [InlineData("couplerMetricRaw[0]", Remove, "$.couplerMetricRaw", "$.fast.latentSize = 16")]
    [InlineData("headWeights", "[0.5]", "$.headWeights", "holds 1 numbers; expected $.fast.latentSize = 16")]
    [InlineData("headOffset", "\"NaN\"", "$.headOffset", "NaN")]
    [InlineData("couplerMetricMin", "-1", "$.couplerMetricMin", "> 0")]
    [InlineData("couplerMetricMax", "0.01", "$.couplerMetricMax", "CouplerMetricMin")]
    [InlineData("couplingStrength", "-0.1", "$.couplingStrength", ">= 0")]
    [InlineData("headGroupDelayFrames", "-1", "$.headGroupDelayFrames", ">= 0")]
    [InlineData("resonatorBeats", "17", "$.resonatorBeats", "(0, 16]")]
    [InlineData("meanBeats", "0", "$.meanBeats", "(0, 64]")]
    [InlineData("confidenceThreshold", "1", "$.confidenceThreshold", "[0, 1)")]
    [InlineData("pllPhaseGain", "2", "$.pllPhaseGain", "(0, 1]")]
    [InlineData("pllFrequencyGain", "0.5", "$.pllFrequencyGain", "PllPhaseGain")]
    [InlineData("pllMaxTempoDeviation", "1", "$.pllMaxTempoDeviation", "[0, 1)")]
    [InlineData("frameRate", "5", "$.frameRate", "[10, 2000]")]
    [InlineData("frameRate", Remove, "$.frameRate", "missing")]
    [InlineData("layer", "{}", "$.layer", "unknown field")]
    public void DellFromJson_BadField_ThrowsNamingThePathAndWhatIsAllowed(string edit, string value, string jsonPath, string allowed)
    {
        string json = Edit(s_dellJson.Value, edit, value);

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.DellFromJson(json));

        Assert.Equal(jsonPath, ex.JsonPath);
        Assert.Contains(jsonPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DellFromJson_SlowInputNotTwiceTheFastLatent_Throws()
    {
        // A slow layer that is consistent in itself but reads 30 inputs instead of 2·16 = 32.
        JsonObject root = JsonNode.Parse(s_dellJson.Value)!.AsObject();
        JsonObject slow = root["slow"]!.AsObject();
        slow["inputSize"] = 30;
        slow["U"] = new JsonObject
        {
            ["rows"] = 16,
            ["cols"] = 30,
            ["data"] = new JsonArray(Enumerable.Range(0, 480).Select(_ => (JsonNode?)JsonValue.Create(0.0)).ToArray()),
        };

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.DellFromJson(root.ToJsonString()));

        Assert.Equal("$.slow.inputSize", ex.JsonPath);
        Assert.Contains("2 × $.fast.latentSize = 32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DellFromJson_TruncatedInHalf_ThrowsParameterFileException()
    {
        string json = s_dellJson.Value;

        Assert.Throws<ParameterFileException>(() => ParameterFile.DellFromJson(json[..(json.Length / 2)]));
    }

    // ---------------------------------------------------------------- loading files

    [Fact]
    public void LoadLimRps_TruncatedFile_ThrowsParameterFileExceptionNamingTheFile()
    {
        string path = Path.Combine(_folder, "truncated.json");
        string json = s_limRpsJson.Value;
        File.WriteAllText(path, json[..(json.Length / 2)]);

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LoadLimRps(path));

        Assert.Equal(path, ex.Path);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.LineNumber);
    }

    [Fact]
    public void LoadDell_EmptyFile_ThrowsParameterFileException()
    {
        string path = Path.Combine(_folder, "empty.json");
        File.WriteAllBytes(path, []);

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LoadDell(path));

        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void LoadLimRps_BadFieldInFile_NamesFileAndJsonPath()
    {
        string path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, Edit(s_limRpsJson.Value, "layer.A.data[17]", "\"NaN\""));

        ParameterFileException ex = Assert.Throws<ParameterFileException>(() => ParameterFile.LoadLimRps(path));

        Assert.Equal(path, ex.Path);
        Assert.Equal("$.layer.A.data[17]", ex.JsonPath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLimRps_FileWithByteOrderMark_Loads()
    {
        string path = Path.Combine(_folder, "bom.json");
        File.WriteAllText(path, s_limRpsJson.Value, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        LimRpsParameters loaded = ParameterFile.LoadLimRps(path);

        Assert.Equal(16, loaded.LatentSize);
    }

    [Fact]
    public void LoadLimRps_MissingFile_ThrowsFileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => ParameterFile.LoadLimRps(Path.Combine(_folder, "absent.json")));
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// CreateDefault(16, 32, 7) with every setting away from its default and tensor entries that test the
    /// edges of double formatting: −0, the smallest subnormal, the largest finite, values with 17 digits.
    /// </summary>
    private static LimRpsParameters CreateNonDefaultLimRps()
    {
        LimRpsParameters p = LimRpsParameters.CreateDefault(16, 32, 7);
        p.Margin = 0.75;
        p.TemporalCoupling = 0.1 + 0.2;
        p.Step = 1.0 / 3.0;
        p.Relaxation = Math.PI / 4.0;
        p.Prox = ProxKind.Box;
        p.ProxThreshold = 0.0123;
        p.BoxLower = -0.7;
        p.BoxUpper = 2.5;
        p.MetricMin = 0.2;
        p.MetricMax = 3.3;
        p.StepMin = 0.3;
        p.StepMax = 5.0 / 3.0;
        p.MaxIterations = 13;
        p.Tolerance = 3e-7;
        p.WarmStart = WarmStart.Previous;
        var random = new DeterministicRandom(17);
        random.FillGaussian(p.MetricRaw, 1.0);
        random.FillGaussian(p.StepRaw, 1.0);
        random.FillGaussian(p.Bias, 1.0);
        p.Bias[0] = -0.0;
        p.Bias[1] = double.Epsilon;
        p.Bias[2] = double.MaxValue;
        p.Bias[3] = -double.MaxValue;
        p.Bias[4] = 1e-310;
        p.Bias[5] = 0.1 + 0.2;
        p.MetricRaw[0] = -745.0;
        p.StepRaw[0] = 1e300;
        p.A[3, 4] = -0.0;
        p.U[15, 31] = BitConverter.Int64BitsToDouble(0x3FEFFFFFFFFFFFFF); // the largest double below 1.
        return p;
    }

    private static void AssertLayersIdentical(LimRpsParameters expected, LimRpsParameters actual, string what)
    {
        Assert.Equal(expected.LatentSize, actual.LatentSize);
        Assert.Equal(expected.InputSize, actual.InputSize);
        AssertBitIdentical(expected.A.Data, actual.A.Data, $"{what}.A");
        AssertBitIdentical(expected.B.Data, actual.B.Data, $"{what}.B");
        AssertBitIdentical(expected.U.Data, actual.U.Data, $"{what}.U");
        AssertBitIdentical(expected.Bias, actual.Bias, $"{what}.bias");
        AssertBitIdentical(expected.MetricRaw, actual.MetricRaw, $"{what}.metricRaw");
        AssertBitIdentical(expected.StepRaw, actual.StepRaw, $"{what}.stepRaw");
        AssertBitIdentical(
            [
                expected.Margin, expected.TemporalCoupling, expected.Step, expected.Relaxation, expected.ProxThreshold,
                expected.BoxLower, expected.BoxUpper, expected.MetricMin, expected.MetricMax, expected.StepMin,
                expected.StepMax, expected.Tolerance,
            ],
            [
                actual.Margin, actual.TemporalCoupling, actual.Step, actual.Relaxation, actual.ProxThreshold,
                actual.BoxLower, actual.BoxUpper, actual.MetricMin, actual.MetricMax, actual.StepMin,
                actual.StepMax, actual.Tolerance,
            ],
            $"{what} settings");
        Assert.Equal(expected.Prox, actual.Prox);
        Assert.Equal(expected.MaxIterations, actual.MaxIterations);
        Assert.Equal(expected.WarmStart, actual.WarmStart);
    }

    private static void AssertBitIdentical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            long e = BitConverter.DoubleToInt64Bits(expected[i]);
            long a = BitConverter.DoubleToInt64Bits(actual[i]);
            Assert.True(e == a, $"{what}[{i}]: expected {expected[i]:R} (0x{e:X16}), got {actual[i]:R} (0x{a:X16}).");
        }
    }

    /// <summary>
    /// Applies one edit to a JSON document: <paramref name="at"/> is a dotted path with optional
    /// [index] on the last segment; <paramref name="value"/> is raw JSON or <see cref="Remove"/>.
    /// </summary>
    private static string Edit(string json, string at, string value)
    {
        JsonNode root = JsonNode.Parse(json)!;
        string[] segments = at.Split('.');
        JsonNode parent = root;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            parent = parent[segments[i]]!;
        }

        string last = segments[^1];
        int bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            JsonArray array = parent[last[..bracket]]!.AsArray();
            int index = int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (value == Remove)
            {
                array.RemoveAt(index);
            }
            else
            {
                // A parsed node keeps its raw text, so values no double can hold (1e400) survive as written.
                array[index] = JsonNode.Parse(value);
            }

            return root.ToJsonString();
        }

        JsonObject obj = parent.AsObject();
        if (value == Remove)
        {
            obj.Remove(last);
        }
        else
        {
            obj[last] = JsonNode.Parse(value);
        }

        return root.ToJsonString();
    }
}
