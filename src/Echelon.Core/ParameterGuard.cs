namespace Echelon.Core;

/// <summary>Validation shared by the parameter classes: every failure names the field and what is allowed.</summary>
internal static class ParameterGuard
{
    public static void Require(bool ok, string name, double value, string allowed)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {allowed}.");
        }
    }

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

    public static void RequireSize(int actual, int expected, string name, string why)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} is {actual}; expected {expected} ({why}).", name);
        }
    }
}
