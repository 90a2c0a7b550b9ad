namespace Echelon.Sessions.Validation;

/// <summary>One pass over a stream file: what parsed, where the whole records end, the hash of every byte.</summary>
internal sealed record StreamScan(
    long Records,
    long FileBytes,
    long KeptBytes,
    string Sha256,
    ValidationError? FirstBad)
{
    public long TornBytes => FirstBad is null ? FileBytes - KeptBytes : 0;
}
