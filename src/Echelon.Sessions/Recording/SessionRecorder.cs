using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using System.Threading.Channels;
using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Sessions.Streams;

namespace Echelon.Sessions.Recording;

/// <summary>
/// Records a session: creates the folder and a manifest with status <c>recording</c> at once, appends
/// sensor frames and Dynamics128 vectors to their stream files without ever blocking the caller, writes
/// them to the operating system at least every <see cref="SessionRecorderOptions.FlushInterval"/>, and on
/// <see cref="CompleteAsync"/> or <see cref="Dispose"/> writes the manifest with status <c>closed</c>,
/// record counts, byte counts and sha256 per stream (docs/architecture/0004-session-archive.md).
/// </summary>
/// <remarks>
/// <para>
/// Threading: <see cref="TryAppend(SensorFrame)"/> and <see cref="TryAppend(string, Dynamics128Vector)"/>
/// may be called from any threads, the control thread included. They never block, never throw for bad
/// data, and do not encode: a sensor frame is queued by reference (frames are immutable; do not mutate
/// their arrays after appending), a Dynamics128 vector is copied into a pooled array. The queue is a
/// bounded <see cref="Channel{T}"/> in <see cref="BoundedChannelFullMode.DropWrite"/> mode: when it is
/// full the new record is dropped, counted, and the call returns false. Records that cannot be written
/// (non-finite values, an unknown device, the wrong kind or skeleton, a time before the stream's
/// previous record) are refused and counted in <see cref="RecordsRejected"/>; none of them stops the
/// recording.
/// </para>
/// <para>
/// One writer task wakes every flush interval, encodes the queued records to JSON lines, and appends each
/// stream's lines with one unbuffered write, so everything appended before a wake-up is in the
/// operating system (and survives <c>kill -9</c>) when that wake-up ends. A kill therefore loses at most
/// the last flush interval and leaves whole lines plus at most one torn last line per stream.
/// </para>
/// <para>
/// While recording, the folder's <c>recording.lock</c> is held exclusively, so a validator run can tell a
/// live session from a crashed one. A file-system error (disk full) stops the writer; later appends return
/// false and <see cref="CompleteAsync"/> throws it, leaving the manifest at <c>recording</c> for repair.
/// </para>
/// </remarks>
public sealed class SessionRecorder : IDisposable, IAsyncDisposable
{
    // Write a stream's pending lines early when they pass this size, so a burst between two wake-ups
    // does not grow the buffer without bound.
    private const int EarlyWriteBytes = 1 << 20;

    [ThreadStatic]
    private static bool s_droppedOnThisThread;

    private readonly string _directory;
    private readonly RecorderStream[] _streams;
    private readonly FrozenDictionary<string, int> _streamByName;
    private readonly FrozenDictionary<string, int> _streamByDevice;
    private readonly Channel<RecorderItem> _channel;
    private readonly PeriodicTimer _timer;
    private readonly FileStream _lock;
    private readonly Utf8JsonWriter _json;
    private readonly Task _writer;
    private readonly Lock _completionGate = new();
    private SessionManifest _manifest;
    private Task? _completion;
    private volatile Exception? _fault;
    private long _recordsWritten;
    private long _bytesWritten;
    private long _recordsDropped;
    private long _recordsRejected;

    private SessionRecorder(string directory, SessionManifest manifest, RecorderStream[] streams, FileStream lockFile, SessionRecorderOptions options)
    {
        _directory = directory;
        _manifest = manifest;
        _streams = streams;
        _lock = lockFile;
        FlushInterval = options.FlushInterval;
        Capacity = options.Capacity;
        _streamByName = streams.Select((s, i) => KeyValuePair.Create(s.Info.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _streamByDevice = streams
            .Select((s, i) => (s.Device, Index: i))
            .Where(x => x.Device is not null)
            .ToFrozenDictionary(x => x.Device!.Id, x => x.Index, StringComparer.Ordinal);
        _channel = Channel.CreateBounded<RecorderItem>(
            new BoundedChannelOptions(options.Capacity)
            {
                FullMode = BoundedChannelFullMode.DropWrite,
                SingleReader = true,
                SingleWriter = false,
                AllowSynchronousContinuations = false,
            },
            OnDropped);
        _timer = new PeriodicTimer(options.FlushInterval, options.TimeProvider);
        _json = new Utf8JsonWriter(streams.Length > 0 ? streams[0].Pending : new ArrayBufferWriter<byte>(), RecordJson.WriterOptions);
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>The session folder (full path).</summary>
    public string DirectoryPath => _directory;

    /// <summary>Records queued and not yet written: an offline producer can wait on it instead of losing data.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>The queue's capacity in records.</summary>
    public int Capacity { get; }

    /// <summary>The manifest as last written: status <c>recording</c> until closed, then the closed one with counts.</summary>
    public SessionManifest Manifest => Volatile.Read(ref _manifest);

    /// <summary>The longest a record waits before it reaches the operating system.</summary>
    public TimeSpan FlushInterval { get; }

    /// <summary>Records written to the stream files so far.</summary>
    public long RecordsWritten => Interlocked.Read(ref _recordsWritten);

    /// <summary>Bytes written to the stream files so far.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Records dropped because the queue was full, the writer had failed, or the recorder was closed.</summary>
    public long RecordsDropped => Interlocked.Read(ref _recordsDropped);

    /// <summary>Records refused: non-finite values, unknown device, wrong kind or skeleton, time before the stream's previous record.</summary>
    public long RecordsRejected => Interlocked.Read(ref _recordsRejected);

    /// <summary>The file-system error that stopped the writer, or null.</summary>
    public Exception? Fault => _fault;

    /// <summary>
    /// Creates the session folder (which must not exist or be empty) with <c>streams/</c>, <c>audio/</c>,
    /// <c>reports/</c>, one empty file per stream and a manifest with status <c>recording</c>, and starts
    /// the writer.
    /// </summary>
    /// <exception cref="ArgumentException">The options are out of range or describe an inconsistent session.</exception>
    /// <exception cref="IOException">The folder is not empty or cannot be written.</exception>
    public static SessionRecorder Create(string directory, SessionRecorderOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Devices);
        ArgumentNullException.ThrowIfNull(options.Dynamics128Streams);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FlushInterval, SessionRecorderOptions.MinFlushInterval, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.FlushInterval, SessionRecorderOptions.MaxFlushInterval, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Capacity, SessionRecorderOptions.MaxCapacity, nameof(options));
        foreach (SessionStreamInfo stream in options.Dynamics128Streams)
        {
            if (!SessionLayout.IsDynamics128Stream(stream.Name) || stream.HasCounts)
            {
                throw new ArgumentException($"Dynamics128 stream '{stream.Name}' must be named dynamics128 or dynamics128.<variant> and declared without counts.", nameof(options));
            }
        }

        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new IOException($"'{full}' is not empty; a session is recorded into a new or empty folder.");
        }

        var infos = new List<SessionStreamInfo>();
        foreach (SessionDevice device in options.Devices)
        {
            infos.Add(new SessionStreamInfo(device.StreamName, options.SensorProducer, device.RateHz));
        }

        infos.AddRange(options.Dynamics128Streams);
        var manifest = new SessionManifest(
            options.SessionId ?? Path.GetFileName(full),
            options.TimeProvider.GetUtcNow(),
            options.SoftwareVersion,
            options.ConfigHash,
            SessionStatus.Recording,
            options.Devices,
            infos);

        Directory.CreateDirectory(Path.Combine(full, SessionLayout.StreamsFolder));
        Directory.CreateDirectory(Path.Combine(full, SessionLayout.AudioFolder));
        Directory.CreateDirectory(Path.Combine(full, SessionLayout.ReportsFolder));
        var lockFile = new FileStream(Path.Combine(full, SessionLayout.LockFileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var streams = new List<RecorderStream>();
        try
        {
            foreach (SessionStreamInfo info in infos)
            {
                SessionDevice? device = SessionLayout.TryGetSensorDevice(info.Name, out string? deviceId) ? manifest.FindDevice(deviceId) : null;
                var file = new FileStream(
                    SessionLayout.FullPath(full, info.File),
                    new FileStreamOptions
                    {
                        Mode = FileMode.CreateNew,
                        Access = FileAccess.Write,
                        Share = FileShare.Read,

                        // Unbuffered: the recorder batches whole lines itself, so every write reaches the OS
                        // at once and a kill can tear at most the line being written.
                        BufferSize = 0,
                    });
                streams.Add(new RecorderStream(info, device, file));
            }

            manifest.Save(Path.Combine(full, SessionLayout.ManifestFileName));
            return new SessionRecorder(full, manifest, [.. streams], lockFile, options);
        }
        catch
        {
            foreach (RecorderStream stream in streams)
            {
                stream.Dispose();
            }

            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Queues a sensor frame for its device's stream (<c>sensors.&lt;device&gt;</c>). Never blocks.
    /// </summary>
    /// <returns>
    /// True when queued. False when it was dropped (queue full, recorder closed or failed: counted in
    /// <see cref="RecordsDropped"/>) or refused (unknown device, wrong kind or skeleton, non-finite
    /// values: counted in <see cref="RecordsRejected"/>).
    /// </returns>
    public bool TryAppend(SensorFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_streamByDevice.TryGetValue(frame.DeviceId, out int index))
        {
            Interlocked.Increment(ref _recordsRejected);
            return false;
        }

        RecorderStream stream = _streams[index];
        if (frame is not (ImuFrame or PoseFrame or SkeletonFrame)
            || frame.Kind != stream.Device!.Kind
            || !frame.IsFinite()
            || !SkeletonMatches(stream, frame))
        {
            Reject(stream);
            return false;
        }

        return Enqueue(new RecorderItem(index, frame, null, default, frame.HostTimeNs, null));
    }

    /// <summary>Queues a copy of a Dynamics128 vector for the <c>dynamics128</c> stream. Never blocks.</summary>
    /// <returns>True when queued; false when dropped or refused (see <see cref="TryAppend(SensorFrame)"/>).</returns>
    /// <exception cref="ArgumentException">The session has no <c>dynamics128</c> stream.</exception>
    public bool TryAppend(Dynamics128Vector vector) => TryAppend(SessionLayout.Dynamics128StreamName, vector);

    /// <summary>Queues a copy of a Dynamics128 vector for a declared Dynamics128 stream. Never blocks.</summary>
    /// <returns>True when queued; false when dropped or refused (non-finite values).</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not a Dynamics128 stream of this session (a programming error, not bad data).</exception>
    public bool TryAppend(string stream, Dynamics128Vector vector)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(vector);
        if (!_streamByName.TryGetValue(stream, out int index) || _streams[index].Device is not null)
        {
            throw new ArgumentException($"'{stream}' is not a Dynamics128 stream of this session; declare it in SessionRecorderOptions.Dynamics128Streams.", nameof(stream));
        }

        RecorderStream target = _streams[index];
        if (Dynamics128RecordCodec.FirstNonFinite(vector.Values) >= 0)
        {
            Reject(target);
            return false;
        }

        float[] copy = ArrayPool<float>.Shared.Rent(Dynamics128Vector.Size);
        vector.Values.AsSpan().CopyTo(copy);
        return Enqueue(new RecorderItem(index, null, copy, vector.Mask, vector.TimeNs, vector.ProducerId));
    }

    /// <summary>
    /// Stops accepting records, writes everything queued, flushes the files to disk, and writes the
    /// manifest with status <c>closed</c>, counts and sha256 (temporary file + rename). Idempotent.
    /// </summary>
    /// <exception cref="IOException">The writer failed earlier (<see cref="Fault"/>) or the manifest could not be written; the manifest stays at <c>recording</c>.</exception>
    public Task CompleteAsync()
    {
        lock (_completionGate)
        {
            return _completion ??= CompleteCoreAsync();
        }
    }

    /// <summary>Completes the recording (see <see cref="CompleteAsync"/>) and waits for it.</summary>
    public void Dispose() => CompleteAsync().GetAwaiter().GetResult();

    /// <summary>Completes the recording (see <see cref="CompleteAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(CompleteAsync());

    private static bool SkeletonMatches(RecorderStream stream, SensorFrame frame)
    {
        if (frame is not SkeletonFrame skeleton)
        {
            return true;
        }

        if (ReferenceEquals(skeleton.Definition, stream.LastMatchedSkeleton))
        {
            return true;
        }

        if (!SkeletonEquality.Same(skeleton.Definition, stream.Device!.Skeleton!))
        {
            return false;
        }

        stream.LastMatchedSkeleton = skeleton.Definition;
        return true;
    }

    private static void ReturnBuffer(in RecorderItem item)
    {
        if (item.Values is { } values)
        {
            ArrayPool<float>.Shared.Return(values);
        }
    }

    private bool Enqueue(in RecorderItem item)
    {
        // DropWrite calls OnDropped synchronously on this thread when the queue is full; the flag carries
        // that outcome back here, since TryWrite itself returns true for a dropped item.
        s_droppedOnThisThread = false;
        if (!_channel.Writer.TryWrite(item))
        {
            // Completed: closed or failed.
            OnDropped(item);
            s_droppedOnThisThread = false;
            return false;
        }

        bool dropped = s_droppedOnThisThread;
        s_droppedOnThisThread = false;
        return !dropped;
    }

    private void OnDropped(RecorderItem item)
    {
        s_droppedOnThisThread = true;
        ReturnBuffer(item);
        Interlocked.Increment(ref _streams[item.Stream].Dropped);
        Interlocked.Increment(ref _recordsDropped);
    }

    private void Reject(RecorderStream stream)
    {
        Interlocked.Increment(ref stream.Rejected);
        Interlocked.Increment(ref _recordsRejected);
    }

    private async Task RunWriterAsync()
    {
        try
        {
            while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                DrainAndWrite();
            }

            // The timer is disposed only after the channel was completed: this drains the rest.
            DrainAndWrite();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _fault = ex;
            _channel.Writer.TryComplete();
            while (_channel.Reader.TryRead(out RecorderItem item))
            {
                OnDropped(item);
            }
        }
    }

    private void DrainAndWrite()
    {
        ChannelReader<RecorderItem> reader = _channel.Reader;
        while (reader.TryRead(out RecorderItem item))
        {
            try
            {
                Encode(item);
            }
            finally
            {
                ReturnBuffer(item);
            }
        }

        foreach (RecorderStream stream in _streams)
        {
            WritePending(stream);
        }
    }

    private void Encode(in RecorderItem item)
    {
        RecorderStream stream = _streams[item.Stream];
        if (item.TimeNs < stream.LastTimeNs)
        {
            // Replay merges streams by time; a stream must not go back in time.
            Reject(stream);
            return;
        }

        stream.LastTimeNs = item.TimeNs;
        _json.Reset(stream.Pending);
        if (item.Frame is { } frame)
        {
            SensorRecordCodec.WriteUnchecked(_json, frame);
        }
        else
        {
            Dynamics128RecordCodec.WriteUnchecked(_json, item.TimeNs, item.Producer!, item.Mask, item.Values.AsSpan(0, Dynamics128Vector.Size));
        }

        _json.Flush();
        RecordJson.WriteNewline(stream.Pending);
        stream.PendingRecords++;
        if (stream.Pending.WrittenCount >= EarlyWriteBytes)
        {
            WritePending(stream);
        }
    }

    private void WritePending(RecorderStream stream)
    {
        if (stream.Pending.WrittenCount == 0)
        {
            return;
        }

        ReadOnlySpan<byte> lines = stream.Pending.WrittenSpan;
        stream.File.Write(lines);
        stream.Hash.AppendData(lines);
        Interlocked.Add(ref stream.Records, stream.PendingRecords);
        Interlocked.Add(ref stream.Bytes, lines.Length);
        Interlocked.Add(ref _recordsWritten, stream.PendingRecords);
        Interlocked.Add(ref _bytesWritten, lines.Length);
        stream.Pending.ResetWrittenCount();
        stream.PendingRecords = 0;
    }

    private async Task CompleteCoreAsync()
    {
        _channel.Writer.TryComplete();
        _timer.Dispose();
        try
        {
            await _writer.ConfigureAwait(false);
            if (_fault is { } fault)
            {
                throw new IOException($"Recording into '{_directory}' failed: {fault.Message} The manifest stays at 'recording'; run 'echelon session validate --repair'.", fault);
            }

            var closed = new List<SessionStreamInfo>(_streams.Length);
            foreach (RecorderStream stream in _streams)
            {
                stream.File.Flush(flushToDisk: true);
                string sha256 = Convert.ToHexStringLower(stream.Hash.GetHashAndReset());
                closed.Add(stream.Info.WithCounts(
                    Interlocked.Read(ref stream.Records),
                    Interlocked.Read(ref stream.Bytes),
                    sha256,
                    Interlocked.Read(ref stream.Dropped),
                    Interlocked.Read(ref stream.Rejected)));
            }

            SessionManifest manifest = Manifest.With(SessionStatus.Closed, closed);
            manifest.Save(Path.Combine(_directory, SessionLayout.ManifestFileName));
            Volatile.Write(ref _manifest, manifest);
        }
        finally
        {
            foreach (RecorderStream stream in _streams)
            {
                stream.Dispose();
            }

            await _json.DisposeAsync().ConfigureAwait(false);
            await _lock.DisposeAsync().ConfigureAwait(false);
            if (_fault is null && _writer.IsCompletedSuccessfully)
            {
                File.Delete(Path.Combine(_directory, SessionLayout.LockFileName));
            }
        }
    }
}
