using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Workflows.Paths;

/// <summary>The digests Step Functions computes, by the names its <c>States.Hash</c> and JSONata <c>$hash</c> take, as lower-case hex.</summary>
public static class HashDigest
{
    public const string Algorithms = "MD5, SHA-1, SHA-256, SHA-384, SHA-512";

    /// <summary>The hex digest of <paramref name="text"/>'s UTF-8 bytes; null when <paramref name="algorithm"/> is not one of <see cref="Algorithms"/>.</summary>
    public static string? Of(string text, string algorithm)
    {
        var data = Encoding.UTF8.GetBytes(text);
        byte[]? digest = algorithm switch
        {
            "MD5" => MD5.HashData(data),
            "SHA-1" => SHA1.HashData(data),
            "SHA-256" => SHA256.HashData(data),
            "SHA-384" => SHA384.HashData(data),
            "SHA-512" => SHA512.HashData(data),
            _ => null,
        };
        return digest is null ? null : Convert.ToHexStringLower(digest);
    }
}
