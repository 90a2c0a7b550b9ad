namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// One input of a unit generator as the file stores it: an output of an earlier unit generator
/// (<see cref="UGen"/> ≥ 0, <see cref="Index"/> = its output), or a constant (<see cref="UGen"/> = −1,
/// <see cref="Index"/> = the constant's position in <see cref="SynthDef.Constants"/>).
/// </summary>
/// <param name="UGen">Index of the source unit generator, or −1 for a constant.</param>
/// <param name="Index">Output of the source, or the constant's index.</param>
public readonly record struct UGenInput(int UGen, int Index)
{
    /// <summary>True when the input is a constant.</summary>
    public bool IsConstant => UGen == -1;
}
