namespace Echelon.Protocols.SuperCollider;

/// <summary>Operators of SuperCollider's <c>BinaryOpUGen</c>, by their special index.</summary>
public enum BinaryOperator : short
{
    /// <summary><c>+</c></summary>
    Add = 0,

    /// <summary><c>-</c></summary>
    Subtract = 1,

    /// <summary><c>*</c></summary>
    Multiply = 2,

    /// <summary><c>/</c> (floating-point division).</summary>
    Divide = 4,

    /// <summary><c>min</c></summary>
    Min = 12,

    /// <summary><c>max</c></summary>
    Max = 13,
}
