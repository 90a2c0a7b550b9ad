using Echelon.Music.Composition;
using Echelon.Protocols.Osc;
using Echelon.Protocols.SuperCollider;

namespace Echelon.Studio.SuperCollider;

/// <summary>
/// Plays the composer's notes on a live scsynth: asks for node notifications, loads Echelon's SynthDefs, creates group 1, then
/// sends each command in a bundle stamped at its time, a little ahead (the client's latency plus a
/// look-ahead window), so scsynth starts every note at its exact sample whatever the network jitter.
/// </summary>
public static class ScPlayer
{
    /// <summary>How far ahead of its time a command is sent.</summary>
    public static readonly TimeSpan LookAhead = TimeSpan.FromMilliseconds(200);

    /// <summary>Plays <paramref name="notes"/> and returns the number of commands sent; cancel to stop early (sounding notes are freed).</summary>
    public static async Task<int> PlayAsync(ScsynthClient client, IReadOnlyList<NoteEvent> notes, int sampleRate, double seconds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        TimeSpan reply = TimeSpan.FromSeconds(5);
        await client.NotifyAsync(true, reply).ConfigureAwait(false);
        await client.LoadSynthDefsAsync(EchelonSynthDefs.All, reply).ConfigureAwait(false);
        client.NewGroup(ScScore.Group, 0, 0);
        await client.SyncAsync(reply).ConfigureAwait(false);

        List<(double Seconds, OscMessage Message)> commands = ScScore.NoteCommands(notes, sampleRate, seconds, client.AllocateNodeIds(Math.Max(1, notes.Count)));
        // Time 0 of the piece, on the wall clock scsynth reads, and as a time tag.
        DateTimeOffset wallOrigin = DateTimeOffset.UtcNow + client.Latency + LookAhead;
        double origin = OscTimeTag.FromDateTimeOffset(wallOrigin).ToSecondsSince1900();
        int sent = 0;
        bool finished = false;
        try
        {
            foreach ((double time, OscMessage message) in commands)
            {
                TimeSpan wait = wallOrigin + TimeSpan.FromSeconds(time) - LookAhead - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }

                client.Send(message, OscTimeTag.FromSecondsSince1900(origin + time));
                sent++;
            }

            TimeSpan tail = wallOrigin + TimeSpan.FromSeconds(seconds) - DateTimeOffset.UtcNow;
            if (tail > TimeSpan.Zero)
            {
                await Task.Delay(tail, cancellationToken).ConfigureAwait(false);
            }

            finished = true;
        }
        finally
        {
            // Free whatever still sounds in the group (its synths; the group stays): at the piece's end, stamped
            // like the notes so it cannot overtake a note-off still waiting in scsynth's queue; at once when cancelled.
            var freeAll = new OscMessage("/g_freeAll", ScScore.Group);
            if (finished)
            {
                client.Send(freeAll, OscTimeTag.FromSecondsSince1900(origin + seconds + 0.001));
            }
            else
            {
                client.Send(freeAll);
            }
        }

        return sent;
    }
}
