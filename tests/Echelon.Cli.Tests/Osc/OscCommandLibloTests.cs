using System.Globalization;
using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;
using Echelon.Protocols.Osc;

namespace Echelon.Cli.Tests.Osc;

/// <summary><c>echelon osc send</c>/<c>dump</c> against liblo's oscdump/oscsend, both ways, over UDP and TCP.</summary>
[Trait("Peer", "liblo")]
public sealed class OscCommandLibloTests
{
    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    [PeerFact("oscdump")]
    public void EchelonSend_ToOscdump_PrintsTheTypedValues()
    {
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        string target = "127.0.0.1:" + Port(dump.Port);
        (int code, _, string stderr) = EchelonProcess.Run("osc", "send", target, "/cli/all", "ihfdsScmTFNIbt", "-7", "-5000000000", "2.5", "3.25", "hi there", "sym", "A", "00904060", "01ff", "deadbeef.80000000");
        Assert.True(code == 0, stderr);
        Assert.Equal("/cli/all ihfdsScmTFNIbt -7 -5000000000 2.500000 3.250000 \"hi there\" 'sym 'A' MIDI [0x00 0x90 0x40 0x60] #T #F Nil Infinitum [2b 0x1 0xff] deadbeef.80000000", dump.Line("/cli/all").Text);
    }

    [PeerFact("oscdump")]
    public void EchelonSendBundleAt_ToOscdump_CarriesAFutureTimeTag()
    {
        using OscDumpPeer dump = OscDumpPeer.StartUdp();
        OscTimeTag before = OscTimeTag.Now();
        (int code, _, string stderr) = EchelonProcess.Run("osc", "send", "--bundle-at", "0.5", "127.0.0.1:" + Port(dump.Port), "/cli/later", "i", "1");
        Assert.True(code == 0, stderr);
        (string time, string text) = dump.Line("/cli/later");
        Assert.Equal("/cli/later i 1", text);
        Assert.True(OscTimeTag.Parse(time) >= before.AddSeconds(0.5), $"oscdump printed {time}, sent after {before}");
    }

    [PeerFact("oscdump")]
    public void EchelonSendTcp_ToOscdumpTcp()
    {
        using OscDumpPeer dump = OscDumpPeer.StartTcp();
        (int code, _, string stderr) = EchelonProcess.Run("osc", "send", "--tcp", "127.0.0.1:" + Port(dump.Port), "/cli/tcp", "sd", "framed", "0.125");
        Assert.True(code == 0, stderr);
        Assert.Equal("/cli/tcp sd \"framed\" 0.125000", dump.Line("/cli/tcp").Text);
    }

    public static TheoryData<string, string[]> Oscsends => new()
    {
        { "ihfdsScmTFNI", ["7", "-5000000000", "2.5", "3.25", "hi there", "sym", "A", "00904060"] },
        { "ffff", ["-0", "1e30", "123456789", "0.1"] },
        { "dd", ["1e300", "-2.5e-7"] },
        { "", [] },
        { "s", ["naïve"] },
    };

    [PeerTheory("oscsend", "oscdump")]
    [MemberData(nameof(Oscsends))]
    public void Oscsend_ToEchelonDumpAndOscdump_PrintTheSameLine(string types, string[] values)
    {
        using OscDumpPeer liblo = OscDumpPeer.StartUdp();
        using EchelonServer echelon = EchelonServer.Start("osc", "dump", "--port", "0", "--count", "1", "--timeout", "120");
        string address = "/from/oscsend/" + types.Length.ToString(CultureInfo.InvariantCulture);
        PeerTool.Get("oscsend").Run(["127.0.0.1", Port(liblo.Port), address, types, .. values]);
        PeerTool.Get("oscsend").Run(["127.0.0.1", Port(echelon.Port), address, types, .. values]);
        Assert.Equal(0, echelon.WaitForExit());
        string ours = Assert.Single(echelon.Process.StandardOutput);
        Assert.Equal(liblo.Line(address).Text, ours[(ours.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
    }

    [PeerFact("oscsend")]
    public void Oscsend_ToEchelonDumpJson_GivesTheValues()
    {
        using EchelonServer echelon = EchelonServer.Start("osc", "dump", "--port", "0", "--count", "1", "--json", "--timeout", "120");
        PeerTool.Get("oscsend").Run("127.0.0.1", Port(echelon.Port), "/json", "ihdsTN", "7", "-5000000000", "0.5", "x", "");
        Assert.Equal(0, echelon.WaitForExit());
        Assert.Equal("{\"time\":null,\"address\":\"/json\",\"types\":\"ihdsTN\",\"args\":[7,-5000000000,0.5,\"x\",true,null]}", Assert.Single(echelon.Process.StandardOutput));
    }

    [PeerFact("oscsend")]
    public void OscsendTcp_ToEchelonDumpTcp()
    {
        using EchelonServer echelon = EchelonServer.Start("osc", "dump", "--tcp", "--port", "0", "--count", "1", "--json", "--timeout", "120");
        PeerTool.Get("oscsend").Run("osc.tcp://127.0.0.1:" + Port(echelon.Port), "/tcp/in", "i", "42");
        Assert.Equal(0, echelon.WaitForExit());
        using JsonDocument doc = JsonDocument.Parse(Assert.Single(echelon.Process.StandardOutput));
        Assert.Equal("/tcp/in", doc.RootElement.GetProperty("address").GetString());
        Assert.Equal(42, doc.RootElement.GetProperty("args")[0].GetInt32());
    }
}
