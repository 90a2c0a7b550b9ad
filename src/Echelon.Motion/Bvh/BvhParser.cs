using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Echelon.Motion.Sources;

namespace Echelon.Motion.Bvh;

/// <summary>
/// Reads BVH text into a <see cref="BvhFile"/>. Every failure is a <see cref="MotionFormatException"/>
/// naming the file, the 1-based line and the field: a HIERARCHY keyword (<c>HIERARCHY</c>, <c>ROOT</c>,
/// <c>JOINT</c>, <c>End Site</c>, <c>OFFSET</c>, <c>CHANNELS</c>, <c>{</c>, <c>}</c>, <c>MOTION</c>),
/// <c>Frames</c>, <c>Frame Time</c>, <c>values</c> (a motion line of the wrong width) or
/// <c>&lt;joint&gt;.&lt;channel&gt;</c> (a value that is not a number).
/// </summary>
/// <remarks>
/// Keywords and channel names match case-insensitively; tokens are separated by any whitespace
/// (spaces, tabs), lines end in LF, CRLF or CR, and blank lines are skipped. OFFSET and CHANNELS take
/// the rest of their line; <c>{</c> may sit on the line of its ROOT, JOINT or End Site. A joint name
/// may hold spaces (the rest of the line). NaN and infinities in motion lines are read as such
/// (<c>NaN</c>, <c>Infinity</c>, <c>inf</c>, <c>nan</c>, MSVC's <c>1.#INF</c>/<c>1.#IND</c>), never in
/// OFFSET or Frame Time.
/// </remarks>
internal sealed class BvhParser
{
    private static readonly string[] s_channelNames = ["Xposition", "Yposition", "Zposition", "Xrotation", "Yrotation", "Zrotation"];
    private static readonly char[] s_lineBreaks = ['\r', '\n'];

    private readonly TextReader _reader;
    private readonly string _file;
    private readonly BvhReadOptions _options;
    private readonly List<Node> _joints = [];
    private readonly List<Node> _endSites = [];
    private readonly Dictionary<string, Node> _jointsByName = new(StringComparer.OrdinalIgnoreCase);
    private int _lineNumber;
    private int _channelCount;

    private BvhParser(TextReader reader, string file, BvhReadOptions options)
    {
        _reader = reader;
        _file = file;
        _options = options;
    }

    public static BvhFile Parse(TextReader reader, string file, BvhReadOptions options)
    {
        var parser = new BvhParser(reader, file, options);
        parser.ReadHierarchy();
        return parser.ReadMotion();
    }

    private void ReadHierarchy()
    {
        bool seenHierarchy = false;
        Node? root = null;
        Node? pending = null;
        var stack = new List<Node>();
        while (NextLine(out string? line))
        {
            string[] t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 0)
            {
                continue;
            }

            int i = 0;
            if (!seenHierarchy)
            {
                if (!Is(t[0], "HIERARCHY"))
                {
                    throw Error("HIERARCHY", $"expected the HIERARCHY keyword first; found '{Shorten(t[0])}'");
                }

                seenHierarchy = true;
                i = 1;
            }

            while (i < t.Length)
            {
                string token = t[i];
                if (pending is not null && token != "{")
                {
                    throw Error("{", $"expected '{{' to open {Describe(pending)}; found '{Shorten(token)}'");
                }

                if (token == "{")
                {
                    stack.Add(pending ?? throw Error("{", "this '{' follows no ROOT, JOINT or End Site"));
                    pending = null;
                    i++;
                }
                else if (token == "}")
                {
                    if (stack.Count == 0)
                    {
                        throw Error("}", "'}' without a matching '{'");
                    }

                    Node closing = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    if (closing.Offset is null)
                    {
                        throw Error("OFFSET", $"{Describe(closing)} (line {closing.Line}) closes without an OFFSET");
                    }

                    i++;
                }
                else if (Is(token, "ROOT"))
                {
                    if (root is not null)
                    {
                        throw Error("ROOT", $"a second ROOT; one skeleton per file is supported (the first ROOT is at line {root.Line})");
                    }

                    root = NewJoint(t, ref i, "ROOT", -1);
                    pending = root;
                }
                else if (Is(token, "JOINT"))
                {
                    if (stack.Count == 0)
                    {
                        throw Error("JOINT", root is null ? "JOINT before the ROOT" : "JOINT after the ROOT's closing '}'");
                    }

                    Node parent = stack[^1];
                    if (parent.IsEndSite)
                    {
                        throw Error("JOINT", $"{Describe(parent)} cannot have children");
                    }

                    pending = NewJoint(t, ref i, "JOINT", parent.Index);
                }
                else if (Is(token, "End"))
                {
                    if (i + 1 >= t.Length || !Is(t[i + 1], "Site"))
                    {
                        throw Error("End Site", "expected 'End Site'");
                    }

                    if (stack.Count == 0 || stack[^1].IsEndSite)
                    {
                        throw Error("End Site", stack.Count == 0 ? "End Site outside any joint's braces" : "End Site inside an End Site");
                    }

                    pending = new Node(stack[^1].Name, stack[^1].Index, _lineNumber, isEndSite: true);
                    _endSites.Add(pending);
                    i += 2;
                }
                else if (Is(token, "OFFSET"))
                {
                    Node node = Current(stack, "OFFSET");
                    if (node.Offset is not null)
                    {
                        throw Error("OFFSET", $"a second OFFSET for {Describe(node)}");
                    }

                    node.Offset = ReadOffset(t, i + 1, node);
                    i = t.Length;
                }
                else if (Is(token, "CHANNELS"))
                {
                    Node node = Current(stack, "CHANNELS");
                    if (node.IsEndSite)
                    {
                        throw Error("CHANNELS", $"{Describe(node)} cannot have channels");
                    }

                    if (node.Channels is not null)
                    {
                        throw Error("CHANNELS", $"a second CHANNELS line for {Describe(node)}");
                    }

                    node.Channels = ReadChannels(t, i + 1, node);
                    _channelCount += node.Channels.Length;
                    i = t.Length;
                }
                else if (Is(token, "MOTION"))
                {
                    if (stack.Count > 0)
                    {
                        throw Error("}", $"{Describe(stack[^1])} opened at line {stack[^1].Line} is not closed before MOTION");
                    }

                    if (root is null)
                    {
                        throw Error("ROOT", "no ROOT before MOTION");
                    }

                    if (_channelCount == 0)
                    {
                        throw Error("CHANNELS", "the hierarchy declares no channels, so there is no motion to read");
                    }

                    return;
                }
                else
                {
                    throw Error(
                        Shorten(token),
                        $"unexpected '{Shorten(token)}' in HIERARCHY; expected ROOT, JOINT, End Site, OFFSET, CHANNELS, '{{', '}}' or MOTION");
                }
            }
        }

        throw seenHierarchy
            ? new MotionFormatException(_file, 0, "MOTION", $"the file ends after line {_lineNumber} without a MOTION section")
            : new MotionFormatException(_file, 0, "HIERARCHY", "the file is empty; expected a HIERARCHY section");
    }

    private BvhFile ReadMotion()
    {
        int declared = (int)ReadHeader("Frames:", "Frames", "a whole number of frames ≥ 0", out int framesLine, static (string v, out double d) =>
        {
            bool ok = int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0;
            d = n;
            return ok;
        });

        double frameTime = ReadHeader("Frame Time:", "Frame Time", "seconds per frame, finite and > 0", out _, static (string v, out double d) =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d) && d > 0);

        int width = _channelCount;
        double[] motion = new double[(long)Math.Clamp(declared, 1, 1 << 14) * width];
        int frames = 0;
        string? heldProblem = null;
        int heldLine = 0;
        while (NextLine(out string? line))
        {
            ReadOnlySpan<char> text = line;
            int count = CountTokens(text);
            if (count == 0)
            {
                continue;
            }

            if (heldProblem is not null)
            {
                // The short line was not the file's last: it is a malformed frame, not truncation.
                throw new MotionFormatException(_file, heldLine, "values", heldProblem);
            }

            if (frames >= declared)
            {
                throw Error("Frames", $"'Frames: {declared}' (line {framesLine}) but line {_lineNumber} holds frame {frames + 1}");
            }

            if (count != width)
            {
                string problem = $"frame {frames + 1} has {count} values; expected {width} (one per channel)";
                if (count < width && _options.AllowTruncatedMotion)
                {
                    heldProblem = problem;
                    heldLine = _lineNumber;
                    continue;
                }

                throw Error("values", problem);
            }

            if ((long)(frames + 1) * width > motion.Length)
            {
                long grown = Math.Min((long)motion.Length * 2, (long)declared * width);
                if (grown > Array.MaxLength)
                {
                    throw Error("Frames", $"{declared} frames × {width} channels is more than one array can hold");
                }

                Array.Resize(ref motion, (int)grown);
            }

            ParseValues(text, motion.AsSpan(frames * width, width), frames);
            frames++;
        }

        if (frames < declared && !_options.AllowTruncatedMotion)
        {
            throw new MotionFormatException(
                _file,
                framesLine,
                "Frames",
                $"declares {declared} frames but the file holds {frames}; set BvhReadOptions.AllowTruncatedMotion to keep the frames present");
        }

        if (motion.Length != frames * width)
        {
            Array.Resize(ref motion, frames * width);
        }

        return Build(motion, frames, declared, frameTime);
    }

    private delegate bool ValueParser(string text, out double value);

    private double ReadHeader(string key, string field, string allowed, out int line, ValueParser parse)
    {
        string? text;
        string[] t;
        do
        {
            if (!NextLine(out text))
            {
                throw new MotionFormatException(_file, _lineNumber, field, $"the file ends before '{key} …'");
            }

            t = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
        while (t.Length == 0);

        line = _lineNumber;
        string collapsed = string.Join(' ', t);
        if (!collapsed.StartsWith(key, StringComparison.OrdinalIgnoreCase))
        {
            throw Error(field, $"expected '{key} …'; found '{Shorten(collapsed)}'");
        }

        string value = collapsed[key.Length..].Trim();
        return parse(value, out double result)
            ? result
            : throw Error(field, $"'{Shorten(value)}' is not valid; expected {allowed}");
    }

    private void ParseValues(ReadOnlySpan<char> text, Span<double> row, int frame)
    {
        int column = 0;
        int pos = 0;
        while (NextToken(text, ref pos, out ReadOnlySpan<char> token))
        {
            if (!TryParseNumber(token, out double v))
            {
                throw Error(ColumnLabel(column), $"column {column + 1} of frame {frame + 1} is '{Shorten(token.ToString())}', not a number");
            }

            row[column++] = v;
        }
    }

    private string ColumnLabel(int column)
    {
        foreach (Node joint in _joints)
        {
            BvhChannel[] channels = joint.Channels ?? [];
            if (column < channels.Length)
            {
                return $"{joint.Name}.{s_channelNames[(int)channels[column]]}";
            }

            column -= channels.Length;
        }

        return "values";
    }

    private BvhFile Build(double[] motion, int frames, int declared, double frameTime)
    {
        int jointCount = _joints.Count;
        int n = jointCount + _endSites.Count;
        string[] names = new string[n];
        int[] parents = new int[n];
        double[] offsets = new double[3 * n];
        int[] channelStart = new int[n + 1];
        var channels = new BvhChannel[_channelCount];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int c = 0;
        for (int i = 0; i < n; i++)
        {
            Node node = i < jointCount ? _joints[i] : _endSites[i - jointCount];
            if (node.IsEndSite)
            {
                // "<Parent>_End", then "_End2", … should a joint have several End Sites or a joint already use the name.
                string name = node.Name + "_End";
                for (int k = 2; used.Contains(name) || _jointsByName.ContainsKey(name); k++)
                {
                    name = $"{node.Name}_End{k}";
                }

                names[i] = name;
            }
            else
            {
                names[i] = node.Name;
            }

            used.Add(names[i]);
            parents[i] = node.Parent;
            node.Offset!.CopyTo(offsets, 3 * i);
            channelStart[i] = c;
            foreach (BvhChannel channel in node.Channels ?? [])
            {
                channels[c++] = channel;
            }
        }

        channelStart[n] = c;
        return new BvhFile(_file, names, parents, jointCount, offsets, channels, channelStart, motion, frames, declared, frameTime, _options.UnitScale);
    }

    private Node NewJoint(string[] t, ref int i, string keyword, int parent)
    {
        // The name is the rest of the line, less an opening brace at its end.
        int end = t.Length;
        if (end > i + 1 && t[end - 1] == "{")
        {
            end--;
        }

        if (end <= i + 1)
        {
            throw Error(keyword, $"{keyword} without a name");
        }

        string name = string.Join(' ', t, i + 1, end - i - 1);
        if (_jointsByName.TryGetValue(name, out Node? earlier))
        {
            throw Error(keyword, $"joint name '{Shorten(name)}' repeats the joint at line {earlier.Line}");
        }

        var node = new Node(name, parent, _lineNumber, isEndSite: false) { Index = _joints.Count };
        _joints.Add(node);
        _jointsByName.Add(name, node);
        i = end;
        return node;
    }

    private Node Current(List<Node> stack, string field) =>
        stack.Count > 0 ? stack[^1] : throw Error(field, $"{field} outside any joint's braces");

    private double[] ReadOffset(string[] t, int start, Node node)
    {
        int count = t.Length - start;
        if (count != 3)
        {
            throw Error("OFFSET", $"{Describe(node)}: expected 3 numbers (x y z); found {count}");
        }

        double[] offset = new double[3];
        for (int k = 0; k < 3; k++)
        {
            string token = t[start + k];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out offset[k]) || !double.IsFinite(offset[k]))
            {
                throw Error("OFFSET", $"{Describe(node)}: '{Shorten(token)}' is not a finite number");
            }
        }

        return offset;
    }

    private BvhChannel[] ReadChannels(string[] t, int start, Node node)
    {
        if (start >= t.Length)
        {
            throw Error("CHANNELS", $"{Describe(node)}: CHANNELS without a count");
        }

        if (!int.TryParse(t[start], NumberStyles.Integer, CultureInfo.InvariantCulture, out int declared) || declared < 0)
        {
            throw Error("CHANNELS", $"{Describe(node)}: '{Shorten(t[start])}' is not a channel count");
        }

        int listed = t.Length - start - 1;
        if (listed != declared)
        {
            throw Error(
                "CHANNELS",
                $"{Describe(node)} declares {declared} channels but lists {listed}" + (listed > 0 ? $" ({Shorten(string.Join(' ', t, start + 1, listed))})" : string.Empty));
        }

        var channels = new BvhChannel[declared];
        for (int k = 0; k < declared; k++)
        {
            string name = t[start + 1 + k];
            int index = Array.FindIndex(s_channelNames, s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw Error(
                    "CHANNELS",
                    $"{Describe(node)}: unknown channel '{Shorten(name)}' (channel {k + 1}); allowed: {string.Join(", ", s_channelNames)}");
            }

            channels[k] = (BvhChannel)index;
        }

        return channels;
    }

    private bool NextLine([NotNullWhen(true)] out string? line)
    {
        line = _reader.ReadLine();
        if (line is null)
        {
            return false;
        }

        _lineNumber++;
        return true;
    }

    private static int CountTokens(ReadOnlySpan<char> text)
    {
        int count = 0;
        int pos = 0;
        while (NextToken(text, ref pos, out _))
        {
            count++;
        }

        return count;
    }

    private static bool NextToken(ReadOnlySpan<char> text, ref int pos, out ReadOnlySpan<char> token)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        int start = pos;
        while (pos < text.Length && !char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        token = text[start..pos];
        return pos > start;
    }

    internal static bool TryParseNumber(ReadOnlySpan<char> token, out double value)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // Spellings C runtimes print for non-finite values; .NET itself parses NaN and Infinity.
        bool negative = token.Length > 0 && token[0] == '-';
        ReadOnlySpan<char> body = token.Length > 0 && token[0] is '-' or '+' ? token[1..] : token;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("1.#INF", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || body.Equals("1.#IND", StringComparison.OrdinalIgnoreCase)
            || body.Equals("1.#QNAN", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        value = 0;
        return false;
    }

    private static bool Is(string token, string keyword) => token.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private static string Describe(Node node) => node.IsEndSite ? $"the End Site of '{node.Name}'" : $"joint '{node.Name}'";

    /// <summary>Keeps quoted input short and on one line in messages.</summary>
    private static string Shorten(string text)
    {
        int cut = text.IndexOfAny(s_lineBreaks);
        string one = cut >= 0 ? text[..cut] : text;
        return one.Length <= 40 ? one : string.Concat(one.AsSpan(0, 40), "…");
    }

    private MotionFormatException Error(string field, string problem) => new(_file, _lineNumber, field, problem);

    /// <summary>A ROOT, JOINT or End Site while the hierarchy is read.</summary>
    private sealed class Node(string name, int parent, int line, bool isEndSite)
    {
        /// <summary>The joint's name, or for an End Site its parent's.</summary>
        public string Name { get; } = name;

        /// <summary>The parent's joint index, −1 for the root.</summary>
        public int Parent { get; } = parent;

        public int Line { get; } = line;

        public bool IsEndSite { get; } = isEndSite;

        /// <summary>Joint index (joints only).</summary>
        public int Index { get; init; } = -1;

        public double[]? Offset { get; set; }

        public BvhChannel[]? Channels { get; set; }
    }
}
