namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// A value inside a synth graph: a constant, or one output of a unit generator added to a
/// <see cref="SynthDefBuilder"/>. Arithmetic between signals adds <c>BinaryOpUGen</c>s to that builder.
/// </summary>
public readonly struct Signal : IEquatable<Signal>
{
    private Signal(SynthDefBuilder? builder, int ugen, int output, float constant, UGenRate rate)
    {
        Builder = builder;
        UGen = ugen;
        Output = output;
        Constant = constant;
        Rate = rate;
    }

    /// <summary>The builder the unit generator belongs to; null for a constant.</summary>
    internal SynthDefBuilder? Builder { get; }

    /// <summary>Index of the unit generator in the graph; −1 for a constant.</summary>
    public int UGen { get; }

    /// <summary>Which output of the unit generator.</summary>
    public int Output { get; }

    /// <summary>The value, when <see cref="IsConstant"/>.</summary>
    public float Constant { get; }

    /// <summary>Rate of the value (a constant is <see cref="UGenRate.Scalar"/>).</summary>
    public UGenRate Rate { get; }

    /// <summary>True for a constant.</summary>
    public bool IsConstant => UGen < 0;

    /// <summary>A constant.</summary>
    public static implicit operator Signal(float value) => FromConstant(value);

    /// <summary>Product (<c>BinaryOpUGen</c> special index 2).</summary>
    public static Signal operator *(Signal left, Signal right) => Binary(BinaryOperator.Multiply, left, right);

    /// <summary>Sum (<c>BinaryOpUGen</c> special index 0).</summary>
    public static Signal operator +(Signal left, Signal right) => Binary(BinaryOperator.Add, left, right);

    /// <summary>Difference (<c>BinaryOpUGen</c> special index 1).</summary>
    public static Signal operator -(Signal left, Signal right) => Binary(BinaryOperator.Subtract, left, right);

    /// <summary>Equality of the graph reference (same builder, unit generator and output, or the same constant).</summary>
    public static bool operator ==(Signal left, Signal right) => left.Equals(right);

    /// <summary>Inequality of the graph reference.</summary>
    public static bool operator !=(Signal left, Signal right) => !left.Equals(right);

    /// <summary>A constant.</summary>
    public static Signal FromConstant(float value) => new(null, -1, 0, value, UGenRate.Scalar);

    /// <summary>The product of two signals.</summary>
    public static Signal Multiply(Signal left, Signal right) => left * right;

    /// <summary>The sum of two signals.</summary>
    public static Signal Add(Signal left, Signal right) => left + right;

    /// <summary>The difference of two signals.</summary>
    public static Signal Subtract(Signal left, Signal right) => left - right;

    /// <inheritdoc/>
    public bool Equals(Signal other) =>
        ReferenceEquals(Builder, other.Builder) && UGen == other.UGen && Output == other.Output &&
        Constant.Equals(other.Constant) && Rate == other.Rate;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Signal other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UGen, Output, Constant, Rate);

    /// <inheritdoc/>
    public override string ToString() => IsConstant ? $"{Constant}" : $"ugen {UGen} output {Output} ({Rate})";

    internal static Signal FromUGen(SynthDefBuilder builder, int ugen, int output, UGenRate rate) => new(builder, ugen, output, 0, rate);

    private static Signal Binary(BinaryOperator op, Signal left, Signal right)
    {
        SynthDefBuilder builder = left.Builder ?? right.Builder
            ?? throw new InvalidOperationException("Arithmetic on two constants has no graph to add to; compute it in C#.");
        return builder.BinaryOp(op, left, right);
    }
}
