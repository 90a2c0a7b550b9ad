using Echelon.Motion.Frames;
using Echelon.Motion.Skeleton;

namespace Echelon.Motion.Sources;

/// <summary>A device a source reports frames from.</summary>
/// <param name="Id">The frames' <see cref="SensorFrame.DeviceId"/>.</param>
/// <param name="Kind">What its frames carry.</param>
/// <param name="NominalRateHz">Frames per second it is expected to deliver.</param>
/// <param name="Description">A short human description (model, file, placement).</param>
/// <param name="Skeleton">
/// For a skeleton device, the definition every one of its frames uses (recording writes it into the
/// manifest so replay rebuilds the same frames); null for other kinds.
/// </param>
public sealed record SensorDevice(string Id, SensorKind Kind, double NominalRateHz, string Description, SkeletonDefinition? Skeleton = null);
