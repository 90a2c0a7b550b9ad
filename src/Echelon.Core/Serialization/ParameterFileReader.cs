using System.Text;
using System.Text.Json;
using Echelon.Core.Dell;
using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;

namespace Echelon.Core.Serialization;

/// <summary>
/// Reads and validates the <c>echelon.equilibrium</c> format. Order of checks: header (format, version,
/// kind), then sizes, then shapes against sizes, then every number, then unknown fields, then the
/// parameters' own <c>Validate()</c>. Tensors are parsed before any parameter object is built, so a
/// file that claims huge sizes cannot make the loader allocate more than the file actually holds.
/// </summary>
internal static class ParameterFileReader
{
    /// <summary>Strict JSON: no comments, no trailing commas (the format is for machines and diffs).</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    private const string SizeAllowed = "an integer >= 1";

    /// <summary>Reads a <c>lim-rps</c> document.</summary>
    public static LimRpsParameters ReadLimRps(JsonElement rootElement, string? filePath)
    {
        JsonObjectReader root = JsonObjectReader.Root(rootElement, filePath);
        ReadHeader(root, ParameterFile.LimRpsKind);
        LimRpsParameters layer = ReadLayer(root.RequireObject("layer", "an object holding one LIM-RPS layer"));
        root.RejectUnknown();
        return layer;
    }

    /// <summary>Reads a <c>dell</c> document.</summary>
    public static DellParameters ReadDell(JsonElement rootElement, string? filePath)
    {
        JsonObjectReader root = JsonObjectReader.Root(rootElement, filePath);
        ReadHeader(root, ParameterFile.DellKind);
        LimRpsParameters fast = ReadLayer(root.RequireObject("fast", "an object holding the fast LIM-RPS layer"));
        LimRpsParameters slow = ReadLayer(root.RequireObject("slow", "an object holding the slow LIM-RPS layer"));
        int d = fast.LatentSize;
        int ds = slow.LatentSize;
        if ((long)slow.InputSize != 2L * d)
        {
            root.Fail(
                "$.slow.inputSize",
                $"is {slow.InputSize}; must be 2 × $.fast.latentSize = {2L * d} (the pooled mean and last of the fast latent).");
        }

        double[] projection = ReadMatrixData(root, "projection", d, ds, "$.fast.latentSize", "$.slow.latentSize");
        double[] couplerMetricRaw = root.RequireDoubleArray("couplerMetricRaw", d, $"$.fast.latentSize = {d}");
        double couplerMetricMin = root.RequireDouble("couplerMetricMin", "a finite number > 0");
        double couplerMetricMax = root.RequireDouble("couplerMetricMax", "a finite number >= couplerMetricMin");
        double couplingStrength = root.RequireDouble("couplingStrength", "a finite number >= 0");
        double[] headWeights = root.RequireDoubleArray("headWeights", d, $"$.fast.latentSize = {d}");
        double headOffset = root.RequireDouble("headOffset", "a finite number (radians)");
        double headGroupDelayFrames = root.RequireDouble("headGroupDelayFrames", "a finite number >= 0 (frames)");
        double resonatorBeats = root.RequireDouble("resonatorBeats", "a number in (0, 16] (beats)");
        double meanBeats = root.RequireDouble("meanBeats", "a number in (0, 64] (beats)");
        double confidenceThreshold = root.RequireDouble("confidenceThreshold", "a number in [0, 1)");
        double pllPhaseGain = root.RequireDouble("pllPhaseGain", "a number in (0, 1]");
        double pllFrequencyGain = root.RequireDouble("pllFrequencyGain", "a number in [0, pllPhaseGain)");
        double pllMaxTempoDeviation = root.RequireDouble("pllMaxTempoDeviation", "a number in [0, 1)");
        double frameRate = root.RequireDouble("frameRate", "a number in [10, 2000] (Hz)");
        root.RejectUnknown();

        var parameters = new DellParameters(fast, slow, new DenseMatrix(d, ds, projection), headWeights)
        {
            CouplerMetricMin = couplerMetricMin,
            CouplerMetricMax = couplerMetricMax,
            CouplingStrength = couplingStrength,
            HeadOffset = headOffset,
            HeadGroupDelayFrames = headGroupDelayFrames,
            ResonatorBeats = resonatorBeats,
            MeanBeats = meanBeats,
            ConfidenceThreshold = confidenceThreshold,
            PllPhaseGain = pllPhaseGain,
            PllFrequencyGain = pllFrequencyGain,
            PllMaxTempoDeviation = pllMaxTempoDeviation,
            FrameRate = frameRate,
        };
        couplerMetricRaw.CopyTo(parameters.CouplerMetricRaw, 0);

        // The layers were validated under their own paths ($.fast, $.slow) in ReadLayer, so anything
        // Validate reports here is a root-level setting.
        Validate(root, parameters.Validate);
        return parameters;
    }

    /// <summary>A <see cref="ParameterFileException"/> for a JSON syntax error or a truncated document.</summary>
    public static ParameterFileException Malformed(JsonException ex, string? filePath)
    {
        // JsonException counts from 0; editors count from 1.
        long? line = ex.LineNumber + 1;
        long? position = ex.BytePositionInLine + 1;

        // Drop the reader's own zero-based position suffix so the message does not carry two conventions.
        string detail = ex.Message;
        int cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail[..cut];
        }

        string where = line is null ? "malformed or truncated JSON" : $"malformed or truncated JSON at line {line}, byte {position} (1-based)";
        return new ParameterFileException(filePath, ex.Path ?? "$", $"{where}: {detail}", ex, line, position);
    }

    private static void ReadHeader(JsonObjectReader root, string expectedKind)
    {
        string formatAllowed = $"the string \"{ParameterFile.FormatName}\"";
        string format = root.RequireString("format", formatAllowed);
        if (format != ParameterFile.FormatName)
        {
            root.Fail("$.format", $"is \"{JsonObjectReader.Quote(format)}\"; must be {formatAllowed}; this is not an Echelon equilibrium parameter file.");
        }

        string supported = string.Join(", ", ParameterFile.SupportedVersions);
        string versionAllowed = $"an integer; supported versions: {supported}";
        int version = root.RequireInt("version", versionAllowed);
        if (!ParameterFile.SupportedVersions.Contains(version))
        {
            root.Fail("$.version", $"is {version}, which this build does not read; supported versions: {supported}.");
        }

        string kindAllowed = $"\"{ParameterFile.LimRpsKind}\" or \"{ParameterFile.DellKind}\"";
        string kind = root.RequireString("kind", kindAllowed);
        if (kind != ParameterFile.LimRpsKind && kind != ParameterFile.DellKind)
        {
            root.Fail("$.kind", $"is \"{JsonObjectReader.Quote(kind)}\"; must be {kindAllowed}.");
        }

        if (kind != expectedKind)
        {
            string loader = kind == ParameterFile.DellKind ? "LoadDell / DellFromJson" : "LoadLimRps / LimRpsFromJson";
            root.Fail("$.kind", $"is \"{kind}\", but \"{expectedKind}\" was asked for; read this document with {loader}.");
        }
    }

    private static LimRpsParameters ReadLayer(JsonObjectReader o)
    {
        int d = o.RequireInt("latentSize", SizeAllowed);
        RequirePositive(o, "latentSize", d);
        int n = o.RequireInt("inputSize", SizeAllowed);
        RequirePositive(o, "inputSize", n);

        double[] a = ReadMatrixData(o, "A", d, d, "latentSize", "latentSize");
        double[] b = ReadMatrixData(o, "B", d, d, "latentSize", "latentSize");
        double[] u = ReadMatrixData(o, "U", d, n, "latentSize", "inputSize");
        double[] bias = o.RequireDoubleArray("bias", d, $"latentSize = {d}");
        double margin = o.RequireDouble("margin", "a finite number > 0");
        double temporalCoupling = o.RequireDouble("temporalCoupling", "a finite number >= 0");
        double step = o.RequireDouble("step", "a finite number > 0");
        double relaxation = o.RequireDouble("relaxation", "a number in (0, 1]");
        string proxText = o.RequireString("prox", $"one of {ParameterFileVocabulary.AllowedProx}");
        if (!ParameterFileVocabulary.TryParseProx(proxText, out ProxKind prox))
        {
            o.Fail(o.ChildPath("prox"), $"is \"{JsonObjectReader.Quote(proxText)}\"; must be one of {ParameterFileVocabulary.AllowedProx}.");
        }

        double proxThreshold = o.RequireDouble("proxThreshold", "a finite number >= 0");
        double boxLower = o.RequireDouble("boxLower", "a finite number <= boxUpper");
        double boxUpper = o.RequireDouble("boxUpper", "a finite number >= boxLower");
        double[] metricRaw = o.RequireDoubleArray("metricRaw", d, $"latentSize = {d}");
        double metricMin = o.RequireDouble("metricMin", "a finite number > 0");
        double metricMax = o.RequireDouble("metricMax", "a finite number >= metricMin");
        double[] stepRaw = o.RequireDoubleArray("stepRaw", d, $"latentSize = {d}");
        double stepMin = o.RequireDouble("stepMin", "a finite number > 0");
        double stepMax = o.RequireDouble("stepMax", "a finite number >= stepMin");
        int maxIterations = o.RequireInt("maxIterations", "an integer in 1..1024");
        double tolerance = o.RequireDouble("tolerance", "a finite number > 0");
        string warmText = o.RequireString("warmStart", $"one of {ParameterFileVocabulary.AllowedWarmStart}");
        if (!ParameterFileVocabulary.TryParseWarmStart(warmText, out WarmStart warmStart))
        {
            o.Fail(o.ChildPath("warmStart"), $"is \"{JsonObjectReader.Quote(warmText)}\"; must be one of {ParameterFileVocabulary.AllowedWarmStart}.");
        }

        o.RejectUnknown();

        var p = new LimRpsParameters(d, n)
        {
            Margin = margin,
            TemporalCoupling = temporalCoupling,
            Step = step,
            Relaxation = relaxation,
            Prox = prox,
            ProxThreshold = proxThreshold,
            BoxLower = boxLower,
            BoxUpper = boxUpper,
            MetricMin = metricMin,
            MetricMax = metricMax,
            StepMin = stepMin,
            StepMax = stepMax,
            MaxIterations = maxIterations,
            Tolerance = tolerance,
            WarmStart = warmStart,
        };
        a.CopyTo(p.A.Data);
        b.CopyTo(p.B.Data);
        u.CopyTo(p.U.Data);
        bias.CopyTo(p.Bias, 0);
        metricRaw.CopyTo(p.MetricRaw, 0);
        stepRaw.CopyTo(p.StepRaw, 0);
        Validate(o, p.Validate);
        return p;
    }

    /// <summary>Reads a matrix object and checks its shape against the sizes it must match.</summary>
    private static double[] ReadMatrixData(JsonObjectReader parent, string name, int rows, int cols, string rowsSource, string colsSource)
    {
        JsonObjectReader m = parent.RequireObject(name, $"a matrix object {{ \"rows\", \"cols\", \"data\" }} of shape {rows}×{cols}");
        int r = m.RequireInt("rows", $"{rowsSource} = {rows}");
        if (r != rows)
        {
            m.Fail(m.ChildPath("rows"), $"is {r}; must equal {rowsSource} = {rows}.");
        }

        int c = m.RequireInt("cols", $"{colsSource} = {cols}");
        if (c != cols)
        {
            m.Fail(m.ChildPath("cols"), $"is {c}; must equal {colsSource} = {cols}.");
        }

        long count = (long)rows * cols;
        double[] data = m.RequireDoubleArray("data", count, $"rows*cols = {rows}*{cols} = {count} (row-major)");
        m.RejectUnknown();
        return data;
    }

    private static void RequirePositive(JsonObjectReader o, string name, int value)
    {
        if (value < 1)
        {
            o.Fail(o.ChildPath(name), $"is {value}; must be {SizeAllowed}.");
        }
    }

    /// <summary>Runs a parameter class's own Validate and re-throws its complaint under the JSON path of the field it names.</summary>
    private static void Validate(JsonObjectReader o, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            string jsonPath = ex.ParamName is { Length: > 0 } name ? $"{o.JsonPath}.{ToJsonName(name)}" : o.JsonPath;
            string message = ex.Message.ReplaceLineEndings(" ");
            o.Fail(jsonPath, $"out of range: {message}", ex);
        }
    }

    /// <summary>
    /// Maps a C# parameter name as the Validate methods report it ("Margin", "A", "Slow.InputSize (…)")
    /// to the file's field name ("margin", "A", "slow.inputSize"): camelCase per segment, one-letter
    /// tensor names kept as they are.
    /// </summary>
    private static string ToJsonName(string paramName)
    {
        int space = paramName.IndexOf(' ', StringComparison.Ordinal);
        string bare = space > 0 ? paramName[..space] : paramName;
        var builder = new StringBuilder(bare.Length);
        foreach (string segment in bare.Split('.'))
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(segment.Length <= 1 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]);
        }

        return builder.ToString();
    }
}
