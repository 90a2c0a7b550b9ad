namespace Echelon.Studio.Web;

/// <summary>One mapping from the control state to something it drives, as <c>GET /api/v1/mappings</c> lists it.</summary>
/// <param name="Name">The mapping's name, unique in the runtime.</param>
/// <param name="Source">What it reads (for example <c>x*[3]</c>, <c>phi</c>, <c>psi</c>).</param>
/// <param name="Target">What it drives (for example <c>composer.intensity</c>, <c>osc:/echelon/filter</c>, <c>midi:cc74</c>).</param>
/// <param name="Description">A short human description; null when there is none.</param>
public sealed record MappingSummary(string Name, string Source, string Target, string? Description = null);
