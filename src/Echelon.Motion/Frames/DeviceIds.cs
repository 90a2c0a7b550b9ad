namespace Echelon.Motion.Frames;

/// <summary>Rules for device ids: they name stream files (<c>sensors.&lt;device&gt;.jsonl</c>), so they stay file-name safe.</summary>
public static class DeviceIds
{
    /// <summary>Longest allowed id.</summary>
    public const int MaxLength = 64;

    /// <summary>True when the id is 1–64 characters of ASCII letters, digits, '-', '_' or '.' and does not start with '.'.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || id[0] == '.')
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the rule when the id is not valid.</summary>
    public static void Validate(string? id)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException(
                $"Device id '{id}' is not allowed: use 1–{MaxLength} ASCII letters, digits, '-', '_' or '.', not starting with '.'.",
                nameof(id));
        }
    }
}
