using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Echelon.Motion.Dynamics;

namespace Echelon.Studio.Configuration;

/// <summary>
/// What a mapping reads: <c>x_star[i]</c>, <c>y_star[i]</c>, <c>psi</c>, <c>phi</c> or <c>slot:&lt;Dynamics128 slot
/// name&gt;</c> (also <c>x*[i]</c>, <c>y*[i]</c>, <c>ψ</c>, <c>φ</c>).
/// </summary>
/// <remarks>Immutable; thread-safe. Create one with the factories or <see cref="TryParse"/>.</remarks>
public sealed record MappingSource
{
    /// <summary>The forms <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Allowed = "x_star[i], y_star[i], psi, phi or slot:<Dynamics128 slot name>";

    private MappingSource(MappingSourceKind kind, int index)
    {
        Kind = kind;
        Index = index;
    }

    /// <summary>What is read.</summary>
    public MappingSourceKind Kind { get; }

    /// <summary>The latent coordinate (<see cref="MappingSourceKind.FastLatent"/>, <see cref="MappingSourceKind.SlowLatent"/>) or the slot index (<see cref="MappingSourceKind.Slot"/>); 0 otherwise.</summary>
    public int Index { get; }

    /// <summary>The slot's definition for <see cref="MappingSourceKind.Slot"/>, else null.</summary>
    public SlotDefinition? Definition => Kind == MappingSourceKind.Slot ? Dynamics128Layout.Slots[Index] : null;

    /// <summary>True when the source exists only with the dell preset (y*, ψ, φ).</summary>
    public bool NeedsSlowState => Kind is MappingSourceKind.SlowLatent or MappingSourceKind.Phase or MappingSourceKind.Coupling;

    /// <summary>
    /// The input range a mapping uses when it names none: ψ's full circle [−π, π], [0, 1] for everything else.
    /// </summary>
    public MappingRange NaturalRange => Kind == MappingSourceKind.Phase ? new MappingRange(-Math.PI, Math.PI) : MappingRange.Unit;

    /// <summary>
    /// The values the source can take: a slot's ±clip, ψ's [−π, π], φ's [0, ∞), a latent's whole line. An input range
    /// must overlap it, or the mapping could never move.
    /// </summary>
    public MappingRange ReachableRange => Kind switch
    {
        MappingSourceKind.Slot => new MappingRange(-Dynamics128Layout.Slots[Index].Clip, Dynamics128Layout.Slots[Index].Clip),
        MappingSourceKind.Phase => new MappingRange(-Math.PI, Math.PI),
        MappingSourceKind.Coupling => new MappingRange(0.0, double.PositiveInfinity),
        _ => new MappingRange(double.NegativeInfinity, double.PositiveInfinity),
    };

    /// <summary><c>x_star[i]</c>.</summary>
    public static MappingSource FastLatent(int index) => new(MappingSourceKind.FastLatent, CheckIndex(index));

    /// <summary><c>y_star[i]</c>.</summary>
    public static MappingSource SlowLatent(int index) => new(MappingSourceKind.SlowLatent, CheckIndex(index));

    /// <summary><c>psi</c>.</summary>
    public static MappingSource Phase { get; } = new(MappingSourceKind.Phase, 0);

    /// <summary><c>phi</c>.</summary>
    public static MappingSource Coupling { get; } = new(MappingSourceKind.Coupling, 0);

    /// <summary><c>slot:&lt;name&gt;</c>.</summary>
    /// <exception cref="ArgumentException">No such slot, or a reserved one.</exception>
    public static MappingSource Slot(string name)
    {
        SlotDefinition slot = Dynamics128Layout.Find(name) ?? throw new ArgumentException($"No Dynamics128 slot is named '{name}'.", nameof(name));
        return slot.IsReserved
            ? throw new ArgumentException($"Dynamics128 slot '{name}' is reserved: nothing writes it.", nameof(name))
            : new MappingSource(MappingSourceKind.Slot, slot.Index);
    }

    /// <summary>
    /// Parses a source; on failure <paramref name="problem"/> says what is wrong (a misspelt slot gets the closest
    /// name). Latent indices are checked against <see cref="EquilibriumSettings.MaxLatentSize"/> only; the
    /// configuration checks them against its latent size.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MappingSource? source, [NotNullWhen(false)] out string? problem)
    {
        source = null;
        problem = null;
        string t = text?.Trim() ?? string.Empty;
        switch (t)
        {
            case "psi" or "ψ":
                source = Phase;
                return true;
            case "phi" or "φ":
                source = Coupling;
                return true;
        }

        if (t.StartsWith("slot:", StringComparison.Ordinal))
        {
            string name = t["slot:".Length..];
            SlotDefinition? slot = Dynamics128Layout.Find(name);
            if (slot is null)
            {
                string[] names = [.. Dynamics128Layout.Slots.Where(s => !s.IsReserved).Select(s => s.Name)];
                string? guess = KeySuggestion.Closest(name, names);
                problem = guess is null
                    ? $"no Dynamics128 slot is named '{name}' (echelon schema dynamics128 lists them)"
                    : $"no Dynamics128 slot is named '{name}'; did you mean 'slot:{guess}'?";
                return false;
            }

            if (slot.IsReserved)
            {
                problem = $"Dynamics128 slot '{name}' is reserved: nothing writes it";
                return false;
            }

            source = new MappingSource(MappingSourceKind.Slot, slot.Index);
            return true;
        }

        foreach ((string prefix, MappingSourceKind kind) in s_latentForms)
        {
            if (t.StartsWith(prefix, StringComparison.Ordinal) && t.EndsWith(']'))
            {
                string digits = t[prefix.Length..^1];
                if (digits.Length is < 1 or > 4 || !digits.All(char.IsAsciiDigit))
                {
                    problem = $"the index in '{t}' must be a whole number 0–{EquilibriumSettings.MaxLatentSize - 1}";
                    return false;
                }

                int index = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
                if (index >= EquilibriumSettings.MaxLatentSize)
                {
                    problem = $"the index in '{t}' must be 0–{EquilibriumSettings.MaxLatentSize - 1}";
                    return false;
                }

                source = new MappingSource(kind, index);
                return true;
            }
        }

        problem = "not a mapping source";
        return false;
    }

    /// <summary>The canonical text: <c>x_star[3]</c>, <c>y_star[0]</c>, <c>psi</c>, <c>phi</c>, <c>slot:kinetic_energy</c>.</summary>
    public override string ToString() => Kind switch
    {
        MappingSourceKind.FastLatent => $"x_star[{Index.ToString(CultureInfo.InvariantCulture)}]",
        MappingSourceKind.SlowLatent => $"y_star[{Index.ToString(CultureInfo.InvariantCulture)}]",
        MappingSourceKind.Phase => "psi",
        MappingSourceKind.Coupling => "phi",
        _ => "slot:" + Dynamics128Layout.Slots[Index].Name,
    };

    private static readonly (string Prefix, MappingSourceKind Kind)[] s_latentForms =
    [
        ("x_star[", MappingSourceKind.FastLatent),
        ("x*[", MappingSourceKind.FastLatent),
        ("y_star[", MappingSourceKind.SlowLatent),
        ("y*[", MappingSourceKind.SlowLatent),
    ];

    private static int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, EquilibriumSettings.MaxLatentSize);
        return index;
    }
}
