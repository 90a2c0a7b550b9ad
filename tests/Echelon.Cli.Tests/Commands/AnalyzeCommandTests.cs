using System.Text.Json;
using Echelon.Cli.Tests.Infrastructure;
using Echelon.Testing;

namespace Echelon.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    private static string Sample => SharedData.File("beat_onset", "madmom", "sample.wav");

    private static string StereoFlac => SharedData.File("beat_onset", "madmom", "stereo_sample.flac");

    [PeerFact("libsndfile")]
    public void Analyze_Json_HasTheDocumentedShape_AndFindsTheMusic()
    {
        (int code, string stdout, string stderr) = EchelonProcess.Run("analyze", Sample, "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal(44_100, root.GetProperty("sample_rate").GetInt32());
        Assert.Equal(123_481 / 44_100.0, root.GetProperty("duration_s").GetDouble(), 1e-9);

        double[] onsets = [.. root.GetProperty("onsets").EnumerateArray().Select(e => e.GetDouble())];
        Assert.InRange(onsets.Length, 12, 18);
        Assert.Equal(onsets.Order(), onsets);
        Assert.True(root.GetProperty("beats").GetArrayLength() >= 2);
        Assert.InRange(root.GetProperty("tempo_bpm").GetDouble(), 80, 95);

        JsonElement pitch = root.GetProperty("pitch");
        Assert.Equal(256 / 44_100.0, pitch.GetProperty("hop_s").GetDouble(), 1e-12);
        int frames = pitch.GetProperty("f0_hz").GetArrayLength();
        Assert.InRange(frames, (123_481 / 256) - 1, (123_481 / 256) + 1);
        Assert.Equal(frames, pitch.GetProperty("confidence").GetArrayLength());

        JsonElement latencies = root.GetProperty("latencies_ms");
        double latency = root.GetProperty("latency_ms").GetDouble();
        Assert.Equal(latency, latencies.EnumerateObject().Max(p => p.Value.GetDouble()));
        Assert.InRange(latency, 5, 50);
    }

    [PeerFact("libsndfile")]
    public void Analyze_Flac_OnlyWhatWasAskedFor()
    {
        (int code, string stdout, string stderr) = EchelonProcess.Run("analyze", StereoFlac, "--onsets", "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement;
        Assert.True(root.GetProperty("onsets").GetArrayLength() >= 3);
        Assert.False(root.TryGetProperty("beats", out _));
        Assert.False(root.TryGetProperty("pitch", out _));
        Assert.Equal(["onsets"], root.GetProperty("latencies_ms").EnumerateObject().Select(p => p.Name));
    }

    [PeerFact("libsndfile")]
    public void Analyze_BlockSize_DoesNotChangeTheResult()
    {
        (int a, string whole, string e1) = EchelonProcess.Run("analyze", Sample, "--json", "--block", "1048576");
        (int b, string small, string e2) = EchelonProcess.Run("analyze", Sample, "--json", "--block", "7");
        Assert.True(a == 0 && b == 0, e1 + e2);
        Assert.Equal(whole, small);
    }

    [PeerFact("libsndfile")]
    public void Analyze_Table_NamesEachAnalyzerAndItsLatency()
    {
        (int code, string stdout, string stderr) = EchelonProcess.Run("analyze", Sample);
        Assert.True(code == 0, stderr);
        foreach (string row in new[] { "onsets", "beats", "tempo", "pitch", "ms" })
        {
            Assert.Contains(row, stdout, StringComparison.Ordinal);
        }
    }

    [PeerFact("libsndfile")]
    public void Analyze_BadFiles_FailWithASpecificError_AndPrintNothing()
    {
        using var dir = new TempDirectory();
        string empty = dir.WriteBytes("empty.wav", []);
        string text = dir.WriteBytes("notes.wav", "this is not audio"u8.ToArray());
        byte[] whole = File.ReadAllBytes(Sample);
        string truncated = dir.WriteBytes("cut.wav", whole[..(whole.Length / 3)]);
        string nan = dir.WriteBytes("nan.wav", WavBytes.Riff(WavBytes.Fmt(3, 1, 44_100, 32), WavBytes.Chunk("data", WavBytes.Floats(0.1f, 0.2f, float.NaN, 0.3f))));
        string missing = dir.File("nowhere.wav");

        Expect(empty, "empty");
        Expect(text, "unsupported format");
        Expect(truncated, "truncated");
        Expect(nan, "frame 2");
        Expect(missing, "no such file");

        // A truncated take is still analysable on request.
        (int code, string stdout, string stderr) = EchelonProcess.Run("analyze", truncated, "--allow-truncated", "--onsets", "--json");
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("onsets").GetArrayLength() >= 3);

        static void Expect(string path, string words)
        {
            (int code, string stdout, string stderr) = EchelonProcess.Run("analyze", path, "--json");
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains(words, stderr, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(Path.GetFileName(path), stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyze_BlockOutOfRange_NamesTheRange()
    {
        (int code, string stdout, string stderr) = EchelonProcess.Run("analyze", Sample, "--block", "0");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("1–1048576", stderr, StringComparison.Ordinal);
    }
}
