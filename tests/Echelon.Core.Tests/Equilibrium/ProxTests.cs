using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Equilibrium;

public sealed class ProxTests
{
    private const int Size = 37;

    public static TheoryData<ProxKind> Kinds => new(Enum.GetValues<ProxKind>());

    [Fact]
    public void Apply_None_IsIdentity()
    {
        double[] v = [-2.0, -0.0, 0.0, 0.3, 5.0];
        var z = new double[v.Length];

        Prox.Apply(ProxKind.None, v, new double[v.Length], -1.0, 1.0, z);

        Assert.Equal(v, z);
    }

    [Fact]
    public void Apply_NonNegative_IsRelu()
    {
        double[] v = [-2.0, -1e-300, 0.0, 1e-300, 0.3, 5.0];
        var z = new double[v.Length];

        Prox.Apply(ProxKind.NonNegative, v, new double[v.Length], -1.0, 1.0, z);

        Assert.Equal([0.0, 0.0, 0.0, 1e-300, 0.3, 5.0], z);
    }

    [Fact]
    public void Apply_SoftThreshold_ShrinksByPerCoordinateThreshold()
    {
        double[] v = [-2.0, -0.05, 0.05, 0.3, 1.0, 0.0];
        double[] thresholds = [0.5, 0.1, 0.05, 0.1, 0.0, 0.2];
        var z = new double[v.Length];

        Prox.Apply(ProxKind.SoftThreshold, v, thresholds, -1.0, 1.0, z);

        Assert.Equal(-1.5, z[0], 15);
        Assert.Equal(0.0, z[1]);
        Assert.Equal(0.0, z[2]);
        Assert.Equal(0.2, z[3], 15);
        Assert.Equal(1.0, z[4]);
        Assert.Equal(0.0, z[5]);
    }

    [Fact]
    public void Apply_Box_Clamps()
    {
        double[] v = [-2.0, -0.3, -0.1, 0.3, 0.31, 7.0];
        var z = new double[v.Length];

        Prox.Apply(ProxKind.Box, v, new double[v.Length], -0.3, 0.3, z);

        Assert.Equal([-0.3, -0.3, -0.1, 0.3, 0.3, 0.3], z);
    }

    [Fact]
    public void Apply_InPlace_MatchesOutOfPlace()
    {
        double[] thresholds = LimRpsTestKit.RandomVector(Size, 1, 0.1).Select(Math.Abs).ToArray();
        foreach (ProxKind kind in Enum.GetValues<ProxKind>())
        {
            double[] v = LimRpsTestKit.RandomVector(Size, 2);
            var expected = new double[Size];
            Prox.Apply(kind, v, thresholds, -0.3, 0.3, expected);

            Prox.Apply(kind, v, thresholds, -0.3, 0.3, v);

            Assert.Equal(expected, v);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Apply_RandomPairs_IsFirmlyNonexpansive(ProxKind kind)
    {
        // Firm nonexpansiveness, ‖Px − Py‖² ≤ ⟨Px − Py, x − y⟩, implies both ‖Px − Py‖ ≤ ‖x − y‖
        // and ‖(2P − I)x − (2P − I)y‖ ≤ ‖x − y‖, which the splitting needs.
        double[] thresholds = LimRpsTestKit.RandomVector(Size, 3, 0.2).Select(Math.Abs).ToArray();
        var px = new double[Size];
        var py = new double[Size];
        var rx = new double[Size];
        var ry = new double[Size];
        for (int trial = 0; trial < 1000; trial++)
        {
            double[] x = LimRpsTestKit.RandomVector(Size, 1000 + (ulong)trial, 0.5);
            double[] y = LimRpsTestKit.RandomVector(Size, 5000 + (ulong)trial, 0.5);
            Prox.Apply(kind, x, thresholds, -0.3, 0.3, px);
            Prox.Apply(kind, y, thresholds, -0.3, 0.3, py);
            for (int i = 0; i < Size; i++)
            {
                rx[i] = (2.0 * px[i]) - x[i];
                ry[i] = (2.0 * py[i]) - y[i];
            }

            double distance = Vec.Distance(x, y);
            double proxDistance = Vec.Distance(px, py);
            double inner = 0.0;
            for (int i = 0; i < Size; i++)
            {
                inner += (px[i] - py[i]) * (x[i] - y[i]);
            }

            Assert.True(proxDistance <= distance * (1.0 + 1e-12));
            Assert.True(Vec.Distance(rx, ry) <= distance * (1.0 + 1e-12));
            Assert.True(proxDistance * proxDistance <= inner + 1e-12);
        }
    }

    [Fact]
    public void Apply_UnknownKind_Throws()
    {
        var z = new double[2];

        Assert.Throws<ArgumentOutOfRangeException>(() => Prox.Apply((ProxKind)9, [1.0, 2.0], [0.0, 0.0], 0.0, 1.0, z));
    }
}
