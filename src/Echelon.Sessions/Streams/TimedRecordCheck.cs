namespace Echelon.Sessions.Streams;

/// <summary>
/// The check for streams without their own codec yet (<c>control</c>, <c>events</c>, <c>annotations</c>):
/// one JSON object per line whose first field is the integer time <c>"t"</c>.
/// </summary>
internal static class TimedRecordCheck
{
    public static long Read(ReadOnlySpan<byte> line, string file, int lineNumber)
    {
        var reader = new RecordReader(line, file, lineNumber);
        long t = reader.ReadStartAndTime();
        while (reader.NextField())
        {
            reader.SkipValue();
        }

        return t;
    }
}
