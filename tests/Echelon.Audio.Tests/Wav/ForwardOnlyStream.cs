namespace Echelon.Audio.Tests.Wav;

/// <summary>A stream that reads forward only (a pipe, a socket): CanSeek false, no Length, no Position.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private int _at;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        // Hand out at most 7 bytes a call, as a pipe may: the reader must loop.
        var n = Math.Min(Math.Min(count, 7), data.Length - _at);
        Array.Copy(data, _at, buffer, offset, n);
        _at += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
