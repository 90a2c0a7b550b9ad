using System.Runtime.CompilerServices;
using Echelon.Audio.Dsp;

namespace Echelon.Audio.Instruments;

/// <summary>
/// A drum kit played by General MIDI drum keys: 36 kick, 38 snare, 39 clap, 42 closed hat, 46 open
/// hat (a closed hat chokes it, as on a real kit), 49 crash. Other keys are ignored. One voice per
/// piece, retriggered.
/// </summary>
public sealed class DrumKit : IInstrument
{
    /// <summary>GM kick key.</summary>
    public const byte Kick = 36;

    /// <summary>GM snare key.</summary>
    public const byte Snare = 38;

    /// <summary>GM clap key.</summary>
    public const byte Clap = 39;

    /// <summary>GM closed hi-hat key.</summary>
    public const byte ClosedHat = 42;

    /// <summary>GM open hi-hat key.</summary>
    public const byte OpenHat = 46;

    /// <summary>GM crash key.</summary>
    public const byte Crash = 49;

    private readonly KickVoice _kick = new();
    private readonly SnareVoice _snare = new();
    private readonly SnareVoice _clap = new();
    private readonly HatVoice _hat = new();
    private readonly HatVoice _crash = new();
    private readonly IDrumVoice[] _pieces;
    private readonly float[] _pieceLeft;
    private readonly float[] _pieceRight;
    private float[] _buffer = [];

    /// <summary>Creates a kit; <paramref name="gain"/> scales every piece (a softer kit for ambient percussion).</summary>
    public DrumKit(float gain = 0.8f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gain);

        // Each piece's level and place in the stereo image, fixed for the kit.
        (IDrumVoice Voice, float Level, float Pan)[] pieces =
        [
            (_kick, 1.0f, 0f),
            (_snare, 0.7f, 0.05f),
            (_clap, 0.6f, -0.15f),
            (_hat, 0.35f, 0.3f),
            (_crash, 0.3f, -0.3f),
        ];
        _pieces = new IDrumVoice[pieces.Length];
        _pieceLeft = new float[pieces.Length];
        _pieceRight = new float[pieces.Length];
        for (int i = 0; i < pieces.Length; i++)
        {
            _pieces[i] = pieces[i].Voice;
            (_pieceLeft[i], _pieceRight[i]) = PanLaw.Gains(pieces[i].Pan, pieces[i].Level * gain);
        }
    }

    /// <inheritdoc />
    public void Prepare(int sampleRate, int maxBlock)
    {
        RealTimeCode.CompileAhead(typeof(DrumKit));
        _kick.Prepare(sampleRate);
        _snare.Prepare(sampleRate);
        _clap.Prepare(sampleRate);
        _hat.Prepare(sampleRate);
        _crash.Prepare(sampleRate);
        _clap.Tone = 0.1;
        _clap.DecaySeconds = 0.12;
        _crash.OpenDecaySeconds = 1.2;
        _buffer = new float[maxBlock];
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void NoteOn(byte pitch, float velocity, long durationSamples)
    {
        float v = Math.Clamp(velocity, 0f, 1f);
        switch (pitch)
        {
            case Kick:
                _kick.Trigger(v);
                break;
            case Snare:
                _snare.Trigger(v);
                break;
            case Clap:
                _clap.Trigger(v);
                break;
            case ClosedHat:
                _hat.Trigger(v, open: false);
                break;
            case OpenHat:
                _hat.Trigger(v, open: true);
                break;
            case Crash:
                _crash.Trigger(v, open: true);
                break;
            default:
                break;
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(Span<float> left, Span<float> right)
    {
        Span<float> buffer = _buffer.AsSpan(0, left.Length);
        for (int p = 0; p < _pieces.Length; p++)
        {
            if (!_pieces[p].IsActive)
            {
                continue;
            }

            // The drum voices add into their output (and stop early when they end), so the scratch starts silent.
            buffer.Clear();
            _pieces[p].Render(buffer);
            BlockMath.MultiplyAdd(buffer, _pieceLeft[p], left);
            BlockMath.MultiplyAdd(buffer, _pieceRight[p], right);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _kick.Reset();
        _snare.Reset();
        _clap.Reset();
        _hat.Reset();
        _crash.Reset();
    }
}
