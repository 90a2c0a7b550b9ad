namespace Echelon.Sessions;

/// <summary>Where a session is in its life, as its manifest says (<c>status</c>).</summary>
public enum SessionStatus
{
    /// <summary>
    /// <c>"recording"</c>: written when recording starts. Still there after the recorder was killed; such a
    /// session has no counts or hashes and needs <c>validate --repair</c>.
    /// </summary>
    Recording = 1,

    /// <summary><c>"closed"</c>: the recorder finished; counts and sha256 describe every stream.</summary>
    Closed = 2,

    /// <summary><c>"repaired"</c>: a killed recording whose torn tails were cut and whose counts and hashes were recomputed.</summary>
    Repaired = 3,
}
