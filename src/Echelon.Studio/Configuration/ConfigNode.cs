namespace Echelon.Studio.Configuration;

/// <summary>A node of a parsed configuration text, with the 1-based line and column where it starts.</summary>
internal abstract class ConfigNode(int line, int column)
{
    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; } = column;

    /// <summary>How an error shows this node's value: the scalar's text, or what kind of node it is.</summary>
    public abstract string Shown { get; }
}
