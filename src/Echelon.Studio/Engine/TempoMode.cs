namespace Echelon.Studio.Engine;

/// <summary>How the transport's tempo is set.</summary>
public enum TempoMode
{
    /// <summary>The transport follows the dancer's tempo within the configured limits, at a bounded rate of change.</summary>
    Follow,

    /// <summary>The transport holds the tempo of the controls.</summary>
    Fixed,
}
