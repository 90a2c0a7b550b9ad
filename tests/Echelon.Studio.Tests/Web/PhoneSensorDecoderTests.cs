using System.Numerics;
using System.Text;
using Echelon.Motion.Frames;
using Echelon.Studio.Web;

namespace Echelon.Studio.Tests.Web;

public sealed class PhoneSensorDecoderTests
{
    private const long Host = 123_456_789;

    [Fact]
    public void Motion_BecomesAnImuFrameInTheDeviceAxes()
    {
        PhoneSensorMessage m = Decode("""
            {"type":"motion","device":"phone-ab12","t":1500.25,
             "accelerationIncludingGravity":{"x":0.5,"y":9.5,"z":1.5},
             "acceleration":{"x":0.25,"y":-0.25,"z":0.5},
             "rotationRate":{"alpha":90,"beta":180,"gamma":-45},
             "orientation":{"alpha":0,"beta":90,"gamma":0}}
            """);
        Assert.Equal(PhoneSensorMessageKind.Motion, m.Kind);
        ImuFrame f = m.Frame!;
        Assert.Equal("phone-ab12", f.DeviceId);
        Assert.Equal(1_500_250_000, f.DeviceTimeNs);
        Assert.Equal(Host, f.HostTimeNs);
        Assert.Equal(new Vector3(0.5f, 9.5f, 1.5f), f.Acceleration);
        Assert.Equal(new Vector3(0.25f, 9.75f, 1f), f.Gravity);

        // W3C: alpha turns about z, beta about x, gamma about y; the frame's rate is (x, y, z) in rad/s.
        AssertClose(new Vector3(MathF.PI, -MathF.PI / 4, MathF.PI / 2), f.RotationRate!.Value);

        // beta = 90°: the phone stands upright; its y axis (top edge) points up (earth z).
        AssertClose(Vector3.UnitZ, Vector3.Transform(Vector3.UnitY, f.Orientation!.Value));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(90, 0, 0)]
    [InlineData(30, 45, -20)]
    [InlineData(359, -170, 89)]
    [InlineData(200, 120, -60)]
    public void Orientation_IsTheZXYRotationOfTheSpecification(double alpha, double beta, double gamma)
    {
        Quaternion q = PhoneSensorDecoder.OrientationToQuaternion(alpha, beta, gamma);
        Assert.Equal(1f, q.Length(), 5);

        // The same rotation composed one axis at a time: R = Rz(alpha) · Rx(beta) · Ry(gamma).
        Quaternion rz = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, (float)(alpha * Math.PI / 180));
        Quaternion rx = Quaternion.CreateFromAxisAngle(Vector3.UnitX, (float)(beta * Math.PI / 180));
        Quaternion ry = Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)(gamma * Math.PI / 180));
        foreach (Vector3 v in new[] { Vector3.UnitX, Vector3.UnitY, Vector3.UnitZ, new Vector3(0.3f, -0.5f, 0.8f) })
        {
            Vector3 composed = Vector3.Transform(Vector3.Transform(Vector3.Transform(v, ry), rx), rz);
            AssertClose(composed, Vector3.Transform(v, q));
        }
    }

    [Fact]
    public void OnlyLinearAccelerationAndOrientation_GetGravityPutBack()
    {
        // Flat on a table, screen up, at rest: the specification's example reads z = +9.81 with gravity.
        PhoneSensorMessage m = Decode("""
            {"type":"motion","device":"p","t":0,"acceleration":{"x":1,"y":0,"z":0},"orientation":{"alpha":10,"beta":0,"gamma":0}}
            """);
        ImuFrame f = m.Frame!;
        AssertClose(new Vector3(0, 0, 9.80665f), f.Gravity!.Value);
        AssertClose(new Vector3(1, 0, 9.80665f), f.Acceleration);
    }

    [Fact]
    public void NullReadings_AreLeftOut_NotErrors()
    {
        PhoneSensorMessage m = Decode("""
            {"type":"motion","device":"p","t":5,"accelerationIncludingGravity":{"x":1,"y":2,"z":3},
             "acceleration":null,"rotationRate":{"alpha":null,"beta":null,"gamma":null},"orientation":{"alpha":null,"beta":2,"gamma":3}}
            """);
        Assert.Equal(PhoneSensorMessageKind.Motion, m.Kind);
        Assert.Null(m.Frame!.RotationRate);
        Assert.Null(m.Frame.Gravity);
        Assert.Null(m.Frame.Orientation);
        Assert.True(m.Frame.IsFinite());
    }

    [Fact]
    public void Hello_CarriesTheDescriptionAndRate()
    {
        PhoneSensorMessage m = Decode("""{"type":"hello","device":"phone-x","description":"  Pixel 8 / Chrome  ","rateHz":100}""");
        Assert.Equal((PhoneSensorMessageKind.Hello, "phone-x", "Pixel 8 / Chrome", 100.0), (m.Kind, m.Device, m.Description, m.RateHz));
        PhoneSensorMessage plain = Decode("""{"type":"hello","device":"phone-x"}""");
        Assert.Equal(PhoneSensorDecoder.DefaultRateHz, plain.RateHz);
    }

    [Theory]
    [InlineData("not json", "message", "not valid JSON")]
    [InlineData("[1]", "message", "JSON object")]
    [InlineData("""{"device":"p"}""", "type", "\"hello\" or \"motion\"")]
    [InlineData("""{"type":"dance","device":"p"}""", "type", "not a message type")]
    [InlineData("""{"type":"motion","device":"bad id","t":1,"accelerationIncludingGravity":{"x":1,"y":2,"z":3}}""", "device", "ASCII letters")]
    [InlineData("""{"type":"motion","t":1,"accelerationIncludingGravity":{"x":1,"y":2,"z":3}}""", "device", "ASCII letters")]
    [InlineData("""{"type":"motion","device":"p","accelerationIncludingGravity":{"x":1,"y":2,"z":3}}""", "t", "milliseconds")]
    [InlineData("""{"type":"motion","device":"p","t":-1,"accelerationIncludingGravity":{"x":1,"y":2,"z":3}}""", "t", "0–1e12")]
    [InlineData("""{"type":"motion","device":"p","t":1}""", "accelerationIncludingGravity", "missing")]
    [InlineData("""{"type":"motion","device":"p","t":1,"acceleration":{"x":1,"y":2,"z":3}}""", "accelerationIncludingGravity", "orientation")]
    [InlineData("""{"type":"motion","device":"p","t":1,"accelerationIncludingGravity":{"x":"1","y":2,"z":3}}""", "accelerationIncludingGravity.x", "±1000 m/s²")]
    [InlineData("""{"type":"motion","device":"p","t":1,"accelerationIncludingGravity":{"x":1,"y":2000,"z":3}}""", "accelerationIncludingGravity.y", "±1000 m/s²")]
    [InlineData("""{"type":"motion","device":"p","t":1,"accelerationIncludingGravity":{"x":1,"y":2}}""", "accelerationIncludingGravity", "2 of x, y, z")]
    [InlineData("""{"type":"motion","device":"p","t":1,"accelerationIncludingGravity":[1,2,3]}""", "accelerationIncludingGravity", "object")]
    [InlineData("""{"type":"motion","device":"p","t":1,"accelerationIncludingGravity":{"x":1,"y":2,"z":3},"rotationRate":{"alpha":1,"beta":1e9,"gamma":1}}""", "rotationRate.beta", "±20000 °/s")]
    [InlineData("""{"type":"motion","device":"p","t":1,"accelerationIncludingGravity":{"x":1,"y":2,"z":3},"orientation":{"alpha":400,"beta":0,"gamma":0}}""", "orientation.alpha", "0–360")]
    [InlineData("""{"type":"motion","device":"p","t":1,"accelerationIncludingGravity":{"x":1,"y":2,"z":3},"orientation":{"alpha":1,"beta":0,"gamma":95}}""", "orientation.gamma", "-90–90")]
    [InlineData("""{"type":"hello","device":"p","rateHz":0}""", "rateHz", "1–1000")]
    [InlineData("""{"type":"hello","device":"p","description":5}""", "description", "string")]
    public void BadMessages_NameTheFieldAndWhatIsAllowed(string json, string field, string expected)
    {
        PhoneSensorMessage m = Decode(json);
        Assert.Equal(PhoneSensorMessageKind.Error, m.Kind);
        Assert.Equal(field, m.Field);
        Assert.Contains(expected, m.Problem, StringComparison.Ordinal);
    }

    private static PhoneSensorMessage Decode(string json) => PhoneSensorDecoder.Decode(Encoding.UTF8.GetBytes(json), Host);

    private static void AssertClose(Vector3 expected, Vector3 actual)
    {
        Assert.True(Vector3.Distance(expected, actual) < 1e-4f, $"expected {expected}, got {actual}");
    }
}
