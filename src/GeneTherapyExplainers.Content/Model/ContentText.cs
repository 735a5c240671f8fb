using System.Security.Cryptography;
using System.Text;

namespace GeneTherapyExplainers.Content.Model;

/// <summary>
/// The text of a content file as the loader reads it (strict UTF-8, without a byte order mark) and its fingerprint:
/// a SHA-256 hash of that text. Two files with the same fingerprint say exactly the same thing, so a review can be
/// tied to the text it was made of without keeping the text in memory.
/// </summary>
public static class ContentText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file as the loader does. Throws <see cref="DecoderFallbackException"/> for text that is not UTF-8.</summary>
    public static string Read(string file) => Decode(File.ReadAllBytes(file));

    /// <summary>Decodes the bytes of a file as strict UTF-8 and drops a leading byte order mark.</summary>
    public static string Decode(byte[] bytes) => StrictUtf8.GetString(bytes).TrimStart('\uFEFF');

    /// <summary>The SHA-256 hash of the text in UTF-8: 32 bytes.</summary>
    public static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>A hash as the store keeps it: 64 lower-case hexadecimal digits.</summary>
    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>The fingerprint of a text as the store keeps it.</summary>
    public static string Fingerprint(string text) => Hex(Hash(text));
}
