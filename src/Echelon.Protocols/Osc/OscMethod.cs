namespace Echelon.Protocols.Osc;

/// <summary>
/// An OSC method: what a dispatcher invokes for a message whose address matches. It gets its own
/// cursor over the message and the time tag of the innermost bundle holding it
/// (<see cref="OscTimeTag.Immediate"/> for a bare message). Runs on the dispatching thread.
/// </summary>
/// <param name="message">The message, positioned before its first argument; valid only during the call.</param>
/// <param name="timeTag">When the message is due; the dispatcher does not wait for it.</param>
public delegate void OscMethod(OscMessageReader message, OscTimeTag timeTag);
