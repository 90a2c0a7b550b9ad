using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Echelon.Core.Serialization;

/// <summary>
/// Reads the fields of one JSON object strictly, knowing its own JSON path, so every failure names
/// the exact place (<c>$.fast.A.data[17]</c>) and what is allowed there.
/// </summary>
/// <remarks>
/// Strict by design: a missing field, a duplicated field, a field of the wrong JSON type or a field
/// the format does not define is an error, never a silent default. Load time only; allocates.
/// </remarks>
internal sealed class JsonObjectReader
{
    private const int MaxQuotedLength = 40;

    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _read = [];

    private JsonObjectReader(JsonElement element, string jsonPath, string? filePath)
    {
        JsonPath = jsonPath;
        FilePath = filePath;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Fail(jsonPath, $"is {Describe(element)}; must be a JSON object.");
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!_fields.TryAdd(property.Name, property.Value))
            {
                Fail(ChildPath(property.Name), "appears more than once; every field must appear exactly once.");
            }
        }
    }

    /// <summary>This object's JSON path.</summary>
    public string JsonPath { get; }

    /// <summary>The file being read, or null for JSON text.</summary>
    public string? FilePath { get; }

    /// <summary>A reader for the document's root, which must be an object.</summary>
    public static JsonObjectReader Root(JsonElement root, string? filePath) => new(root, "$", filePath);

    /// <summary>The JSON path of a field of this object.</summary>
    public string ChildPath(string name) => $"{JsonPath}.{name}";

    /// <summary>The field's value; fails naming the field when it is missing.</summary>
    public JsonElement Require(string name, string allowed)
    {
        if (!_fields.TryGetValue(name, out JsonElement value))
        {
            string? nearMiss = _fields.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            string hint = nearMiss is null ? string.Empty : $" (found \"{Quote(nearMiss)}\"; names are case-sensitive)";
            Fail(ChildPath(name), $"required field \"{name}\" is missing{hint}; it must be {allowed}.");
        }

        _read.Add(name);
        return value;
    }

    /// <summary>A nested object.</summary>
    public JsonObjectReader RequireObject(string name, string allowed) =>
        new(Require(name, allowed), ChildPath(name), FilePath);

    /// <summary>A string field.</summary>
    public string RequireString(string name, string allowed)
    {
        JsonElement value = Require(name, allowed);
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(ChildPath(name), $"is {Describe(value)}; must be {allowed}.");
        }

        return value.GetString()!;
    }

    /// <summary>A whole number that fits an <see cref="int"/>; range checks are the caller's.</summary>
    public int RequireInt(string name, string allowed)
    {
        JsonElement value = Require(name, allowed);
        int result = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out result))
        {
            Fail(ChildPath(name), $"is {Describe(value)}; must be {allowed}.");
        }

        return result;
    }

    /// <summary>A finite double.</summary>
    public double RequireDouble(string name, string allowed) =>
        ReadFinite(Require(name, allowed), ChildPath(name), allowed);

    /// <summary>An array of finite doubles whose length must be <paramref name="expectedLength"/>.</summary>
    /// <param name="name">The field.</param>
    /// <param name="expectedLength">The required length (a long so rows·cols cannot overflow).</param>
    /// <param name="expectation">How the length follows from the sizes, e.g. "latentSize = 16".</param>
    public double[] RequireDoubleArray(string name, long expectedLength, string expectation)
    {
        string path = ChildPath(name);
        JsonElement value = Require(name, $"an array of {expectation} finite numbers");
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(path, $"is {Describe(value)}; must be an array of {expectation} finite numbers.");
        }

        // Length first: the sizes were checked against each other already, so this bounds what is parsed.
        int length = value.GetArrayLength();
        if (length != expectedLength)
        {
            Fail(path, $"holds {length} numbers; expected {expectation}.");
        }

        var result = new double[length];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            result[i] = ReadFinite(item, $"{path}[{i}]", "a finite number");
            i++;
        }

        return result;
    }

    /// <summary>Fails on the first field that was never read: the format does not define it.</summary>
    public void RejectUnknown()
    {
        foreach (string name in _fields.Keys)
        {
            if (!_read.Contains(name))
            {
                string allowed = string.Join(", ", _read.Select(n => $"\"{n}\""));
                Fail(ChildPath(name), $"unknown field \"{Quote(name)}\"; the fields allowed here are {allowed}.");
            }
        }
    }

    /// <summary>Throws a <see cref="ParameterFileException"/> for this reader's file.</summary>
    [DoesNotReturn]
    public void Fail(string jsonPath, string problem, Exception? innerException = null) =>
        throw new ParameterFileException(FilePath, jsonPath, problem, innerException);

    /// <summary>A short description of a JSON value for messages: its kind and, for scalars, its text.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Quote(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Quote(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    /// <summary>Text cut to a length that keeps messages readable.</summary>
    public static string Quote(string text) =>
        text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "…");

    private double ReadFinite(JsonElement value, string path, string allowed)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            string hint = value.ValueKind == JsonValueKind.String
                ? " (JSON has no NaN or Infinity, and numbers are not quoted)"
                : string.Empty;
            Fail(path, $"is {Describe(value)}; must be {allowed}{hint}.");
        }

        // An overflowing literal (1e400) is valid JSON; whether TryGetDouble refuses it or returns ±∞
        // has varied between runtimes, so both outcomes are rejected here.
        if (!value.TryGetDouble(out double result) || !double.IsFinite(result))
        {
            Fail(path, $"{Describe(value)} is outside the finite range of a double (±{double.MaxValue.ToString("R", CultureInfo.InvariantCulture)}); must be {allowed}.");
        }

        return result;
    }
}
