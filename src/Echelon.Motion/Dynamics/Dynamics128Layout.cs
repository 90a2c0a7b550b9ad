using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Echelon.Motion.Skeleton;

namespace Echelon.Motion.Dynamics;

/// <summary>
/// The one authoritative definition of all 128 Dynamics128 slots (DESIGN §4): name, unit, group and
/// normalisation, in slot order, with a layout version. Everything that reads or writes the vector
/// uses the constants here, never bare numbers.
/// </summary>
public static class Dynamics128Layout
{
    /// <summary>
    /// The layout version: the major part goes up when a slot changes meaning (name, unit, normalisation or what
    /// it measures), the minor part when a reserved slot is given a meaning and nothing else changes, so a reader
    /// of an older minor version still reads every slot it knows. 1.1 added audio_tempo, audio_beat_sin and
    /// audio_beat_cos (117–119).
    /// </summary>
    public const string Version = "1.1";

    /// <summary>First slot of the end-effector group.</summary>
    public const int EffectorBase = 16;

    /// <summary>Features per end-effector.</summary>
    public const int FeaturesPerEffector = 8;

    /// <summary>First slot of the IMU group.</summary>
    public const int ImuBase = 80;

    /// <summary>Slots per IMU device.</summary>
    public const int SlotsPerImu = 8;

    /// <summary>IMU devices the layout has room for.</summary>
    public const int MaxImuDevices = 2;

    /// <summary>First slot of the rhythm group.</summary>
    public const int RhythmBase = 96;

    /// <summary>Slot: motion onset strength.</summary>
    public const int OnsetStrength = 96;

    /// <summary>Slot: periodicity (normalised autocorrelation at the tempo lag).</summary>
    public const int Periodicity = 97;

    /// <summary>Slot: tempo estimate.</summary>
    public const int Tempo = 98;

    /// <summary>Slot: motion-cycle phase, sine.</summary>
    public const int PhaseSin = 99;

    /// <summary>Slot: motion-cycle phase, cosine.</summary>
    public const int PhaseCos = 100;

    /// <summary>Slot: beat-synchronous energy.</summary>
    public const int BeatEnergy = 101;

    /// <summary>Slot: instantaneous motion energy (the signal the rhythm slots are derived from).</summary>
    public const int MotionEnergy = 102;

    /// <summary>Slot: confidence of the tempo estimate.</summary>
    public const int TempoConfidence = 103;

    /// <summary>First slot of the audio group.</summary>
    public const int AudioBase = 112;

    /// <summary>Slot: input level (dBFS).</summary>
    public const int AudioLevel = 112;

    /// <summary>Slot: input onset strength.</summary>
    public const int AudioOnset = 113;

    /// <summary>Slot: input pitch (MIDI note); masked when the input is unvoiced.</summary>
    public const int AudioPitch = 114;

    /// <summary>Slot: how periodic the input is (the pitch's confidence).</summary>
    public const int AudioPitchConfidence = 115;

    /// <summary>Slot: spectral centroid of the input (Hz).</summary>
    public const int AudioCentroid = 116;

    /// <summary>Slot: tempo of the heard music, in the normalisation of <see cref="Tempo"/>.</summary>
    public const int AudioTempo = 117;

    /// <summary>Slot: beat phase θ of the heard music, sine.</summary>
    public const int AudioBeatSin = 118;

    /// <summary>Slot: beat phase θ of the heard music, cosine.</summary>
    public const int AudioBeatCos = 119;

    /// <summary>Feature names of one end-effector, in slot order.</summary>
    public static IReadOnlyList<string> EffectorFeatures { get; } =
        ["vel_x", "vel_y", "vel_z", "speed", "acc", "jerk", "height_rel_root", "dist_rel_root"];

    /// <summary>All 128 slots in order.</summary>
    public static IReadOnlyList<SlotDefinition> Slots { get; } = Build();

    /// <summary>The slot named <paramref name="name"/>, or null.</summary>
    public static SlotDefinition? Find(string name)
    {
        foreach (SlotDefinition slot in Slots)
        {
            if (string.Equals(slot.Name, name, StringComparison.Ordinal))
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>The first slot of end-effector <paramref name="effector"/> (0–7, in <see cref="CanonicalSkeleton.EndEffectors"/> order).</summary>
    public static int EffectorSlot(int effector, int feature) => EffectorBase + (effector * FeaturesPerEffector) + feature;

    /// <summary>The first slot of IMU device <paramref name="device"/> (0 or 1).</summary>
    public static int ImuSlot(int device, int channel) => ImuBase + (device * SlotsPerImu) + channel;

    /// <summary>The schema as JSON (<c>dynamics128.schema.json</c>): version, size and every slot.</summary>
    public static string ToSchemaJson()
    {
        var slots = new JsonArray();
        foreach (SlotDefinition s in Slots)
        {
            slots.Add(new JsonObject
            {
                ["index"] = s.Index,
                ["name"] = s.Name,
                ["group"] = GroupName(s.Group),
                ["unit"] = s.Unit,
                ["normalization"] = new JsonObject
                {
                    ["formula"] = "clamp((raw - offset) * scale, -clip, clip)",
                    ["offset"] = s.Offset,
                    ["scale"] = s.Scale,
                    ["clip"] = s.Clip,
                },
                ["reserved"] = s.IsReserved,
                ["description"] = s.Description,
            });
        }

        var root = new JsonObject
        {
            ["format"] = "echelon.dynamics128.layout",
            ["title"] = "Dynamics128",
            ["description"] = "Echelon's 128-slot motion feature vector: one authoritative layout. A vector carries a validity mask (bit i = slot i measured) and a producer id.",
            ["layout_version"] = Version,
            ["size"] = Dynamics128Vector.Size,
            ["slots"] = slots,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>The group's name in the schema.</summary>
    public static string GroupName(SlotGroup group) => group switch
    {
        SlotGroup.Body => "body",
        SlotGroup.EndEffector => "end_effector",
        SlotGroup.Imu => "imu",
        SlotGroup.Rhythm => "rhythm",
        SlotGroup.Audio => "audio",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown slot group."),
    };

    private static List<SlotDefinition> Build()
    {
        var s = new List<SlotDefinition>(Dynamics128Vector.Size);
        void Add(string name, string unit, SlotGroup group, float offset, float scale, float clip, string description) =>
            s.Add(new SlotDefinition(s.Count, name, unit, group, offset, scale, clip, description));

        // 0–15 whole body. Positions are in the capture space (metres), so they are scaled gently.
        Add("root_x", "m", SlotGroup.Body, 0f, 0.5f, 4f, "pelvis position across the room");
        Add("root_y", "m", SlotGroup.Body, 1f, 2f, 4f, "pelvis height above the floor, 0 at 1 m");
        Add("root_z", "m", SlotGroup.Body, 0f, 0.5f, 4f, "pelvis position front to back");
        Add("root_vel_x", "m/s", SlotGroup.Body, 0f, 1f, 4f, "pelvis velocity across");
        Add("root_vel_y", "m/s", SlotGroup.Body, 0f, 2f, 4f, "pelvis velocity up (bounce)");
        Add("root_vel_z", "m/s", SlotGroup.Body, 0f, 1f, 4f, "pelvis velocity front to back");
        Add("root_acc_x", "m/s^2", SlotGroup.Body, 0f, 0.2f, 4f, "pelvis acceleration across");
        Add("root_acc_y", "m/s^2", SlotGroup.Body, 0f, 0.2f, 4f, "pelvis acceleration up");
        Add("root_acc_z", "m/s^2", SlotGroup.Body, 0f, 0.2f, 4f, "pelvis acceleration front to back");
        Add("heading_sin", "1", SlotGroup.Body, 0f, 1f, 1f, "facing direction, sine (0 facing +z)");
        Add("heading_cos", "1", SlotGroup.Body, 0f, 1f, 1f, "facing direction, cosine");
        Add("height", "m", SlotGroup.Body, 1.6f, 2f, 4f, "head above the lowest foot: crouching lowers it");
        Add("spread", "m", SlotGroup.Body, 0.6f, 2f, 4f, "mean distance of the end-effectors from the pelvis: open versus closed");
        Add("kinetic_energy", "J/kg", SlotGroup.Body, 0f, 1f, 8f, "half the mean squared joint speed");
        Add("jerk", "m/s^3", SlotGroup.Body, 0f, 0.01f, 8f, "mean end-effector jerk: sharp versus smooth");
        Add("symmetry", "1", SlotGroup.Body, 0.5f, 2f, 1f, "how alike the left and right limbs move, 1 identical");

        // 16–79 end-effectors.
        foreach (CanonicalJoint joint in CanonicalSkeleton.EndEffectors)
        {
            string e = Snake(joint.ToString());
            Add($"{e}_vel_x", "m/s", SlotGroup.EndEffector, 0f, 0.5f, 4f, $"{e} velocity across");
            Add($"{e}_vel_y", "m/s", SlotGroup.EndEffector, 0f, 0.5f, 4f, $"{e} velocity up");
            Add($"{e}_vel_z", "m/s", SlotGroup.EndEffector, 0f, 0.5f, 4f, $"{e} velocity front to back");
            Add($"{e}_speed", "m/s", SlotGroup.EndEffector, 0f, 0.5f, 4f, $"{e} speed");
            Add($"{e}_acc", "m/s^2", SlotGroup.EndEffector, 0f, 0.05f, 4f, $"{e} acceleration magnitude");
            Add($"{e}_jerk", "m/s^3", SlotGroup.EndEffector, 0f, 0.002f, 4f, $"{e} jerk magnitude");
            Add($"{e}_height_rel_root", "m", SlotGroup.EndEffector, 0f, 1f, 4f, $"{e} height above the pelvis");
            Add($"{e}_dist_rel_root", "m", SlotGroup.EndEffector, 0.5f, 2f, 4f, $"{e} distance from the pelvis");
        }

        // 80–95 IMU devices (accelerometer includes gravity; its magnitude slot is the dynamic part).
        for (int d = 0; d < MaxImuDevices; d++)
        {
            string p = $"imu{d}";
            Add($"{p}_acc_x", "m/s^2", SlotGroup.Imu, 0f, 1f / 9.80665f, 4f, $"IMU {d} accelerometer x, in g");
            Add($"{p}_acc_y", "m/s^2", SlotGroup.Imu, 0f, 1f / 9.80665f, 4f, $"IMU {d} accelerometer y, in g");
            Add($"{p}_acc_z", "m/s^2", SlotGroup.Imu, 0f, 1f / 9.80665f, 4f, $"IMU {d} accelerometer z, in g");
            Add($"{p}_gyro_x", "rad/s", SlotGroup.Imu, 0f, 1f / 6.2831855f, 4f, $"IMU {d} rotation rate x, in turns/s");
            Add($"{p}_gyro_y", "rad/s", SlotGroup.Imu, 0f, 1f / 6.2831855f, 4f, $"IMU {d} rotation rate y, in turns/s");
            Add($"{p}_gyro_z", "rad/s", SlotGroup.Imu, 0f, 1f / 6.2831855f, 4f, $"IMU {d} rotation rate z, in turns/s");
            Add($"{p}_acc_dynamic", "m/s^2", SlotGroup.Imu, 0f, 1f / 9.80665f, 4f, $"IMU {d} |acceleration| minus 1 g, in g");
            Add($"{p}_gyro_mag", "rad/s", SlotGroup.Imu, 0f, 1f / 6.2831855f, 4f, $"IMU {d} rotation rate magnitude, in turns/s");
        }

        // 96–111 rhythm.
        Add("onset_strength", "1", SlotGroup.Rhythm, 0f, 1f, 8f, "how sharply motion energy is rising now (half-wave rectified flux, normalised by its running mean)");
        Add("periodicity", "1", SlotGroup.Rhythm, 0f, 1f, 1f, "how periodic the motion is: normalised autocorrelation at the tempo lag");
        Add("tempo", "bpm", SlotGroup.Rhythm, 120f, 1f / 60f, 2f, "tempo of the motion, 0 at 120 BPM, ±1 per 60 BPM");
        Add("phase_sin", "1", SlotGroup.Rhythm, 0f, 1f, 1f, "motion-cycle phase, sine (0 at the motion's energy peak)");
        Add("phase_cos", "1", SlotGroup.Rhythm, 0f, 1f, 1f, "motion-cycle phase, cosine");
        Add("beat_energy", "1", SlotGroup.Rhythm, 0f, 1f, 8f, "motion energy averaged over the last beat, relative to its long-run mean");
        Add("motion_energy", "1", SlotGroup.Rhythm, 0f, 1f, 8f, "instantaneous motion energy relative to its long-run mean");
        Add("tempo_confidence", "1", SlotGroup.Rhythm, 0f, 1f, 1f, "how much the tempo peak stands above the rest of the autocorrelation");
        for (int i = s.Count; i < AudioBase; i++)
        {
            Add($"reserved_{i.ToString(CultureInfo.InvariantCulture)}", "1", SlotGroup.Rhythm, 0f, 1f, 1f, "reserved for a later rhythm feature");
        }

        // 112–127 live audio, from the listening analyzers (Dynamics128Builder.IngestAudio).
        Add("audio_level", "dBFS", SlotGroup.Audio, -30f, 1f / 30f, 2f, "input level, 0 at −30 dBFS");
        Add("audio_onset", "1", SlotGroup.Audio, 0f, 1f, 8f, "input onset strength");
        Add("audio_pitch", "midi", SlotGroup.Audio, 60f, 1f / 24f, 2f, "input pitch, 0 at middle C, ±1 per two octaves");
        Add("audio_pitch_confidence", "1", SlotGroup.Audio, 0f, 1f, 1f, "confidence of the input pitch");
        Add("audio_centroid", "Hz", SlotGroup.Audio, 2000f, 1f / 2000f, 4f, "spectral centroid of the input");
        Add("audio_tempo", "bpm", SlotGroup.Audio, 120f, 1f / 60f, 2f, "tempo of the heard music, 0 at 120 BPM, ±1 per 60 BPM (as the motion tempo slot)");
        Add("audio_beat_sin", "1", SlotGroup.Audio, 0f, 1f, 1f, "beat phase of the heard music, sine (0 on the beat)");
        Add("audio_beat_cos", "1", SlotGroup.Audio, 0f, 1f, 1f, "beat phase of the heard music, cosine");
        for (int i = s.Count; i < Dynamics128Vector.Size; i++)
        {
            Add($"reserved_{i.ToString(CultureInfo.InvariantCulture)}", "1", SlotGroup.Audio, 0f, 1f, 1f, "reserved");
        }

        return s;
    }

    private static string Snake(string pascal)
    {
        var chars = new List<char>(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                chars.Add('_');
            }

            chars.Add(char.ToLowerInvariant(pascal[i]));
        }

        return new string([.. chars]);
    }
}
