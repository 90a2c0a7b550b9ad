namespace Echelon.Protocols.Osc;

/// <summary>
/// Routes OSC packets to methods by address, as OSC 1.0 dispatching asks: a message goes to every
/// method whose address its pattern matches (and to every method registered with a pattern that
/// matches its address); bundle elements go in order. Messages nobody matches are counted in
/// <see cref="UnmatchedCount"/> and handed to <see cref="Fallback"/>, never thrown.
/// </summary>
/// <remarks>
/// <para>Threading: <c>Dispatch</c>/<c>TryDispatch</c> from one thread at a time (the
/// receiving or control thread); <see cref="Add"/>/<see cref="Remove"/> from any thread: they build a
/// new method table and publish it with one reference write, so dispatching never takes a lock. The
/// counters can be read from any thread.</para>
/// <para>Dispatching allocates nothing: packets are checked whole first (a bad bundle dispatches
/// nothing), then read in place with <see cref="OscMessageReader"/>. Time tags are passed to the
/// methods, not waited for: holding a future bundle is the caller's choice (a sequencer can, a sensor
/// input usually should not). Exceptions thrown by methods propagate to the caller.</para>
/// </remarks>
public sealed class OscDispatcher
{
    private readonly object _gate = new();
    private MethodTable _table = MethodTable.Empty;
    private OscMethod? _fallback;
    private long _messages;
    private long _unmatched;
    private long _malformed;
    private long _invocations;

    /// <summary>A dispatcher decoding with <paramref name="options"/> (lenient when null).</summary>
    public OscDispatcher(OscDecodeOptions? options = null)
    {
        Options = options ?? OscDecodeOptions.Lenient;
    }

    /// <summary>How packets are decoded.</summary>
    public OscDecodeOptions Options { get; }

    /// <summary>Invoked for each message that matched no method (after it is counted); null for none.</summary>
    public OscMethod? Fallback
    {
        get => Volatile.Read(ref _fallback);
        set => Volatile.Write(ref _fallback, value);
    }

    /// <summary>Messages dispatched (matched or not).</summary>
    public long MessageCount => Volatile.Read(ref _messages);

    /// <summary>Messages whose address matched no method.</summary>
    public long UnmatchedCount => Volatile.Read(ref _unmatched);

    /// <summary>Packets rejected as malformed (nothing in them was dispatched).</summary>
    public long MalformedCount => Volatile.Read(ref _malformed);

    /// <summary>Method invocations (one message can invoke several).</summary>
    public long InvocationCount => Volatile.Read(ref _invocations);

    /// <summary>Methods registered now.</summary>
    public int MethodCount => Volatile.Read(ref _table).Entries.Length;

    /// <summary>Registers <paramref name="method"/> at <paramref name="address"/>, a plain address or a pattern (<see cref="OscAddressPattern"/>).</summary>
    /// <exception cref="ArgumentException">Not a valid address or pattern.</exception>
    public void Add(string address, OscMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        OscAddressPattern pattern = OscAddressPattern.Parse(address);
        var entry = new Entry(pattern, method);
        lock (_gate)
        {
            Volatile.Write(ref _table, new MethodTable([.. _table.Entries, entry]));
        }
    }

    /// <summary>Removes one registration of <paramref name="method"/> at <paramref name="address"/>; false when there is none.</summary>
    public bool Remove(string address, OscMethod method)
    {
        lock (_gate)
        {
            Entry[] entries = _table.Entries;
            int index = Array.FindIndex(entries, e => string.Equals(e.Pattern.Text, address, StringComparison.Ordinal) && e.Method == method);
            if (index < 0)
            {
                return false;
            }

            Volatile.Write(ref _table, new MethodTable([.. entries[..index], .. entries[(index + 1)..]]));
            return true;
        }
    }

    /// <summary>Dispatches every message of <paramref name="packet"/>; returns the method invocations.</summary>
    /// <exception cref="OscFormatException">The packet is malformed (counted; nothing was dispatched).</exception>
    public int Dispatch(ReadOnlySpan<byte> packet)
    {
        if (!TryDispatch(packet, out int invocations, out OscDecodeError error))
        {
            throw error.ToException();
        }

        return invocations;
    }

    /// <summary>Dispatches every message of <paramref name="packet"/> without throwing for a malformed packet (which is counted).</summary>
    public bool TryDispatch(ReadOnlySpan<byte> packet, out OscDecodeError error) => TryDispatch(packet, out _, out error);

    /// <summary>Dispatches every message of <paramref name="packet"/> without throwing for a malformed packet (which is counted).</summary>
    public bool TryDispatch(ReadOnlySpan<byte> packet, out int invocations, out OscDecodeError error)
    {
        invocations = 0;
        MethodTable table = Volatile.Read(ref _table);
        if (!packet.IsEmpty && packet[0] == (byte)'/')
        {
            // A bare message: one parse both checks it and locates its parts.
            if (!OscParser.TryParseMessage(packet, Options, out MessageLayout layout, out error))
            {
                _malformed++;
                return false;
            }

            invocations = DispatchMessage(table, new OscMessageReader(packet, layout), OscTimeTag.Immediate);
            return true;
        }

        if (!OscParser.TryValidate(packet, Options, out error))
        {
            _malformed++;
            return false;
        }

        invocations = DispatchBundle(table, packet);
        return true;
    }

    private int DispatchBundle(MethodTable table, ReadOnlySpan<byte> bundle)
    {
        OscParser.TryReadBundleHeader(bundle, out OscTimeTag time, out _);
        int invocations = 0;
        int pos = 16;
        while (pos < bundle.Length)
        {
            OscParser.TryNextElement(bundle, ref pos, Options, out int start, out int length, out _);
            ReadOnlySpan<byte> element = bundle.Slice(start, length);
            if (element[0] == (byte)'#')
            {
                invocations += DispatchBundle(table, element);
            }
            else
            {
                OscParser.TryParseMessage(element, Options, out MessageLayout layout, out _);
                invocations += DispatchMessage(table, new OscMessageReader(element, layout), time);
            }
        }

        return invocations;
    }

    private int DispatchMessage(MethodTable table, OscMessageReader message, OscTimeTag time)
    {
        ReadOnlySpan<byte> address = message.Address;
        int hits = 0;
        if (!OscAddressPattern.HasWildcards(address))
        {
            if (table.Literals.TryGetValue(Hash(address), out Entry[]? bucket))
            {
                foreach (Entry e in bucket)
                {
                    if (address.SequenceEqual(e.Pattern.Utf8))
                    {
                        e.Method(message, time);
                        hits++;
                    }
                }
            }

            foreach (Entry e in table.Patterns)
            {
                if (e.Pattern.IsMatch(address))
                {
                    e.Method(message, time);
                    hits++;
                }
            }
        }
        else
        {
            hits = DispatchPattern(table, message, time);
        }

        _messages++;
        _invocations += hits;
        if (hits == 0)
        {
            _unmatched++;
            Fallback?.Invoke(message, time);
        }

        return hits;
    }

    /// <summary>
    /// The message carries the pattern: it is checked once, then matched against each registered
    /// address. A method registered with a pattern receives it only when the two are written the same.
    /// A malformed or over-long pattern matches nothing.
    /// </summary>
    private static int DispatchPattern(MethodTable table, OscMessageReader message, OscTimeTag time)
    {
        ReadOnlySpan<byte> pattern = message.Address;
        if (pattern.Length > OscAddressPattern.MaxLength)
        {
            return 0;
        }

        Span<int> jumps = stackalloc int[pattern.Length];
        if (!OscAddressPattern.TryPrepare(pattern, jumps))
        {
            return 0;
        }

        int prefix = OscAddressPattern.LiteralPrefix(pattern);
        int slashes = pattern.Count((byte)'/');
        int hits = 0;
        foreach (Entry e in table.Entries)
        {
            bool match = e.Pattern.IsLiteral
                ? OscAddressPattern.Matches(pattern, jumps, prefix, slashes, e.Pattern.Utf8)
                : pattern.SequenceEqual(e.Pattern.Utf8);
            if (match)
            {
                e.Method(message, time);
                hits++;
            }
        }

        return hits;
    }

    /// <summary>FNV-1a over the address bytes: cheap, and enough to spread a few hundred addresses.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        uint h = 2166136261;
        foreach (byte b in bytes)
        {
            h = (h ^ b) * 16777619;
        }

        return (int)h;
    }

    private sealed record Entry(OscAddressPattern Pattern, OscMethod Method);

    /// <summary>An immutable snapshot of the registrations, indexed for dispatch.</summary>
    private sealed class MethodTable
    {
        public static readonly MethodTable Empty = new([]);

        public MethodTable(Entry[] entries)
        {
            Entries = entries;
            Patterns = entries.Where(e => !e.Pattern.IsLiteral).ToArray();
            Literals = entries.Where(e => e.Pattern.IsLiteral)
                .GroupBy(e => Hash(e.Pattern.Utf8))
                .ToDictionary(g => g.Key, g => g.ToArray());
        }

        public Entry[] Entries { get; }

        public Entry[] Patterns { get; }

        public Dictionary<int, Entry[]> Literals { get; }
    }
}
