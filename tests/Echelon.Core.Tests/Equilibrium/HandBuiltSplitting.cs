using Echelon.Core.Equilibrium;
using Echelon.Core.Numerics;

namespace Echelon.Core.Tests.Equilibrium;

/// <summary>
/// The Peaceman–Rachford pieces built by hand from <see cref="LimRpsParameters.BuildLinearOperator"/>,
/// <see cref="LimRpsParameters.BuildMetric"/> and <see cref="LimRpsParameters.BuildStepField"/>:
/// R_A(v) = (I + S L)⁻¹ (v + S c) with the inverse from <see cref="DenseMatrix.Inverse"/>, and prox.
/// </summary>
internal sealed class HandBuiltSplitting
{
    private readonly DenseMatrix _resolvent;
    private readonly double[] _sc;
    private readonly double[] _thresholds;
    private readonly ProxKind _prox;
    private readonly double _lower;
    private readonly double _upper;

    public HandBuiltSplitting(LimRpsParameters p, double[] c)
    {
        int d = p.LatentSize;
        Steps = LimRpsTestKit.Steps(p);
        DenseMatrix l = p.BuildLinearOperator();
        var system = DenseMatrix.Identity(d);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                system[i, j] += Steps[i] * l[i, j];
            }
        }

        _resolvent = system.Inverse();
        _sc = new double[d];
        _thresholds = new double[d];
        for (int i = 0; i < d; i++)
        {
            _sc[i] = Steps[i] * c[i];
            _thresholds[i] = Steps[i] * p.ProxThreshold;
        }

        _prox = p.Prox;
        _lower = p.BoxLower;
        _upper = p.BoxUpper;
    }

    public double[] Steps { get; }

    public int Dimension => _sc.Length;

    public double[] Prox(double[] a)
    {
        var z = new double[a.Length];
        Echelon.Core.Equilibrium.Prox.Apply(_prox, a, _thresholds, _lower, _upper, z);
        return z;
    }

    /// <summary>(I + S L)⁻¹ (v + S c).</summary>
    public double[] ResolventA(double[] v)
    {
        var shifted = new double[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            shifted[i] = v[i] + _sc[i];
        }

        var w = new double[v.Length];
        _resolvent.Multiply(shifted, w);
        return w;
    }

    /// <summary>2 R_A(x) − x.</summary>
    public double[] ReflectA(double[] x) => Reflect(ResolventA(x), x);

    /// <summary>2 prox(x) − x.</summary>
    public double[] ReflectProx(double[] x) => Reflect(Prox(x), x);

    /// <summary>
    /// The solver's step with γ = 1: a ↦ a + 2 (R_A(2 prox(a) − a) − prox(a)) = (2R_A − I)(2 prox − I) a.
    /// </summary>
    public double[] SolverOrder(double[] a) => ReflectA(ReflectProx(a));

    /// <summary>The same reflections in the other order: (2 prox − I)(2R_A − I).</summary>
    public double[] OtherOrder(double[] a) => ReflectProx(ReflectA(a));

    private static double[] Reflect(double[] image, double[] x)
    {
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = (2.0 * image[i]) - x[i];
        }

        return r;
    }
}
