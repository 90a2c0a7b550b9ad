using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Echelon.Protocols.Osc;

namespace Echelon.Cli.Osc;

/// <summary>
/// One decoded message as a JSON line for <c>echelon osc dump --json</c>:
/// <c>{"time": "HHHHHHHH.HHHHHHHH" | null, "address": "/a", "types": "ifs", "args": [1, 2.5, "hi"]}</c>.
/// </summary>
/// <remarks>
/// <c>time</c> is the bundle's time tag (null for a message sent alone). Values: numbers for
/// <c>i h f d</c> (NaN and infinities as the strings "NaN", "Infinity", "-Infinity"); strings for
/// <c>s S c</c>; lowercase hex strings for <c>b</c>, and for <c>m r</c> as 8 digits (the forms
/// <c>echelon osc send</c> takes); time tags as <c>HHHHHHHH.HHHHHHHH</c>; true/false for <c>T F</c>,
/// null for <c>N</c>, "infinitum" for <c>I</c>; arrays as arrays.
/// </remarks>
internal static class OscJson
{
    // Lines go to terminals and pipes, not into HTML: keep quotes and non-ASCII text readable.
    private static readonly JsonSerializerOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(OscMessage message, OscTimeTag? time)
    {
        var args = new JsonArray();
        foreach (OscValue v in message.Arguments)
        {
            args.Add(Value(v));
        }

        var line = new JsonObject
        {
            ["time"] = time?.ToString(),
            ["address"] = message.Address,
            ["types"] = message.TypeTags,
            ["args"] = args,
        };
        return line.ToJsonString(s_options);
    }

    private static JsonNode? Value(OscValue v) => v.Type switch
    {
        OscTypeTag.Int32 => JsonValue.Create(v.AsInt32()),
        OscTypeTag.Int64 => JsonValue.Create(v.AsInt64()),
        OscTypeTag.Float32 => Real(v.AsFloat32()),
        OscTypeTag.Double => Real(v.AsDouble()),
        OscTypeTag.String or OscTypeTag.Symbol => JsonValue.Create(v.AsString()),
        OscTypeTag.Char => JsonValue.Create(v.AsChar().ToString()),
        OscTypeTag.Blob => JsonValue.Create(Convert.ToHexStringLower(v.AsBlob().Span)),
        OscTypeTag.Midi => JsonValue.Create(v.AsMidi().ToString()),
        OscTypeTag.Rgba => JsonValue.Create(v.AsRgba().ToString()),
        OscTypeTag.TimeTag => JsonValue.Create(v.AsTimeTag().ToString()),
        OscTypeTag.True => JsonValue.Create(true),
        OscTypeTag.False => JsonValue.Create(false),
        OscTypeTag.Nil => null,
        OscTypeTag.Infinitum => JsonValue.Create("infinitum"),
        OscTypeTag.Array => new JsonArray([.. v.AsArray().Select(Value)]),
        _ => JsonValue.Create(((char)v.Type).ToString()),
    };

    private static JsonValue Real(float value) =>
        float.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFinite(value));

    private static JsonValue Real(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFinite(value));

    private static string NonFinite(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
}
