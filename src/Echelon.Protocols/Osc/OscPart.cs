namespace Echelon.Protocols.Osc;

/// <summary>The part of a packet a decode error is about, for its message.</summary>
internal enum OscPart : byte
{
    Packet,
    Address,
    TypeTags,
    Argument,
    BundleHeader,
    BundleTimeTag,
    ElementSize,
    Element,
}
