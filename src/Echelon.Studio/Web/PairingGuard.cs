using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Echelon.Studio.Web;

/// <summary>
/// The pairing token: generated at start when the studio listens beyond loopback, required on <c>/ws/sensors</c>
/// and on every request that changes something. Read from the <c>X-Echelon-Token</c> header,
/// <c>Authorization: Bearer …</c>, or the <c>token</c> query parameter (which is how the phone page and WebSockets
/// carry it). Compared in constant time.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class PairingGuard
{
    /// <summary>The header that carries the token.</summary>
    public const string HeaderName = "X-Echelon-Token";

    /// <summary>The query parameter that carries the token.</summary>
    public const string QueryName = "token";

    // Lower-case letters and digits without the look-alikes 0/o, 1/l/i: easy to read off a screen and type on a phone.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int GeneratedLength = 12; // 12 × log2(31) ≈ 59 bits

    private readonly byte[]? _token;

    public PairingGuard(string? token)
    {
        Token = token;
        _token = token is null ? null : Encoding.ASCII.GetBytes(token);
    }

    /// <summary>The token, or null when none is required.</summary>
    public string? Token { get; }

    /// <summary>True when requests must carry <see cref="Token"/>.</summary>
    public bool Required => _token is not null;

    /// <summary>A new random token.</summary>
    public static string Generate() =>
        string.Create(GeneratedLength, 0, static (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    /// <summary>True for 8–128 ASCII letters and digits.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length is >= 8 and <= 128 && token.All(char.IsAsciiLetterOrDigit);

    /// <summary>True when no token is required or <paramref name="context"/> carries the right one.</summary>
    public bool Allows(HttpContext context)
    {
        if (_token is null)
        {
            return true;
        }

        return Matches(context.Request.Headers[HeaderName].ToString())
            || Matches(BearerOf(context.Request.Headers.Authorization.ToString()))
            || Matches(context.Request.Query[QueryName].ToString());
    }

    private bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate)
        && candidate.Length <= 128
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), _token);

    private static string? BearerOf(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
}
