namespace Echelon.Protocols.SuperCollider;

/// <summary>scsynth answered a command with <c>/fail</c>, or did not answer in time.</summary>
public sealed class ScsynthException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScsynthException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScsynthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ScsynthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
