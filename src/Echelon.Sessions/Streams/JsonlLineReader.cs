using System.Security.Cryptography;

namespace Echelon.Sessions.Streams;

/// <summary>What <see cref="JsonlLineReader.Read"/> found.</summary>
internal enum LineRead
{
    /// <summary>No more bytes.</summary>
    End,

    /// <summary>A line ended by '\n' (the '\n' is not part of the returned span).</summary>
    Line,

    /// <summary>Bytes at the end of the file without a final '\n': a torn record.</summary>
    Fragment,

    /// <summary>A line longer than <see cref="JsonlLineReader.MaxLineBytes"/>; reading cannot go on.</summary>
    TooLong,
}

/// <summary>
/// Splits a stream file into lines without copying them, tracking the line number and each line's
/// byte offset. Optionally feeds every byte read into a hash, so one pass both parses and hashes a file.
/// </summary>
internal sealed class JsonlLineReader : IDisposable
{
    /// <summary>Longest accepted line. The largest record (a pose frame) is about 3 KB; a BVH skeleton of 100 joints about 4 KB.</summary>
    public const int MaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly IncrementalHash? _hash;
    private byte[] _buffer = new byte[64 * 1024];
    private long _bufferOffset;
    private int _start;
    private int _end;
    private int _scanFrom;
    private bool _eof;

    public JsonlLineReader(Stream stream, IncrementalHash? hash = null)
    {
        _stream = stream;
        _hash = hash;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Byte offset in the file where the line last returned starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Byte offset just past the line last returned, including its '\n'.</summary>
    public long NextOffset => _bufferOffset + _start;

    public static JsonlLineReader Open(string path, IncrementalHash? hash = null) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan), hash);

    public LineRead Read(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int found = _buffer.AsSpan(_scanFrom, _end - _scanFrom).IndexOf((byte)'\n');
            if (found >= 0)
            {
                int newline = _scanFrom + found;
                line = _buffer.AsSpan(_start, newline - _start);
                LineOffset = _bufferOffset + _start;
                LineNumber++;
                _start = newline + 1;
                _scanFrom = _start;
                return LineRead.Line;
            }

            _scanFrom = _end;
            if (_eof)
            {
                line = _buffer.AsSpan(_start, _end - _start);
                if (line.IsEmpty)
                {
                    return LineRead.End;
                }

                LineOffset = _bufferOffset + _start;
                LineNumber++;
                _start = _end;
                return LineRead.Fragment;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _bufferOffset += _start;
                _end -= _start;
                _scanFrom -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLineBytes)
                {
                    line = default;
                    LineOffset = _bufferOffset;
                    LineNumber++;
                    return LineRead.TooLong;
                }

                Array.Resize(ref _buffer, Math.Min(MaxLineBytes, _buffer.Length * 2));
            }

            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }
            else
            {
                _hash?.AppendData(_buffer, _end, read);
                _end += read;
            }
        }
    }

    /// <summary>Reads the rest of the file (feeding the hash) without splitting it into lines.</summary>
    public void DrainToEnd()
    {
        while (!_eof)
        {
            int read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
            }
            else
            {
                _hash?.AppendData(_buffer, 0, read);
            }
        }

        _start = _end = _scanFrom = 0;
    }

    public void Dispose() => _stream.Dispose();
}
