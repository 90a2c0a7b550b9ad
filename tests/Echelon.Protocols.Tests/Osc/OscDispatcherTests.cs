using Echelon.Protocols.Osc;
using Echelon.Testing;

namespace Echelon.Protocols.Tests.Osc;

/// <summary>Dispatching, including python-osc's dispatcher cases (test_dispatcher.py) where OSC 1.0 gives the same answer.</summary>
public sealed class OscDispatcherTests
{
    private readonly OscDispatcher _dispatcher = new();
    private readonly List<string> _calls = [];

    private void Map(string address, string name) => _dispatcher.Add(address, (_, _) => _calls.Add(name));

    private string[] Send(string address)
    {
        _calls.Clear();
        _dispatcher.Dispatch(new OscMessage(address).ToArray());
        return [.. _calls.Order()];
    }

    [Fact]
    public void EmptyByDefault_CountsTheMessageUnmatched()
    {
        Assert.Empty(Send("/test"));
        Assert.Equal(1, _dispatcher.MessageCount);
        Assert.Equal(1, _dispatcher.UnmatchedCount);
        Assert.Equal(0, _dispatcher.InvocationCount);
    }

    [Fact]
    public void Fallback_GetsUnmatchedMessages()
    {
        string? seen = null;
        _dispatcher.Fallback = (m, _) => seen = m.GetAddress();
        Map("/known", "known");
        Send("/unknown");
        Assert.Equal("/unknown", seen);
        seen = null;
        Assert.Equal(["known"], Send("/known"));
        Assert.Null(seen);
    }

    [Fact]
    public void ExampleFromSpec()
    {
        string[] addresses = ["/first/this/one", "/second/1", "/second/2", "/third/a", "/third/b", "/third/c"];
        foreach (string a in addresses)
        {
            Map(a, a);
        }

        foreach (string a in addresses)
        {
            Assert.Equal([a], Send(a));
        }

        Assert.Equal(["/second/1", "/second/2"], Send("/second/?"));
        Assert.Equal(["/third/a", "/third/b", "/third/c"], Send("/third/*"));
    }

    [Fact]
    public void Stars_DoNotMatchOverSlashes()
    {
        Map("/foo/bar/1", "1");
        Map("/foo/bar/2", "2");
        Assert.Empty(Send("/*"));
        Assert.Equal(["2"], Send("/foo/*/2"));
        Assert.Equal(["1", "2"], Send("/*/*/*"));
    }

    [Fact]
    public void PlusIsAnOrdinaryCharacter()
    {
        Map("/footest/bar+tender/1", "1");
        Assert.Equal(["1"], Send("/foo*/bar+*/*"));
        Assert.Equal(["1"], Send("/foo*/bar*/*"));
        _dispatcher.Add("/a+b", (_, _) => _calls.Add("a+b"));
        Map("/aaab", "aaab");
        Assert.Equal(["aaab"], Send("/aaab"));
        Assert.Equal(["a+b"], Send("/a+b"));
    }

    [Fact]
    public void RegisteredPatterns_MatchIncomingAddresses()
    {
        Map("/starbase/*", "star");
        Map("/foo/*/bar/*", "double");
        Map("/qwer/*/zxcv", "qwer");
        Assert.Equal(["star"], Send("/starbase/bar"));
        Assert.Equal(["double"], Send("/foo/wild/bar/wild"));
        Assert.Empty(Send("/foo/wild/nomatch/wild"));
        Assert.Empty(Send("/qwer/whatever/zxcvsomethingmore"));
        Assert.Equal(["qwer"], Send("/qwer/whatever/zxcv"));
    }

    [Fact]
    public void RootStar_MatchesOnePartOnly_UnlikePythonOsc()
    {
        // python-osc lets a mapped "/*" match "/anything/matches" and "/foo/bar"; OSC 1.0 requires the
        // same number of parts, so here it matches only one-part addresses.
        Map("/*", "root");
        Map("/foo/bar", "foobar");
        Assert.Empty(Send("/anything/matches"));
        Assert.Equal(["foobar"], Send("/foo/bar"));
        Assert.Equal(["root"], Send("/foo"));
    }

    [Fact]
    public void MultipleHandlers_AtOneAddress_AllRun()
    {
        Map("/foo/bar", "1");
        Map("/foo/bar", "2");
        Assert.Equal(["1", "2"], Send("/foo/bar"));
        Assert.Equal(2, _dispatcher.InvocationCount);
    }

    [Fact]
    public void Remove_UnregistersOneMethod()
    {
        OscMethod method = (_, _) => _calls.Add("me");
        _dispatcher.Add("/map/me", method);
        Assert.Equal(["me"], Send("/map/me"));
        Assert.True(_dispatcher.Remove("/map/me", method));
        Assert.Empty(Send("/map/me"));
        Assert.False(_dispatcher.Remove("/map/me", method));
        Assert.False(_dispatcher.Remove("/unmap/exception", method));
    }

    [Fact]
    public void Methods_GetArgumentsAndTheBundlesTimeTag()
    {
        var time = new OscTimeTag(3_900_000_000u, 5u);
        float sum = 0;
        OscTimeTag seen = default;
        _dispatcher.Add("/accxyz", (m, t) =>
        {
            sum = m.ReadFloat32() + m.ReadFloat32() + m.ReadFloat32();
            seen = t;
        });
        _dispatcher.Dispatch(new OscBundle(time, new OscMessage("/accxyz", 1f, 2f, 3f)).ToArray());
        Assert.Equal(6f, sum);
        Assert.Equal(time, seen);
        _dispatcher.Dispatch(new OscMessage("/accxyz", 1f, 1f, 1f).ToArray());
        Assert.True(seen.IsImmediate);
    }

    [Fact]
    public void EachMethod_GetsItsOwnCursor()
    {
        var reads = new List<int>();
        _dispatcher.Add("/x", (m, _) => reads.Add(m.ReadInt32()));
        _dispatcher.Add("/x", (m, _) => reads.Add(m.ReadInt32()));
        _dispatcher.Dispatch(new OscMessage("/x", 7).ToArray());
        Assert.Equal([7, 7], reads);
    }

    [Fact]
    public void MalformedPacket_IsCountedAndDispatchesNothing_EvenItsGoodMessages()
    {
        Map("/a", "a");
        byte[] bytes = new OscBundle(OscTimeTag.Immediate, new OscMessage("/a"), new OscMessage("/a", 1)).ToArray();
        byte[] truncated = bytes[..^2];
        Assert.False(_dispatcher.TryDispatch(truncated, out OscDecodeError error));
        Assert.Equal(OscFormatError.Truncated, error.Error);
        Assert.Empty(_calls);
        Assert.Equal(1, _dispatcher.MalformedCount);
        Assert.Throws<OscFormatException>(() => _dispatcher.Dispatch(truncated));
        Assert.Equal(2, _dispatcher.MalformedCount);
        Assert.Equal(0, _dispatcher.MessageCount);
    }

    [Fact]
    public void StrictDispatcher_RejectsWhatLenientAccepts()
    {
        var strict = new OscDispatcher(OscDecodeOptions.Strict);
        Assert.False(strict.TryDispatch("/SYNC\0\0\0"u8, out OscDecodeError error));
        Assert.Equal(OscFormatError.MissingTypeTags, error.Error);
        Assert.True(_dispatcher.TryDispatch("/SYNC\0\0\0"u8, out _));
    }

    [Fact]
    public void BadRegistration_IsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => _dispatcher.Add("no-slash", (_, _) => { }));
        Assert.Throws<ArgumentException>(() => _dispatcher.Add("/a[", (_, _) => { }));
        Assert.Equal(0, _dispatcher.MethodCount);
    }

    [Fact]
    public void Dispatching_AllocatesNothing()
    {
        double sum = 0;
        _dispatcher.Add("/echelon/motion/accel", (m, _) => sum += m.ReadFloat32());
        _dispatcher.Add("/echelon/motion/*", (m, _) => sum += 1);
        for (int i = 0; i < 50; i++)
        {
            _dispatcher.Add("/other/" + i, (_, _) => sum -= 1000);
        }

        byte[] message = new OscMessage("/echelon/motion/accel", 2f).ToArray();
        byte[] bundle = new OscBundle(new OscTimeTag(1u, 0u), new OscMessage("/echelon/motion/accel", 1f), new OscMessage("/echelon/*/accel", 1f), new OscMessage("/nobody")).ToArray();
        int calls = 0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                _dispatcher.Dispatch(message);
                _dispatcher.TryDispatch(bundle, out _);
                _dispatcher.TryDispatch("junk"u8, out _);
                calls++;
            },
            iterations: 1000);

        Assert.Equal(0, bytes);
        // The message: literal (+2) and /echelon/motion/* (+1); the bundle: /echelon/motion/accel (+1, +1) and the
        // incoming pattern /echelon/*/accel (+1); /nobody is unmatched.
        Assert.True(calls >= 1000);
        Assert.Equal(calls * (3 + 2 + 1), sum);
        Assert.Equal(calls, _dispatcher.UnmatchedCount);
        Assert.Equal(calls, _dispatcher.MalformedCount);
    }

    [Fact]
    public void Registering_WhileAnotherThreadDispatches_NeverBreaksDispatch()
    {
        byte[] message = new OscMessage("/hot", 1).ToArray();
        long hits = 0;
        _dispatcher.Add("/hot", (_, _) => hits++);
        var writer = new Thread(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                _dispatcher.Add("/cold/" + i, (_, _) => { });
            }
        });
        writer.Start();
        for (int i = 0; i < 100_000 && writer.IsAlive; i++)
        {
            _dispatcher.Dispatch(message);
        }

        writer.Join();
        _dispatcher.Dispatch(message);
        Assert.Equal(_dispatcher.MessageCount, hits);
        Assert.Equal(2001, _dispatcher.MethodCount);
    }
}
