namespace Echelon.Studio.Configuration;

/// <summary>When a mapping's target is updated (<c>rate</c>).</summary>
public enum MappingRate
{
    /// <summary><c>frame</c>: every control frame (100 Hz by default).</summary>
    Frame = 0,

    /// <summary><c>beat</c>: once per beat, on the beat; the (smoothed) value is held in between, so the music changes in time.</summary>
    Beat = 1,
}
