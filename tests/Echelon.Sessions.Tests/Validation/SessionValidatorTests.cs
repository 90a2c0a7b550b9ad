using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Echelon.Sessions.Recording;
using Echelon.Sessions.Tests.Infrastructure;
using Echelon.Sessions.Validation;

namespace Echelon.Sessions.Tests.Validation;

public sealed class SessionValidatorTests
{
    [Fact]
    public void Validate_ClosedSession_IsOkAndReportsEveryStream()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionManifest manifest = SessionFiles.RecordSmall(session);
        ValidationReport report = SessionValidator.Validate(session);
        Assert.True(report.Ok);
        Assert.False(report.NeedsRepair);
        Assert.Equal(SessionStatus.Closed, report.Status);
        Assert.Equal(manifest.Streams.Select(s => (s.Name, s.Records!.Value, s.Bytes!.Value, s.Sha256)), report.Streams.Select(s => (s.Name, s.Records, s.Bytes, s.Sha256)));
    }

    [Fact]
    public void Validate_TamperedByte_ReportsTheStreamAndBothHashes_AndRepairRefuses()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionManifest manifest = SessionFiles.RecordSmall(session);
        string path = SessionFiles.StreamPath(session, "sensors.phone");
        byte[] bytes = File.ReadAllBytes(path);
        int digit = Array.FindIndex(bytes, 40, b => b is >= (byte)'1' and <= (byte)'8');
        bytes[digit]++;
        File.WriteAllBytes(path, bytes);
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string expected = manifest.FindStream("sensors.phone")!.Sha256!;

        ValidationReport report = SessionValidator.Validate(session, repair: true);
        Assert.False(report.Ok);
        Assert.False(report.Repaired);
        ValidationError error = Assert.Single(report.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal("sha256", error.Field);
        Assert.Contains("'sensors.phone'", error.Problem, StringComparison.Ordinal);
        Assert.Contains(actual, error.Problem, StringComparison.Ordinal);
        Assert.Contains(expected, error.Problem, StringComparison.Ordinal);
        Assert.False(report.Streams.Single(s => s.Name == "sensors.phone").Sha256Matches);
        Assert.Contains(report.Notes, n => n.Contains("not repaired", StringComparison.Ordinal));

        // Repair touched nothing: the edited byte and the closed manifest are as they were.
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(SessionStatus.Closed, SessionManifest.Load(SessionFiles.ManifestPath(session)).Status);
    }

    [Fact]
    public void Validate_LineTruncatedInTheMiddleOfTheFile_NamesFileLineAndField()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        string path = SessionFiles.StreamPath(session, "sensors.phone");
        List<string> lines = SessionFiles.Lines(path);
        int acc = lines[4].IndexOf("\"acc\":[", StringComparison.Ordinal);
        lines[4] = lines[4][..(acc + 9)];
        SessionFiles.WriteLines(path, lines);

        ValidationReport report = SessionValidator.Validate(session);
        ValidationError bad = report.Errors.Single(e => e.Line > 0);
        Assert.Equal(path, bad.File);
        Assert.Equal(5, bad.Line);
        Assert.StartsWith("acc", bad.Field, StringComparison.Ordinal);
        Assert.Equal(5, report.Streams.Single(s => s.Name == "sensors.phone").FirstBadLine);
        Assert.Equal(4, report.Streams.Single(s => s.Name == "sensors.phone").Records);
        Assert.Contains(report.Errors, e => e.Field == "sha256");
    }

    [Fact]
    public void Validate_NonJsonLine_NamesFileAndLine()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        string path = SessionFiles.StreamPath(session, "dynamics128");
        List<string> lines = SessionFiles.Lines(path);
        lines.Insert(2, "this is not json");
        SessionFiles.WriteLines(path, lines);

        ValidationError bad = SessionValidator.Validate(session).Errors.Single(e => e.Line > 0);
        Assert.Equal(path, bad.File);
        Assert.Equal(3, bad.Line);
        Assert.Equal("$", bad.Field);
        Assert.StartsWith($"{path}:3: $: malformed", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingManifest_IsASpecificError()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        File.Delete(SessionFiles.ManifestPath(session));

        ValidationReport report = SessionValidator.Validate(session, repair: true);
        ValidationError error = Assert.Single(report.Errors);
        Assert.Equal(SessionFiles.ManifestPath(session), error.File);
        Assert.Equal(0, error.Line);
        Assert.Equal("manifest.json", error.Field);
        Assert.Contains("missing", error.Problem, StringComparison.Ordinal);
        Assert.Null(report.Status);
        Assert.False(report.Repaired);
    }

    [Fact]
    public void Validate_MissingStreamFile_NamesTheFileAndStream()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        string path = SessionFiles.StreamPath(session, "sensors.camera");
        File.Delete(path);

        ValidationError error = Assert.Single(SessionValidator.Validate(session).Errors);
        Assert.Equal(path, error.File);
        Assert.Equal("file", error.Field);
        Assert.Contains("'sensors.camera'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongSchemaVersion_NamesTheField()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        string manifestPath = SessionFiles.ManifestPath(session);
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace("\"schema_version\": 1", "\"schema_version\": 7", StringComparison.Ordinal));

        ValidationError error = Assert.Single(SessionValidator.Validate(session).Errors);
        Assert.Equal(manifestPath, error.File);
        Assert.Equal("$.schema_version", error.Field);
        Assert.Contains("is 7", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KilledSessionWithTornTail_NeedsRepair_RepairCutsIt_ThenOk()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionManifest closed = SessionFiles.RecordSmall(session);
        SessionFiles.MarkAsKilled(session);
        string phone = SessionFiles.StreamPath(session, "sensors.phone");
        string dynamics = SessionFiles.StreamPath(session, "dynamics128");
        byte[] original = File.ReadAllBytes(phone);
        byte[] torn = Encoding.UTF8.GetBytes("{\"t\":999999999,\"device\":\"phone\",\"device_t\":1,\"kind\":\"imu\",\"acc\":[1.5,2");
        File.AppendAllText(phone, Encoding.UTF8.GetString(torn));

        // An unparsable last line that does end in '\n' (a crash can leave garbage) is a torn tail too.
        byte[] garbage = [0, 0, 0, (byte)'\n'];
        using (var stream = new FileStream(dynamics, FileMode.Append))
        {
            stream.Write(garbage);
        }

        ValidationReport before = SessionValidator.Validate(session);
        Assert.Empty(before.Errors);
        Assert.True(before.NeedsRepair);
        Assert.False(before.Ok);
        Assert.Equal(SessionStatus.Recording, before.Status);
        Assert.Equal(torn.Length, before.Streams.Single(s => s.Name == "sensors.phone").TornBytes);
        Assert.Equal(garbage.Length, before.Streams.Single(s => s.Name == "dynamics128").TornBytes);
        Assert.All(before.Streams, s => Assert.Null(s.Sha256Matches));

        ValidationReport repaired = SessionValidator.Validate(session, repair: true);
        Assert.True(repaired.Repaired);
        Assert.True(repaired.Ok);
        Assert.Equal(SessionStatus.Repaired, repaired.Status);
        Assert.Equal(original, File.ReadAllBytes(phone));

        ValidationReport after = SessionValidator.Validate(session);
        Assert.True(after.Ok, string.Join("\n", after.Errors));
        Assert.Equal(SessionStatus.Repaired, after.Status);
        SessionManifest manifest = SessionManifest.Load(SessionFiles.ManifestPath(session));
        Assert.Equal(closed.Streams.Select(s => (s.Name, s.Records, s.Bytes, s.Sha256)), manifest.Streams.Select(s => (s.Name, s.Records, s.Bytes, s.Sha256)));
    }

    [Fact]
    public void Validate_KilledSessionWithABadLineInTheMiddle_RepairRefusesAndDeletesNothing()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        SessionFiles.MarkAsKilled(session);
        string path = SessionFiles.StreamPath(session, "sensors.dancer");
        List<string> lines = SessionFiles.Lines(path);
        lines[1] = "{\"t\":";
        SessionFiles.WriteLines(path, lines);
        byte[] before = File.ReadAllBytes(path);

        ValidationReport report = SessionValidator.Validate(session, repair: true);
        Assert.False(report.Repaired);
        Assert.False(report.NeedsRepair);
        Assert.Equal(2, Assert.Single(report.Errors).Line);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(SessionStatus.Recording, SessionManifest.Load(SessionFiles.ManifestPath(session)).Status);
    }

    [Fact]
    public void Validate_ClosedSessionWithBytesAppended_IsAnErrorNotATornTail()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        File.AppendAllText(SessionFiles.StreamPath(session, "sensors.phone"), "{\"t\":1");

        ValidationReport report = SessionValidator.Validate(session, repair: true);
        Assert.False(report.Ok);
        Assert.False(report.Repaired);
        Assert.Equal("sha256", Assert.Single(report.Errors).Field);
    }

    [Fact]
    public void Validate_TimeGoingBack_IsAnError()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        SessionFiles.MarkAsKilled(session);
        string path = SessionFiles.StreamPath(session, "sensors.phone");
        List<string> lines = SessionFiles.Lines(path);
        (lines[2], lines[3]) = (lines[3], lines[2]);
        SessionFiles.WriteLines(path, lines);

        ValidationError error = Assert.Single(SessionValidator.Validate(session).Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("t", error.Field);
    }

    [Fact]
    public void Validate_RecordFromAnotherDevice_IsAnError()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        SessionFiles.MarkAsKilled(session);
        string path = SessionFiles.StreamPath(session, "sensors.phone");
        List<string> lines = SessionFiles.Lines(path);
        lines[0] = lines[0].Replace("\"device\":\"phone\"", "\"device\":\"watch\"", StringComparison.Ordinal);
        SessionFiles.WriteLines(path, lines);

        ValidationError error = Assert.Single(SessionValidator.Validate(session).Errors);
        Assert.Equal((1, "device"), (error.Line, error.Field));
    }

    [Fact]
    public void Validate_WhileARecorderHoldsTheSession_ReportsItAndRepairsNothing()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        using SessionRecorder recorder = SessionRecorder.Create(session, SyntheticSession.Options());
        ValidationReport report = SessionValidator.Validate(session, repair: true);
        Assert.Equal(SessionLayout.LockFileName, Assert.Single(report.Errors).Field);
        Assert.False(report.Repaired);
        recorder.Dispose();
        Assert.True(SessionValidator.Validate(session).Ok);
    }

    [Fact]
    public void Validate_UnknownStreamKind_ChecksTimedJsonLines()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionManifest manifest = SessionFiles.RecordSmall(session);
        string path = SessionLayout.FullPath(session, SessionLayout.StreamFile("annotations"));
        File.WriteAllText(path, "{\"t\":5,\"text\":\"drop\",\"tags\":[1,{\"a\":null}]}\n{\"text\":\"no time\"}\n");
        manifest.With(SessionStatus.Recording, [.. manifest.Streams.Select(s => s.WithoutCounts()), new SessionStreamInfo("annotations", "performer", 1)])
            .Save(SessionFiles.ManifestPath(session));

        ValidationReport report = SessionValidator.Validate(session, repair: true);
        Assert.True(report.Repaired);
        Assert.Equal(1, report.Streams.Single(s => s.Name == "annotations").Records);
        Assert.True(report.Streams.Single(s => s.Name == "annotations").TornBytes > 0);
    }

    [Fact]
    public void ToJson_HasTheCommandLineShape()
    {
        using var dir = new TempDirectory();
        string session = dir.File("session");
        SessionFiles.RecordSmall(session);
        File.Delete(SessionFiles.StreamPath(session, "sensors.camera"));
        using var json = JsonDocument.Parse(SessionValidator.Validate(session).ToJson());
        JsonElement root = json.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal(4, root.GetProperty("streams").GetArrayLength());
        JsonElement phone = root.GetProperty("streams")[0];
        Assert.Equal("sensors.phone", phone.GetProperty("name").GetString());
        Assert.True(phone.GetProperty("records").GetInt64() > 0);
        Assert.Equal(0, phone.GetProperty("torn_bytes").GetInt64());
        JsonElement error = root.GetProperty("errors")[0];
        Assert.Equal("file", error.GetProperty("field").GetString());
        Assert.Equal(0, error.GetProperty("line").GetInt32());
    }
}
