using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Echelon.Studio.Configuration;

/// <summary>
/// What a mapping drives: <c>composer.intensity|density|brightness|tension</c>, <c>synth.&lt;parameter&gt;</c>,
/// <c>midi.cc:&lt;channel 1–16&gt;:&lt;controller 0–119&gt;</c> or <c>osc:&lt;address&gt;</c>.
/// </summary>
/// <remarks>Immutable; thread-safe. Create one with the factories or <see cref="TryParse"/>.</remarks>
public sealed record MappingTarget
{
    /// <summary>The forms <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Allowed = "composer.<control>, synth.<parameter>, midi.cc:<channel 1–16>:<controller 0–119> or osc:</address>";

    /// <summary>The highest controller a mapping may drive: 120–127 are channel mode messages (all notes off, reset, …), not controls.</summary>
    public const int MaxController = 119;

    private static readonly string[] s_composerControls = ["intensity", "density", "brightness", "tension"];
    private static readonly string[] s_synthParameters = ["cutoff", "resonance", "reverb", "delay", "gain"];

    private MappingTarget(MappingTargetKind kind, string name, int channel, int controller)
    {
        Kind = kind;
        Name = name;
        Channel = channel;
        Controller = controller;
    }

    /// <summary>The composer controls a mapping can drive, in <see cref="Echelon.Music.Composition.ControlState"/> order.</summary>
    public static IReadOnlyList<string> ComposerControls => s_composerControls;

    /// <summary>The synth's macro parameters (each 0–1, as the live engine plays them): master low-pass cutoff (200 Hz – 20 kHz, exponential) and resonance, reverb mix, echo send, master gain (0–2).</summary>
    public static IReadOnlyList<string> SynthParameters => s_synthParameters;

    /// <summary>What is driven.</summary>
    public MappingTargetKind Kind { get; }

    /// <summary>The control, the synth parameter or the OSC address; empty for MIDI.</summary>
    public string Name { get; }

    /// <summary>The MIDI channel, 1–16 as DAWs number them; 0 for other kinds.</summary>
    public int Channel { get; }

    /// <summary>The MIDI controller number, 0–119; 0 for other kinds.</summary>
    public int Controller { get; }

    /// <summary>The output range a mapping uses when it names none: 0–127 for MIDI, 0–1 otherwise.</summary>
    public MappingRange DefaultOutput => Kind == MappingTargetKind.MidiCc ? new MappingRange(0, 127) : MappingRange.Unit;

    /// <summary>The values the target accepts: 0–1 for composer and synth, 0–127 for MIDI, any finite float for OSC.</summary>
    public MappingRange AllowedOutput => Kind switch
    {
        MappingTargetKind.MidiCc => new MappingRange(0, 127),
        MappingTargetKind.Osc => new MappingRange(float.MinValue, float.MaxValue),
        _ => MappingRange.Unit,
    };

    /// <summary><c>composer.&lt;control&gt;</c>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="ComposerControls"/>.</exception>
    public static MappingTarget Composer(string control) =>
        s_composerControls.Contains(control, StringComparer.Ordinal)
            ? new MappingTarget(MappingTargetKind.Composer, control, 0, 0)
            : throw new ArgumentException($"'{control}' is not a composer control; allowed: {string.Join(", ", s_composerControls)}.", nameof(control));

    /// <summary><c>synth.&lt;parameter&gt;</c>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="SynthParameters"/>.</exception>
    public static MappingTarget Synth(string parameter) =>
        s_synthParameters.Contains(parameter, StringComparer.Ordinal)
            ? new MappingTarget(MappingTargetKind.Synth, parameter, 0, 0)
            : throw new ArgumentException($"'{parameter}' is not a synth parameter; allowed: {string.Join(", ", s_synthParameters)}.", nameof(parameter));

    /// <summary><c>midi.cc:&lt;channel&gt;:&lt;controller&gt;</c>.</summary>
    public static MappingTarget MidiCc(int channel, int controller)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 16);
        ArgumentOutOfRangeException.ThrowIfNegative(controller);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(controller, MaxController);
        return new MappingTarget(MappingTargetKind.MidiCc, string.Empty, channel, controller);
    }

    /// <summary><c>osc:&lt;address&gt;</c>.</summary>
    /// <exception cref="ArgumentException">Not a valid OSC address.</exception>
    public static MappingTarget Osc(string address) =>
        OscAddressProblem(address) is { } problem
            ? throw new ArgumentException(problem, nameof(address))
            : new MappingTarget(MappingTargetKind.Osc, address, 0, 0);

    /// <summary>Parses a target; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MappingTarget? target, [NotNullWhen(false)] out string? problem)
    {
        target = null;
        problem = null;
        string t = text?.Trim() ?? string.Empty;
        if (t.StartsWith("composer.", StringComparison.Ordinal))
        {
            return Named(t["composer.".Length..], s_composerControls, "composer", MappingTargetKind.Composer, out target, out problem);
        }

        if (t.StartsWith("synth.", StringComparison.Ordinal))
        {
            return Named(t["synth.".Length..], s_synthParameters, "synth", MappingTargetKind.Synth, out target, out problem);
        }

        if (t.StartsWith("midi.cc:", StringComparison.Ordinal))
        {
            string[] parts = t["midi.cc:".Length..].Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int channel)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int controller))
            {
                problem = "a MIDI target is midi.cc:<channel>:<controller>, e.g. midi.cc:1:74";
                return false;
            }

            if (channel is < 1 or > 16)
            {
                problem = $"MIDI channel {channel} is not 1–16";
                return false;
            }

            if (controller > MaxController)
            {
                problem = $"controller {controller} is not 0–{MaxController} (120–127 are channel mode messages)";
                return false;
            }

            target = new MappingTarget(MappingTargetKind.MidiCc, string.Empty, channel, controller);
            return true;
        }

        if (t.StartsWith("osc:", StringComparison.Ordinal))
        {
            string address = t["osc:".Length..];
            problem = OscAddressProblem(address);
            if (problem is not null)
            {
                return false;
            }

            target = new MappingTarget(MappingTargetKind.Osc, address, 0, 0);
            return true;
        }

        problem = "not a mapping target";
        return false;
    }

    /// <summary>The canonical text: <c>composer.intensity</c>, <c>synth.cutoff</c>, <c>midi.cc:1:74</c>, <c>osc:/echelon/energy</c>.</summary>
    public override string ToString() => Kind switch
    {
        MappingTargetKind.Composer => "composer." + Name,
        MappingTargetKind.Synth => "synth." + Name,
        MappingTargetKind.MidiCc => string.Create(CultureInfo.InvariantCulture, $"midi.cc:{Channel}:{Controller}"),
        _ => "osc:" + Name,
    };

    private static bool Named(string name, string[] names, string group, MappingTargetKind kind, out MappingTarget? target, out string? problem)
    {
        target = null;
        problem = null;
        if (names.Contains(name, StringComparer.Ordinal))
        {
            target = new MappingTarget(kind, name, 0, 0);
            return true;
        }

        string? guess = KeySuggestion.Closest(name, names);
        problem = $"'{name}' is not a {group} {(kind == MappingTargetKind.Composer ? "control" : "parameter")}; {group} has {string.Join(", ", names)}"
            + (guess is null ? string.Empty : $"; did you mean '{group}.{guess}'?");
        return false;
    }

    /// <summary>Null for a valid OSC 1.0 address: '/' then printable ASCII without space or the pattern characters # * , ? [ ] { }, and no empty part.</summary>
    private static string? OscAddressProblem(string address)
    {
        if (address.Length < 2 || address[0] != '/')
        {
            return $"OSC address '{address}' must start with '/' and name something, e.g. osc:/echelon/energy";
        }

        if (address.EndsWith('/') || address.Contains("//", StringComparison.Ordinal))
        {
            return $"OSC address '{address}' has an empty part";
        }

        foreach (char c in address)
        {
            if (c is <= ' ' or > '~' or '#' or '*' or ',' or '?' or '[' or ']' or '{' or '}')
            {
                return $"OSC address '{address}' holds '{c}'; an address is printable ASCII without space or # * , ? [ ] {{ }}";
            }
        }

        return null;
    }
}
