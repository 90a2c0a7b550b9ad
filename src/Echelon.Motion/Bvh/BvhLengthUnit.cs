namespace Echelon.Motion.Bvh;

/// <summary>How <see cref="BvhFile.UnitScale"/> was chosen: the file's length unit as detected from the rest-pose height.</summary>
public enum BvhLengthUnit
{
    /// <summary>The rest pose is 1.2–2.3 units tall: metres (scale 1). Also the answer for a skeleton with no height at all.</summary>
    Metres = 1,

    /// <summary>The rest pose is 120–230 units tall: centimetres (scale 0.01).</summary>
    Centimetres = 2,

    /// <summary>The rest pose is 1200–2300 units tall: millimetres (scale 0.001).</summary>
    Millimetres = 3,

    /// <summary>The rest pose is 47–91 units tall: inches (scale 0.0254).</summary>
    Inches = 4,

    /// <summary>
    /// No known unit fits: the skeleton is scaled so its rest pose is 1.75 m tall. CMU "original
    /// units" files land here (see <see cref="BvhFile.CmuUnitMetres"/> for why).
    /// </summary>
    NormalisedHeight = 5,

    /// <summary>The caller set <see cref="BvhReadOptions.UnitScale"/>.</summary>
    Explicit = 6,
}
