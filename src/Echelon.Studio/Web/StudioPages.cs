using Microsoft.Extensions.FileProviders;

namespace Echelon.Studio.Web;

/// <summary>Where the pages come from: the copies built into this assembly (<c>Web/wwwroot</c>), or a folder on disk.</summary>
internal sealed class StudioPages(StudioWebHostOptions options)
{
    /// <summary>The manifest prefix of the embedded pages: root namespace plus folder.</summary>
    public const string ResourcePrefix = "Echelon.Studio.Web.wwwroot";

    public IFileProvider Files { get; } = options.StaticFilesDirectory is { } folder
        ? new PhysicalFileProvider(Path.GetFullPath(folder))
        : new EmbeddedFileProvider(typeof(StudioPages).Assembly, ResourcePrefix);
}
