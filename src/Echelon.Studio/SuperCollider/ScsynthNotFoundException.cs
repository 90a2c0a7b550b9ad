namespace Echelon.Studio.SuperCollider;

/// <summary>scsynth is not installed where Echelon looked; the message says how to install it.</summary>
public sealed class ScsynthNotFoundException : Exception
{
    /// <summary>Creates the exception with the standard message.</summary>
    public ScsynthNotFoundException()
        : base("scsynth was not found on PATH; install SuperCollider's server (Debian: apt-get install supercollider-server).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScsynthNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ScsynthNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
