namespace Echelon.Sessions.Validation;

/// <summary>What validation found in one stream file.</summary>
/// <param name="Name">The stream's name.</param>
/// <param name="File">The file (full path).</param>
/// <param name="Records">Whole, valid records before the first bad line or torn tail.</param>
/// <param name="Bytes">The file's length as found.</param>
/// <param name="TornBytes">Bytes of the torn tail as found: a last line without '\n', or an unparsable last line (0 when none). Repair cuts exactly these.</param>
/// <param name="Sha256">SHA-256 of the file as found (lowercase hex); null when the file is missing.</param>
/// <param name="ManifestSha256">The manifest's sha256 for the stream; null while recording.</param>
/// <param name="Sha256Matches">Whether the two hashes agree; null when the manifest has none (a killed recording).</param>
/// <param name="FirstBadLine">1-based line of the first record that is not valid (not counting a torn tail); null when none.</param>
public sealed record StreamValidation(
    string Name,
    string File,
    long Records,
    long Bytes,
    long TornBytes,
    string? Sha256,
    string? ManifestSha256,
    bool? Sha256Matches,
    int? FirstBadLine);
