using System.Diagnostics.CodeAnalysis;
using Echelon.Motion.Frames;
using Echelon.Sessions.Streams;

namespace Echelon.Sessions.Replay;

/// <summary>Reads one <c>sensors.&lt;device&gt;.jsonl</c> file frame by frame, checking device, kind, skeleton and time order.</summary>
internal sealed class SensorStreamReader : IDisposable
{
    private readonly SessionManifest _manifest;
    private readonly SessionDevice _device;
    private readonly string _path;
    private readonly JsonlLineReader _lines;
    private long _lastT = long.MinValue;

    public SensorStreamReader(SessionManifest manifest, SessionDevice device, string path)
    {
        _manifest = manifest;
        _device = device;
        _path = path;
        _lines = JsonlLineReader.Open(path);
    }

    public SessionDevice Device => _device;

    public bool TryRead([NotNullWhen(true)] out SensorFrame? frame)
    {
        LineRead read = _lines.Read(out ReadOnlySpan<byte> line);
        switch (read)
        {
            case LineRead.End:
            case LineRead.Fragment:
                // A last line without '\n' is a torn record from a killed recorder, never a whole one.
                frame = null;
                return false;

            case LineRead.TooLong:
                throw new SessionFormatException(_path, _lines.LineNumber, "$", $"the line is longer than {JsonlLineReader.MaxLineBytes} bytes; no record is that long");
        }

        frame = SensorRecordCodec.Read(line, _manifest.Skeletons, _path, _lines.LineNumber);
        if (frame.DeviceId != _device.Id)
        {
            throw new SessionFormatException(_path, _lines.LineNumber, "device", $"is '{frame.DeviceId}' in the stream of device '{_device.Id}'");
        }

        if (frame.Kind != _device.Kind)
        {
            throw new SessionFormatException(_path, _lines.LineNumber, "kind", $"is {frame.Kind} but device '{_device.Id}' is {_device.Kind}");
        }

        if (frame.HostTimeNs < _lastT)
        {
            throw new SessionFormatException(_path, _lines.LineNumber, "t", $"is {frame.HostTimeNs} ns, before the previous record's {_lastT} ns; a stream's times never go back");
        }

        _lastT = frame.HostTimeNs;
        return true;
    }

    public void Dispose() => _lines.Dispose();
}
