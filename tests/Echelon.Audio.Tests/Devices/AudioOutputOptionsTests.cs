using Echelon.Audio.Devices;

namespace Echelon.Audio.Tests.Devices;

public sealed class AudioOutputOptionsTests
{
    [Fact]
    public void Defaults_Are128FrameBlocksAt48kHzStereoOnTheDefaultDevice()
    {
        var options = new AudioOutputOptions().Validate();
        Assert.Equal(48_000, options.SampleRate);
        Assert.Equal(128, options.BlockSize);
        Assert.Equal(2, options.Channels);
        Assert.Null(options.DeviceName);
        Assert.Null(options.HostApi);
        Assert.Null(options.SuggestedLatency);
        Assert.Equal(128 / 48_000.0, options.BlockDuration.TotalSeconds, 1e-7);
    }

    public static TheoryData<AudioOutputOptions, string, string> BadOptions => new()
    {
        { new AudioOutputOptions { SampleRate = 7_999 }, "SampleRate", "from 8000 to 384000 Hz" },
        { new AudioOutputOptions { SampleRate = 400_000 }, "SampleRate", "from 8000 to 384000 Hz" },
        { new AudioOutputOptions { BlockSize = 8 }, "BlockSize", "from 16 to 4096 frames" },
        { new AudioOutputOptions { BlockSize = 8192 }, "BlockSize", "from 16 to 4096 frames" },
        { new AudioOutputOptions { Channels = 0 }, "Channels", "from 1 to 32 channels" },
        { new AudioOutputOptions { Channels = 33 }, "Channels", "from 1 to 32 channels" },
        { new AudioOutputOptions { DeviceName = " " }, "DeviceName", "or null for the default device" },
        { new AudioOutputOptions { HostApi = "" }, "HostApi", "or null for any" },
        { new AudioOutputOptions { SuggestedLatency = TimeSpan.Zero }, "SuggestedLatency", "more than 0 and at most 1 s" },
        { new AudioOutputOptions { SuggestedLatency = TimeSpan.FromSeconds(2) }, "SuggestedLatency", "more than 0 and at most 1 s" },
        { new AudioOutputOptions { StallTimeout = TimeSpan.FromMilliseconds(5) }, "StallTimeout", "from 10 ms to 10 s" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_OutOfRange_NamesTheFieldAndTheAllowedRange(AudioOutputOptions options, string field, string range)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
        Assert.Equal(field, e.ParamName);
        Assert.Contains(range, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_ValidateTheirOptions()
    {
        var bad = new AudioOutputOptions { BlockSize = 1 };
        Assert.Equal("BlockSize", Assert.Throws<ArgumentOutOfRangeException>(() => new NullAudioOutput(bad)).ParamName);
        Assert.Equal("BlockSize", Assert.Throws<ArgumentOutOfRangeException>(() => new PortAudioOutput(bad)).ParamName);
        Assert.Equal("pace", Assert.Throws<ArgumentOutOfRangeException>(() => new NullAudioOutput(null, (AudioPace)7)).ParamName);
    }
}
