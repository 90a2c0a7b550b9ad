namespace Echelon.Protocols.Osc;

/// <summary>Where the parts of a validated message lie in its packet.</summary>
/// <param name="AddressLength">Bytes of the address, without its null.</param>
/// <param name="TagsStart">Offset of the first type tag (after the comma).</param>
/// <param name="TagCount">Type tags to read (fewer than written when an unknown tag was dropped).</param>
/// <param name="ArgumentsStart">Offset of the first argument's bytes.</param>
/// <param name="End">Offset after the last argument read.</param>
internal readonly record struct MessageLayout(int AddressLength, int TagsStart, int TagCount, int ArgumentsStart, int End);
