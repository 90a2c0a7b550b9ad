using System.Runtime.InteropServices;

namespace Echelon.Audio.Files;

/// <summary>
/// An open <c>SNDFILE*</c>, closed exactly once by <c>sf_close</c> when disposed or finalised; a
/// call in flight keeps it alive (SafeHandle reference counting), so a dispose on another thread
/// cannot free it under a read.
/// </summary>
internal sealed class SndFileHandle : SafeHandle
{
    /// <summary>Created by the interop stub that receives <c>sf_open</c>'s result.</summary>
    public SndFileHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == nint.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle() => SndFile.Close(handle) == 0;
}
