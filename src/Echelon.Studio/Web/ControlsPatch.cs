using System.Collections.Immutable;
using System.Globalization;
using Echelon.Music.Theory;
using Echelon.Studio.Engine;

namespace Echelon.Studio.Web;

/// <summary>
/// A partial change to the controls, as <c>PUT /api/v1/controls</c> takes it: every field is optional and only the
/// fields given change. Validation names each bad field with its allowed range; applying is all or nothing.
/// </summary>
/// <param name="Key">A key name: a letter A–G in either case with an optional # or b (C, F#, Bb). The JSON body also takes a pitch class 0–11.</param>
/// <param name="Mode">A mode name: ionian, dorian, phrygian, lydian, mixolydian, aeolian, locrian (major and minor too).</param>
/// <param name="Bpm">Tempo, 40–200.</param>
/// <param name="Intensity">Base intensity, 0–1.</param>
/// <param name="Agents">Changes by agent name (drums, bass, harmony, melody, percussion).</param>
public sealed record ControlsPatch(
    string? Key = null,
    string? Mode = null,
    double? Bpm = null,
    double? Intensity = null,
    IReadOnlyDictionary<string, AgentPatch>? Agents = null)
{
    /// <summary>The allowed intensity range as text.</summary>
    public const string IntensityRange = "0–1";

    /// <summary>The allowed agent level range as text.</summary>
    public const string LevelRange = "0–2";

    /// <summary>The fields a body may name.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["key", "mode", "bpm", "intensity", "agents"];

    /// <summary>Checks every field; returns field → messages (each naming the allowed range), empty when the patch is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new ValidationErrors();
        AddErrorsTo(errors);
        return errors.ToDictionary();
    }

    /// <summary>The controls with this patch applied.</summary>
    /// <exception cref="ArgumentException">The patch is not valid (see <see cref="Validate()"/>); nothing is applied.</exception>
    public StudioControls ApplyTo(StudioControls current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var errors = new ValidationErrors();
        AddErrorsTo(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "invalid controls: " + string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)),
                nameof(current));
        }

        ImmutableSortedDictionary<string, AgentControl> agents = current.Agents;
        if (Agents is not null)
        {
            foreach ((string name, AgentPatch change) in Agents)
            {
                AgentControl before = agents[name];
                agents = agents.SetItem(name, new AgentControl(change.Mute ?? before.Mute, change.Level ?? before.Level));
            }
        }

        return current with
        {
            Key = Key is null ? current.Key : KeyName.Parse(Key),
            Mode = Mode is null ? current.Mode : ModeNames.Parse(Mode),
            Bpm = Bpm is { } bpm ? new Music.Transport.Bpm(bpm) : current.Bpm,
            Intensity = Intensity ?? current.Intensity,
            Agents = agents,
        };
    }

    /// <summary>The names of the fields this patch sets (agents as <c>agents.NAME</c>), for logs.</summary>
    public IEnumerable<string> NamedFields()
    {
        if (Key is not null)
        {
            yield return "key";
        }

        if (Mode is not null)
        {
            yield return "mode";
        }

        if (Bpm is not null)
        {
            yield return "bpm";
        }

        if (Intensity is not null)
        {
            yield return "intensity";
        }

        foreach (string agent in Agents?.Keys ?? [])
        {
            yield return "agents." + agent;
        }
    }

    internal void AddErrorsTo(ValidationErrors errors)
    {
        if (Key is not null && !KeyName.TryParse(Key, out _))
        {
            try
            {
                KeyName.Parse(Key);
            }
            catch (KeyParseException e)
            {
                errors.Add(KeyName.FieldName, e.Message);
            }
        }

        if (Mode is not null && !ModeNames.TryParse(Mode, out _))
        {
            try
            {
                ModeNames.Parse(Mode);
            }
            catch (ModeParseException e)
            {
                errors.Add(ModeNames.FieldName, e.Message);
            }
        }

        if (Bpm is { } bpm && !Music.Transport.Bpm.IsValid(bpm))
        {
            errors.Add(Music.Transport.Bpm.FieldName, OutOfRange("bpm", bpm, Music.Transport.Bpm.AllowedRange));
        }

        if (Intensity is { } intensity && intensity is not (>= 0 and <= 1))
        {
            errors.Add("intensity", OutOfRange("intensity", intensity, IntensityRange));
        }

        foreach ((string name, AgentPatch? change) in Agents ?? ImmutableDictionary<string, AgentPatch>.Empty)
        {
            string field = "agents." + name;
            if (!StudioControls.AgentNames.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(field, $"{field} is not an agent; allowed: {string.Join(", ", StudioControls.AgentNames)}.");
                continue;
            }

            if (change is null)
            {
                errors.Add(field, $"{field} must be an object with mute (true or false) and/or level ({LevelRange}).");
                continue;
            }

            if (change.Level is { } level && level is not (>= 0 and <= AgentControl.MaxLevel))
            {
                errors.Add(field + ".level", OutOfRange(field + ".level", level, LevelRange));
            }
        }
    }

    internal static string OutOfRange(string field, double value, string range) =>
        $"{field} must be a number in the allowed range {range}; got {value.ToString(CultureInfo.InvariantCulture)}.";
}
