namespace Echelon.Studio.Web;

/// <summary>
/// The extension point for <c>GET /api/v1/mappings</c>: a runtime that also implements this interface has its
/// mappings listed there. The engine contract (<see cref="Engine.IStudioRuntime"/>) has no mappings yet, so until a
/// runtime implements it the list is empty.
/// </summary>
/// <remarks>Implementations must be safe to call from I/O threads, concurrently, without blocking the engine.</remarks>
public interface IMappingCatalog
{
    /// <summary>The mappings in force, in evaluation order.</summary>
    IReadOnlyList<MappingSummary> Mappings { get; }
}
