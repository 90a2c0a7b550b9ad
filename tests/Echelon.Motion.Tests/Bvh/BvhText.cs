using Echelon.Motion.Bvh;

namespace Echelon.Motion.Tests.Bvh;

/// <summary>Small inline BVH files for tests.</summary>
internal static class BvhText
{
    /// <summary>
    /// A valid two-joint file with an End Site and two frames; the line numbers the error tests use
    /// are in the comments.
    /// </summary>
    public static readonly string[] Valid =
    [
        "HIERARCHY",                                                                    // 1
        "ROOT Hips",                                                                    // 2
        "{",                                                                            // 3
        "  OFFSET 0 0 0",                                                               // 4
        "  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation",     // 5
        "  JOINT Spine",                                                                // 6
        "  {",                                                                          // 7
        "    OFFSET 0 1 0",                                                             // 8
        "    CHANNELS 3 Zrotation Xrotation Yrotation",                                 // 9
        "    End Site",                                                                 // 10
        "    {",                                                                        // 11
        "      OFFSET 0 1 0",                                                           // 12
        "    }",                                                                        // 13
        "  }",                                                                          // 14
        "}",                                                                            // 15
        "MOTION",                                                                       // 16
        "Frames: 2",                                                                    // 17
        "Frame Time: 0.01",                                                             // 18
        "0 1 0 0 0 0 0 0 0",                                                            // 19
        "0 1 0 10 0 0 0 0 0",                                                           // 20
    ];

    /// <summary>The valid file with 1-based line <paramref name="line"/> replaced (null removes it).</summary>
    public static string With(int line, string? replacement)
    {
        var lines = Valid.ToList();
        if (replacement is null)
        {
            lines.RemoveAt(line - 1);
        }
        else
        {
            lines[line - 1] = replacement;
        }

        return string.Join('\n', lines) + "\n";
    }

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    /// <summary>Parses with unit scale 1 so positions come out in the file's numbers.</summary>
    public static BvhFile Parse(string text, BvhReadOptions? options = null) =>
        BvhFile.Parse(new StringReader(text), "inline.bvh", options ?? new BvhReadOptions { UnitScale = 1 });
}
