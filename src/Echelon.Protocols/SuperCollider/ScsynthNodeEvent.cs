namespace Echelon.Protocols.SuperCollider;

/// <summary>A node notification from scsynth (after <c>/notify 1</c>): <c>/n_go</c>, <c>/n_end</c>, <c>/n_off</c>, <c>/n_on</c>, <c>/n_move</c>.</summary>
/// <param name="Command">The notification's address, e.g. <c>/n_go</c>.</param>
/// <param name="Node">The node id.</param>
/// <param name="Parent">The enclosing group's id.</param>
/// <param name="IsGroup">True for a group, false for a synth.</param>
public readonly record struct ScsynthNodeEvent(string Command, int Node, int Parent, bool IsGroup);
