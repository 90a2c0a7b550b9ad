using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Echelon.Studio.Web;

/// <summary>
/// The pages: <c>/</c> the dashboard, <c>/listen</c> the stream player, <c>/pair</c> the phone page, and their
/// scripts and styles under <c>/assets/</c>. Plain HTML, CSS and JavaScript modules, no build step; built into the
/// assembly so <c>echelon studio</c> serves them from any working directory.
/// </summary>
public static class StaticPagesApi
{
    /// <summary>The path the scripts and styles are served under.</summary>
    public const string AssetsPath = "/assets";

    private static readonly FileExtensionContentTypeProvider s_types = new();

    /// <summary>Maps <c>/</c>, <c>/listen</c>, <c>/pair</c> and <c>/assets/{file}</c>.</summary>
    public static IEndpointRouteBuilder MapStaticPagesApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder pages = endpoints.MapGroup(string.Empty).WithTags("Pages").ExcludeFromDescription();
        pages.MapGet("/", (StudioPages files) => Page(files, "index.html"));
        pages.MapGet("/listen", (StudioPages files) => Page(files, "listen.html"));
        pages.MapGet("/pair", (StudioPages files) => Page(files, "pair.html"));
        pages.MapGet(AssetsPath + "/{file}", (string file, StudioPages files) => Page(files, file));
        return endpoints;
    }

    private static IResult Page(StudioPages pages, string name)
    {
        IFileInfo file = pages.Files.GetFileInfo(name);
        if (!file.Exists || file.IsDirectory || name.Contains('/', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"no page or asset named '{name}'.");
        }

        string type = s_types.TryGetContentType(name, out string? known) ? known : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal))
        {
            type += "; charset=utf-8";
        }

        return TypedResults.Stream(file.CreateReadStream(), type, lastModified: file.LastModified);
    }
}
