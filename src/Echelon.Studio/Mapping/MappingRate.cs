namespace Echelon.Studio.Mapping;

/// <summary>When a mapping takes a new input value.</summary>
public enum MappingRate
{
    /// <summary>Every control frame (100 Hz).</summary>
    Frame,

    /// <summary>On beats only; held in between.</summary>
    Beat,
}
