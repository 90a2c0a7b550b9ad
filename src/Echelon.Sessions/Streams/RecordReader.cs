using System.Numerics;
using System.Text.Json;

namespace Echelon.Sessions.Streams;

/// <summary>
/// A strict reader for one JSONL record: a single object whose first field is <c>"t"</c>. Every
/// problem becomes a <see cref="SessionFormatException"/> naming the file, line and field.
/// </summary>
internal ref struct RecordReader
{
    private readonly string _file;
    private readonly int _line;
    private Utf8JsonReader _json;

    public RecordReader(ReadOnlySpan<byte> record, string file, int line)
    {
        _json = new Utf8JsonReader(record, isFinalBlock: true, new JsonReaderState(RecordJson.ReaderOptions));
        _file = file;
        _line = line;
        Field = "$";
    }

    /// <summary>The field being read, for error messages.</summary>
    public string Field { get; set; }

    /// <summary>Reads <c>{"t":</c> and the time.</summary>
    public long ReadStartAndTime()
    {
        Next();
        if (_json.TokenType != JsonTokenType.StartObject)
        {
            throw Fail("a record must be one JSON object on one line");
        }

        Next();
        if (_json.TokenType != JsonTokenType.PropertyName || !_json.ValueTextEquals("t"u8))
        {
            throw Fail("t", "the first field of a record must be \"t\" (integer nanoseconds from the session start)");
        }

        Field = "t";
        return ReadInt64();
    }

    /// <summary>Moves to the next field; false at the end of the record (after which nothing may follow).</summary>
    public bool NextField()
    {
        Field = "$";
        Next();
        if (_json.TokenType == JsonTokenType.EndObject)
        {
            EnsureEnd();
            return false;
        }

        Field = _json.GetString() ?? "$";
        return true;
    }

    public readonly bool FieldIs(ReadOnlySpan<byte> name) => _json.ValueTextEquals(name);

    public long ReadInt64()
    {
        Next();
        if (_json.TokenType != JsonTokenType.Number || !_json.TryGetInt64(out long value))
        {
            throw Fail($"is {Describe()}; must be a whole number in the 64-bit range");
        }

        return value;
    }

    public float ReadSingle()
    {
        Next();
        return CurrentSingle();
    }

    public string ReadString()
    {
        Next();
        if (_json.TokenType != JsonTokenType.String)
        {
            throw Fail($"is {Describe()}; must be a string");
        }

        return _json.GetString()!;
    }

    /// <summary>Reads a string and returns <paramref name="current"/> instead of a new string when the text equals it.</summary>
    public string ReadString(string current)
    {
        Next();
        if (_json.TokenType != JsonTokenType.String)
        {
            throw Fail($"is {Describe()}; must be a string");
        }

        return _json.ValueTextEquals(current) ? current : _json.GetString()!;
    }

    /// <summary>The raw UTF-8 of a string value without escapes (false when it has escapes).</summary>
    public bool TryReadPlainString(out ReadOnlySpan<byte> utf8)
    {
        Next();
        if (_json.TokenType != JsonTokenType.String)
        {
            throw Fail($"is {Describe()}; must be a string");
        }

        utf8 = _json.ValueSpan;
        return !_json.ValueIsEscaped;
    }

    public void ReadStartArray()
    {
        Next();
        if (_json.TokenType != JsonTokenType.StartArray)
        {
            throw Fail($"is {Describe()}; must be an array");
        }
    }

    /// <summary>Moves to the next array element; false at the end of the array.</summary>
    public bool NextElement()
    {
        Next();
        return _json.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Expects the current token to open an array (after <see cref="NextElement"/>).</summary>
    public readonly void ExpectStartArray(string element)
    {
        if (_json.TokenType != JsonTokenType.StartArray)
        {
            throw new SessionFormatException(_file, _line, element, $"is {Describe()}; must be an array");
        }
    }

    /// <summary>The current token as a finite float.</summary>
    public readonly float CurrentSingle()
    {
        if (_json.TokenType != JsonTokenType.Number)
        {
            throw Fail($"is {Describe()}; must be a number");
        }

        if (!_json.TryGetSingle(out float value) || !float.IsFinite(value))
        {
            throw Fail($"is {Describe()}, which is not a finite 32-bit float");
        }

        return value;
    }

    /// <summary>Reads <c>[x,y,z]</c>.</summary>
    public Vector3 ReadVector3()
    {
        Span<float> v = stackalloc float[3];
        ReadFloats(v);
        return new Vector3(v[0], v[1], v[2]);
    }

    /// <summary>Reads an array of exactly <c>values.Length</c> finite numbers.</summary>
    public void ReadFloats(scoped Span<float> values)
    {
        ReadStartArray();
        ReadFloatsAfterStart(values);
    }

    /// <summary>Reads the elements and the end of an array already opened.</summary>
    public void ReadFloatsAfterStart(scoped Span<float> values)
    {
        string field = Field;
        int count = 0;
        while (NextElement())
        {
            if (count == values.Length)
            {
                Field = field;
                throw Fail($"has more than {values.Length} numbers; expected exactly {values.Length}");
            }

            Field = $"{field}[{count}]";
            values[count++] = CurrentSingle();
        }

        Field = field;
        if (count != values.Length)
        {
            throw Fail($"has {count} numbers; expected exactly {values.Length}");
        }
    }

    /// <summary>Skips the current field's value (any JSON).</summary>
    public void SkipValue()
    {
        Next();
        try
        {
            _json.Skip();
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
    }

    public readonly SessionFormatException Fail(string problem) => new(_file, _line, Field, problem);

    public readonly SessionFormatException Fail(string field, string problem) => new(_file, _line, field, problem);

    private void EnsureEnd()
    {
        try
        {
            if (_json.Read())
            {
                throw Fail("$", "text follows the end of the record; one record per line");
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
    }

    private void Next()
    {
        bool read;
        try
        {
            read = _json.Read();
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        if (!read)
        {
            throw Fail("the record ends early (truncated line)");
        }
    }

    private readonly SessionFormatException Malformed(JsonException ex) =>
        new(_file, _line, Field, $"malformed or truncated JSON at byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}", ex);

    private readonly string Describe() => _json.TokenType switch
    {
        JsonTokenType.String => $"the string \"{_json.GetString()}\"",
        JsonTokenType.Number => $"the number {System.Text.Encoding.UTF8.GetString(_json.ValueSpan)}",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.EndArray => "the end of the array",
        _ => _json.TokenType.ToString(),
    };
}
