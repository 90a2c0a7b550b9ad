using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Echelon.Studio.Configuration;

/// <summary>
/// Reads YAML text with YamlDotNet's event parser into <see cref="ConfigNode"/>s that keep each node's line and
/// column. Duplicate keys, aliases to unknown anchors, non-scalar keys and extra documents are reported to the
/// <see cref="ErrorList"/> and reading goes on; a syntax error ends the reading (the parser cannot resume).
/// </summary>
/// <remarks>
/// The representation model (<c>YamlStream</c>) is not used because it throws on the first duplicate key, and this
/// reader reports every problem at once.
/// </remarks>
internal sealed class YamlTree
{
    /// <summary>Deeper nesting than any configuration needs is refused instead of recursing without bound.</summary>
    public const int MaxDepth = 64;

    private readonly Parser _parser;
    private readonly ErrorList _errors;
    private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Mark> _openFlows = new();
    private Mark _last = new(0, 1, 1);

    private YamlTree(string text, ErrorList errors)
    {
        _parser = new Parser(new StringReader(text));
        _errors = errors;
    }

    /// <summary>
    /// Parses <paramref name="text"/>: the root node of its one document, or null when the text holds no document
    /// (empty, or only comments), its document is null, or a syntax error stopped the reading.
    /// </summary>
    public static ConfigNode? Parse(string text, ErrorList errors)
    {
        var tree = new YamlTree(text, errors);
        try
        {
            return tree.ReadStream();
        }
        catch (YamlException e)
        {
            Mark at = e.Start.Line > 0 ? e.Start : tree._last;
            errors.Syntax(ToInt(at.Line), ToInt(at.Column), e.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1's scanner throws this instead of a YamlException when a flow collection ('[' or '{')
            // runs into a line that holds a ':' (`a: [1, 2` then `b: 3`): report the innermost open flow collection,
            // or, if none is open, where the parser last stood.
            if (tree._openFlows.TryPeek(out Mark open))
            {
                errors.Syntax(ToInt(open.Line), ToInt(open.Column), "this flow collection ('[' or '{') is not closed");
            }
            else
            {
                errors.Syntax(ToInt(tree._last.Line), ToInt(tree._last.Column), "could not read on from here");
            }

            return null;
        }
    }

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    private ParsingEvent Next()
    {
        if (!_parser.MoveNext())
        {
            throw new YamlException(_last, _last, "unexpected end of the text");
        }

        ParsingEvent current = _parser.Current!;
        _last = current.Start;
        return current;
    }

    private ConfigNode? ReadStream()
    {
        Next(); // StreamStart
        ParsingEvent e = Next();
        if (e is StreamEnd)
        {
            return null;
        }

        ConfigNode? root = null;
        bool first = true;
        while (e is DocumentStart)
        {
            ConfigNode node = ReadNode(Next(), "", 0);
            if (first)
            {
                root = node;
                first = false;
            }
            else
            {
                _errors.Other(node.Line, node.Column, "", null, "one document", "a second YAML document; allowed: one document per configuration file");
            }

            Next(); // DocumentEnd
            e = Next();
        }

        return root is ConfigScalar { IsNull: true } ? null : root;
    }

    private ConfigNode ReadNode(ParsingEvent e, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new YamlException(e.Start, e.End, $"nested more than {MaxDepth} levels deep");
        }

        ConfigNode node;
        switch (e)
        {
            case Scalar s:
                node = new ConfigScalar(ToInt(s.Start.Line), ToInt(s.Start.Column), s.Value, s.Style is ScalarStyle.Plain or ScalarStyle.Any);
                break;
            case SequenceStart start:
                node = ReadSequence(start, path, depth);
                break;
            case MappingStart start:
                node = ReadMapping(start, path, depth);
                break;
            case AnchorAlias alias:
                if (_anchors.TryGetValue(alias.Value.Value, out ConfigNode? target))
                {
                    return target;
                }

                _errors.Other(ToInt(alias.Start.Line), ToInt(alias.Start.Column), path, "*" + alias.Value.Value, "an anchor defined above", $"alias '*{alias.Value.Value}' names no anchor defined above it; allowed: an anchor (&name) defined earlier in the file");
                return new ConfigScalar(ToInt(alias.Start.Line), ToInt(alias.Start.Column), string.Empty, plain: true) { Reported = true };
            default:
                throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
        }

        if (e is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private ConfigSequence ReadSequence(SequenceStart start, string path, int depth)
    {
        var sequence = new ConfigSequence(ToInt(start.Start.Line), ToInt(start.Start.Column));
        bool flow = start.Style == SequenceStyle.Flow;
        if (flow)
        {
            _openFlows.Push(start.Start);
        }

        for (ParsingEvent e = Next(); e is not SequenceEnd; e = Next())
        {
            sequence.Items.Add(ReadNode(e, $"{path}[{sequence.Items.Count}]", depth + 1));
        }

        if (flow)
        {
            _openFlows.Pop();
        }

        return sequence;
    }

    private ConfigMap ReadMapping(MappingStart start, string path, int depth)
    {
        var map = new ConfigMap(ToInt(start.Start.Line), ToInt(start.Start.Column));
        var seen = new Dictionary<string, ConfigScalar>(StringComparer.Ordinal);
        bool flow = start.Style == MappingStyle.Flow;
        if (flow)
        {
            _openFlows.Push(start.Start);
        }

        for (ParsingEvent e = Next(); e is not MappingEnd; e = Next())
        {
            ConfigNode key = ReadNode(e, path, depth + 1);
            ConfigScalar? name = key as ConfigScalar;
            string field = name is null ? path : Join(path, name.Text);
            ConfigNode value = ReadNode(Next(), field, depth + 1);
            if (name is null)
            {
                _errors.Other(key.Line, key.Column, path, key.Shown, "a plain name", $"a key must be a plain name, not {key.Shown}; allowed: a plain name");
            }
            else if (seen.TryGetValue(name.Text, out ConfigScalar? first))
            {
                _errors.DuplicateKey(name, field, first);
            }
            else if (!name.Reported)
            {
                seen.Add(name.Text, name);
                map.Entries.Add(new KeyValuePair<ConfigScalar, ConfigNode>(name, value));
            }
        }

        if (flow)
        {
            _openFlows.Pop();
        }

        return map;
    }

    /// <summary>The path of <paramref name="key"/> under <paramref name="parent"/>: <c>parent.key</c>, or <c>key</c> at the root.</summary>
    public static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";
}
