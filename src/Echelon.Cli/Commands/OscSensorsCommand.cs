using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Echelon.Motion.Frames;
using Echelon.Sessions.Streams;
using Echelon.Studio.Osc;
using static Echelon.Cli.Commands.CommandErrors;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon osc sensors</c>: listen for phone and camera apps and print the motion frames they make.</summary>
internal static class OscSensorsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "UDP port to listen on, 0–65535 (0 picks a free one; TouchOSC sends to 8000, ZIG SIM to 50000, Wekinator inputs to 6448).", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "Stop after this long, seconds (0.1–86400).", DefaultValueFactory = _ => 10.0 };
        var count = new Option<int?>("--count") { Description = "Stop after this many frames." };
        var command = new Command("sensors", "Listen for CoMote, ZIG SIM, TouchOSC, Wekinator or /echelon/imu|pose messages and print one JSON line per motion frame, in the session archive's sensor record format (t, device, device_t, kind, acc, gyro, gravity, quat; or a pose's landmarks and world); a summary line on stderr at the end counts unknown, rejected and malformed messages.")
        {
            port, seconds, count,
        };
        command.SetAction(parse =>
        {
            int p = parse.GetValue(port);
            double s = parse.GetValue(seconds);
            int? n = parse.GetValue(count);
            if (p is < 0 or > 65535)
            {
                return Fail($"port: {p} is out of range; allowed 0–65535.");
            }

            if (!(s is >= 0.1 and <= 86_400))
            {
                return Fail($"seconds: {s.ToString(CultureInfo.InvariantCulture)} is out of range; allowed 0.1–86400.");
            }

            if (n is < 1)
            {
                return Fail($"count: {n} is out of range; allowed 1 or more.");
            }

            using var source = new OscSensorSource(p, TimeSpan.FromSeconds(s));
            Console.Error.WriteLine($"listening on udp port {source.Port}");
            using Stream stdout = Console.OpenStandardOutput();
            var line = new ArrayBufferWriter<byte>();
            int frames = 0;
            while ((n is null || frames < n) && source.TryRead(out SensorFrame? frame))
            {
                line.ResetWrittenCount();
                SensorRecordCodec.WriteLine(line, frame);
                stdout.Write(line.WrittenSpan);
                stdout.Flush();
                frames++;
            }

            var summary = new JsonObject
            {
                ["frames"] = frames,
                ["unknown"] = source.UnknownMessages,
                ["rejected"] = source.RejectedFrames,
                ["malformed"] = source.MalformedPackets,
                ["dropped"] = source.DroppedPackets,
                ["last_problem"] = source.LastProblem,
            };
            Console.Error.WriteLine(summary.ToJsonString());
            return 0;
        });
        return command;
    }
}
