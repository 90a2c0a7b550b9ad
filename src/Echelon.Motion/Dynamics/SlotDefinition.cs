namespace Echelon.Motion.Dynamics;

/// <summary>
/// One Dynamics128 slot: its name, the unit of the raw measurement, its group, and the normalisation
/// that turns the raw value into the slot value: clamp((raw − Offset) × Scale, −Clip, Clip).
/// </summary>
/// <param name="Index">Slot index, 0–127.</param>
/// <param name="Name">Stable snake_case name.</param>
/// <param name="Unit">Unit of the raw measurement ("m", "m/s", "rad/s", "bpm", "1" for dimensionless).</param>
/// <param name="Group">The group the slot belongs to.</param>
/// <param name="Offset">Subtracted before scaling.</param>
/// <param name="Scale">Multiplies the offset raw value.</param>
/// <param name="Clip">Slot values are clamped to ±Clip.</param>
/// <param name="Description">What the slot measures, in a performer's words.</param>
public sealed record SlotDefinition(int Index, string Name, string Unit, SlotGroup Group, float Offset, float Scale, float Clip, string Description)
{
    /// <summary>True for a slot no producer writes yet (always masked).</summary>
    public bool IsReserved => Name.StartsWith("reserved", StringComparison.Ordinal);

    /// <summary>Applies the normalisation to a raw measurement.</summary>
    public float Normalize(float raw) => Math.Clamp((raw - Offset) * Scale, -Clip, Clip);
}
