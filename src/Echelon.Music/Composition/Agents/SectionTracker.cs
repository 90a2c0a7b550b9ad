namespace Echelon.Music.Composition.Agents;

/// <summary>
/// Follows the section number bar by bar: whether this bar opens a new section, and how many bars
/// into its section it is (phrases, fills and crashes count from the section start, not from bar 0).
/// </summary>
internal struct SectionTracker
{
    private bool _started;
    private int _section;
    private int _startBar;

    /// <summary>True when the bar just advanced to starts a section different from the previous bar's.</summary>
    public bool Changed { get; private set; }

    /// <summary>Bars since the current section began, 0 on its first bar.</summary>
    public int BarInSection { get; private set; }

    /// <summary>Moves to <paramref name="bar"/> of <paramref name="section"/>.</summary>
    public void Advance(int section, int bar)
    {
        Changed = _started && section != _section;
        if (!_started || Changed || bar < _startBar)
        {
            _started = true;
            _section = section;
            _startBar = bar;
        }

        BarInSection = bar - _startBar;
    }

    /// <summary>Forgets everything.</summary>
    public void Reset() => this = default;
}
