using Echelon.Motion.Dynamics;
using Echelon.Sessions.Streams;

namespace Echelon.Sessions.Replay;

/// <summary>
/// Reads a <c>dynamics128</c> stream record by record into a caller-owned <see cref="Dynamics128Vector"/>.
/// </summary>
/// <remarks>
/// Allocation-free per record while the producer id stays the same. A last line without '\n' (a torn
/// record of a killed, unrepaired session) ends the stream; any other bad line throws a
/// <see cref="SessionFormatException"/> with file, line and field. Single consumer; not thread-safe.
/// </remarks>
public sealed class Dynamics128StreamReader : IDisposable
{
    private readonly JsonlLineReader _lines;
    private readonly string _path;
    private long _lastT = long.MinValue;
    private bool _done;

    internal Dynamics128StreamReader(string path)
    {
        _path = path;
        _lines = JsonlLineReader.Open(path);
    }

    /// <summary>The stream file (full path).</summary>
    public string FilePath => _path;

    /// <summary>1-based line of the record last read.</summary>
    public int LineNumber => _lines.LineNumber;

    /// <summary>Reads the next record into <paramref name="destination"/>; false at the end of the stream.</summary>
    /// <exception cref="SessionFormatException">A record is malformed or goes back in time.</exception>
    public bool TryRead(Dynamics128Vector destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_done)
        {
            return false;
        }

        LineRead read = _lines.Read(out ReadOnlySpan<byte> line);
        switch (read)
        {
            case LineRead.End:
            case LineRead.Fragment:
                _done = true;
                return false;

            case LineRead.TooLong:
                throw new SessionFormatException(_path, _lines.LineNumber, "$", $"the line is longer than {JsonlLineReader.MaxLineBytes} bytes; no record is that long");
        }

        Dynamics128RecordCodec.Read(line, destination, _path, _lines.LineNumber);
        if (destination.TimeNs < _lastT)
        {
            throw new SessionFormatException(_path, _lines.LineNumber, "t", $"is {destination.TimeNs} ns, before the previous record's {_lastT} ns; a stream's times never go back");
        }

        _lastT = destination.TimeNs;
        return true;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _done = true;
        _lines.Dispose();
    }
}
