using Echelon.Studio.Engine;

namespace Echelon.Studio.Web;

/// <summary>
/// Applies patches one at a time, so two requests that each change one field cannot undo each other (each reads
/// the controls, patches them and hands them to the runtime under one lock). I/O threads only.
/// </summary>
internal sealed class ControlsEditor
{
    private readonly Lock _gate = new();

    public StudioControls Apply(IStudioRuntime runtime, ControlsPatch patch)
    {
        lock (_gate)
        {
            StudioControls next = patch.ApplyTo(runtime.Controls);
            runtime.SetControls(next);
            return next;
        }
    }
}
