using System.Runtime.CompilerServices;

namespace Echelon.Protocols.Osc;

/// <summary>Offsets of the size prefixes of the bundles an <see cref="OscWriter"/> has open, inline so the writer stays allocation-free.</summary>
[InlineArray(OscWriter.MaxDepth)]
internal struct OscWriterFrames
{
    private int _element0;
}
