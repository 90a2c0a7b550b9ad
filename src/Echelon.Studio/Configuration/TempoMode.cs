namespace Echelon.Studio.Configuration;

/// <summary>How the transport's tempo is set (<c>tempo.mode</c>).</summary>
public enum TempoMode
{
    /// <summary><c>follow</c>: start at <c>bpm</c> and follow the dancer's tempo within <c>min_bpm</c>–<c>max_bpm</c>, at most <c>max_change_per_second</c>.</summary>
    Follow = 0,

    /// <summary><c>fixed</c>: hold <c>bpm</c> whatever the dancer does.</summary>
    Fixed = 1,
}
