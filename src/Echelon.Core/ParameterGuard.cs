namespace Echelon.Core;

/// <summary>Validation shared by the parameter and option classes of every assembly: every failure names the field and what is allowed.</summary>
public static class ParameterGuard
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> "<paramref name="name"/> must be <paramref name="allowed"/>." unless <paramref name="ok"/>.</summary>
    public static void Require(bool ok, string name, double value, string allowed)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {allowed}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first non-finite entry of <paramref name="values"/>.</summary>
    public static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {values[i]}; every entry must be finite.", name);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="actual"/> is <paramref name="expected"/>, saying <paramref name="why"/>.</summary>
    public static void RequireSize(int actual, int expected, string name, string why)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} is {actual}; expected {expected} ({why}).", name);
        }
    }
}
