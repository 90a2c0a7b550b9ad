using System.Buffers;
using System.Text.Json;
using Echelon.Core.Dell;
using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;

namespace Echelon.Core.Serialization;

/// <summary>Writes the <c>echelon.equilibrium</c> format (field order as documented). Allocates; load/save time only.</summary>
internal static class ParameterFileWriter
{
    // Indented with LF line ends on every OS, so a saved file is byte-identical wherever it was written.
    private static readonly JsonWriterOptions s_options = new() { Indented = true, NewLine = "\n" };

    /// <summary>Validates, then returns the UTF-8 document of a <c>lim-rps</c> file.</summary>
    public static byte[] Write(LimRpsParameters parameters)
    {
        parameters.Validate();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            WriteHeader(writer, ParameterFile.LimRpsKind);
            writer.WritePropertyName("layer");
            WriteLayer(writer, parameters);
            writer.WriteEndObject();
        }

        return Finish(buffer);
    }

    /// <summary>Validates, then returns the UTF-8 document of a <c>dell</c> file.</summary>
    public static byte[] Write(DellParameters parameters)
    {
        parameters.Validate();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            WriteHeader(writer, ParameterFile.DellKind);
            writer.WritePropertyName("fast");
            WriteLayer(writer, parameters.Fast);
            writer.WritePropertyName("slow");
            WriteLayer(writer, parameters.Slow);
            writer.WritePropertyName("projection");
            WriteMatrix(writer, parameters.Projection);
            WriteArray(writer, "couplerMetricRaw", parameters.CouplerMetricRaw);
            writer.WriteNumber("couplerMetricMin", parameters.CouplerMetricMin);
            writer.WriteNumber("couplerMetricMax", parameters.CouplerMetricMax);
            writer.WriteNumber("couplingStrength", parameters.CouplingStrength);
            WriteArray(writer, "headWeights", parameters.HeadWeights);
            writer.WriteNumber("headOffset", parameters.HeadOffset);
            writer.WriteNumber("headGroupDelayFrames", parameters.HeadGroupDelayFrames);
            writer.WriteNumber("resonatorBeats", parameters.ResonatorBeats);
            writer.WriteNumber("meanBeats", parameters.MeanBeats);
            writer.WriteNumber("confidenceThreshold", parameters.ConfidenceThreshold);
            writer.WriteNumber("pllPhaseGain", parameters.PllPhaseGain);
            writer.WriteNumber("pllFrequencyGain", parameters.PllFrequencyGain);
            writer.WriteNumber("pllMaxTempoDeviation", parameters.PllMaxTempoDeviation);
            writer.WriteNumber("frameRate", parameters.FrameRate);
            writer.WriteEndObject();
        }

        return Finish(buffer);
    }

    private static void WriteHeader(Utf8JsonWriter writer, string kind)
    {
        writer.WriteString("format", ParameterFile.FormatName);
        writer.WriteNumber("version", ParameterFile.CurrentVersion);
        writer.WriteString("kind", kind);
    }

    private static void WriteLayer(Utf8JsonWriter writer, LimRpsParameters layer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("latentSize", layer.LatentSize);
        writer.WriteNumber("inputSize", layer.InputSize);
        writer.WritePropertyName("A");
        WriteMatrix(writer, layer.A);
        writer.WritePropertyName("B");
        WriteMatrix(writer, layer.B);
        writer.WritePropertyName("U");
        WriteMatrix(writer, layer.U);
        WriteArray(writer, "bias", layer.Bias);
        writer.WriteNumber("margin", layer.Margin);
        writer.WriteNumber("temporalCoupling", layer.TemporalCoupling);
        writer.WriteNumber("step", layer.Step);
        writer.WriteNumber("relaxation", layer.Relaxation);
        writer.WriteString("prox", ParameterFileVocabulary.Name(layer.Prox));
        writer.WriteNumber("proxThreshold", layer.ProxThreshold);
        writer.WriteNumber("boxLower", layer.BoxLower);
        writer.WriteNumber("boxUpper", layer.BoxUpper);
        WriteArray(writer, "metricRaw", layer.MetricRaw);
        writer.WriteNumber("metricMin", layer.MetricMin);
        writer.WriteNumber("metricMax", layer.MetricMax);
        WriteArray(writer, "stepRaw", layer.StepRaw);
        writer.WriteNumber("stepMin", layer.StepMin);
        writer.WriteNumber("stepMax", layer.StepMax);
        writer.WriteNumber("maxIterations", layer.MaxIterations);
        writer.WriteNumber("tolerance", layer.Tolerance);
        writer.WriteString("warmStart", ParameterFileVocabulary.Name(layer.WarmStart));
        writer.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter writer, DenseMatrix matrix)
    {
        writer.WriteStartObject();
        writer.WriteNumber("rows", matrix.Rows);
        writer.WriteNumber("cols", matrix.Cols);
        WriteArray(writer, "data", matrix.Data);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Utf8JsonWriter formats doubles with the runtime's shortest round-trippable representation
    /// (IEEE 754 "R" semantics since .NET Core 3.0), so parsing the text gives back the same bits.
    /// </summary>
    private static void WriteArray(Utf8JsonWriter writer, string name, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray(name);
        foreach (double value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static byte[] Finish(ArrayBufferWriter<byte> buffer)
    {
        // A final newline, as text tools expect.
        var result = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(result);
        result[^1] = (byte)'\n';
        return result;
    }
}
