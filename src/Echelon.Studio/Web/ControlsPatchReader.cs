using System.Globalization;
using System.Text.Json;
using Echelon.Music.Theory;

namespace Echelon.Studio.Web;

/// <summary>
/// Reads a <see cref="ControlsPatch"/> from a JSON body, checking the JSON types itself so that every problem is
/// reported against its field (a wrong type, an unknown field, a duplicate) rather than as one parse error.
/// </summary>
/// <remarks>Stateless; thread-safe. I/O thread only (allocates).</remarks>
internal static class ControlsPatchReader
{
    /// <summary>The field used for problems with the body as a whole.</summary>
    public const string BodyField = "body";

    /// <summary>Reads the patch; null (with <paramref name="errors"/> filled) when a field has the wrong type or is unknown.</summary>
    public static ControlsPatch? Read(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(BodyField, $"the body must be a JSON object with any of {string.Join(", ", ControlsPatch.FieldNames)}; got {Describe(root)}.");
            return null;
        }

        string? key = null;
        string? mode = null;
        double? bpm = null;
        double? intensity = null;
        Dictionary<string, AgentPatch>? agents = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty field in root.EnumerateObject())
        {
            if (!seen.Add(field.Name))
            {
                errors.Add(field.Name, $"{field.Name} is given more than once.");
                continue;
            }

            switch (field.Name)
            {
                case "key":
                    key = ReadKey(field.Value, errors);
                    break;
                case "mode":
                    if (field.Value.ValueKind == JsonValueKind.String)
                    {
                        mode = field.Value.GetString();
                    }
                    else
                    {
                        errors.Add("mode", $"mode must be a string, one of {ModeNames.AllowedList}; got {Describe(field.Value)}.");
                    }

                    break;
                case "bpm":
                    bpm = ReadNumber(field.Value, "bpm", Music.Transport.Bpm.AllowedRange, errors);
                    break;
                case "intensity":
                    intensity = ReadNumber(field.Value, "intensity", ControlsPatch.IntensityRange, errors);
                    break;
                case "agents":
                    agents = ReadAgents(field.Value, errors);
                    break;
                default:
                    errors.Add(field.Name, $"{field.Name} is not a control; allowed: {string.Join(", ", ControlsPatch.FieldNames)}.");
                    break;
            }
        }

        return errors.Count > 0 ? null : new ControlsPatch(key, mode, bpm, intensity, agents);
    }

    private static string? ReadKey(JsonElement value, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int tonic) && tonic is >= 0 and <= 11)
        {
            return KeyName.Format(tonic);
        }

        errors.Add(
            KeyName.FieldName,
            value.ValueKind == JsonValueKind.Number
                ? $"key {value.GetRawText()} is not a pitch class; allowed: 0–11, or a name: {KeyName.AllowedList}."
                : $"key must be a name ({KeyName.AllowedList}) or a pitch class 0–11; got {Describe(value)}.");
        return null;
    }

    private static double? ReadNumber(JsonElement value, string field, string range, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number))
        {
            return number;
        }

        errors.Add(field, $"{field} must be a number in the allowed range {range}; got {Describe(value)}.");
        return null;
    }

    private static Dictionary<string, AgentPatch>? ReadAgents(JsonElement value, ValidationErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("agents", $"agents must be an object by agent name ({string.Join(", ", Engine.StudioControls.AgentNames)}), each with mute and/or level; got {Describe(value)}.");
            return null;
        }

        var agents = new Dictionary<string, AgentPatch>(StringComparer.Ordinal);
        foreach (JsonProperty agent in value.EnumerateObject())
        {
            string field = "agents." + agent.Name;
            if (agents.ContainsKey(agent.Name))
            {
                errors.Add(field, $"{field} is given more than once.");
                continue;
            }

            if (agent.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(field, $"{field} must be an object with mute (true or false) and/or level ({ControlsPatch.LevelRange}); got {Describe(agent.Value)}.");
                continue;
            }

            bool? mute = null;
            double? level = null;
            foreach (JsonProperty setting in agent.Value.EnumerateObject())
            {
                string name = field + "." + setting.Name;
                switch (setting.Name)
                {
                    case "mute" when setting.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                        mute = setting.Value.GetBoolean();
                        break;
                    case "mute":
                        errors.Add(name, $"{name} must be true or false; got {Describe(setting.Value)}.");
                        break;
                    case "level":
                        level = ReadNumber(setting.Value, name, ControlsPatch.LevelRange, errors);
                        break;
                    default:
                        errors.Add(name, $"{name} is not an agent setting; allowed: mute, level.");
                        break;
                }
            }

            agents[agent.Name] = new AgentPatch(mute, level);
        }

        return agents;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
