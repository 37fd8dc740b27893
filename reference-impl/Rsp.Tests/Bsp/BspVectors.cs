using System.Text.Json;
using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Tests.Bsp;

/// <summary>Reads fixtures/vectors/bsp.json (copied to the test output under vectors/).</summary>
public static class BspVectors
{
    public sealed record Step(string Op, byte Tag, byte[] Plain, byte[] Protected);

    public sealed record Instance(SessionKeys Keys, IReadOnlyList<Step> Steps);

    public sealed record Kdf(byte[] SharedSecret, byte[] Eid, byte KeyType, byte KeyLength, byte[] HostId, SessionKeys Expected);

    public static string PathInOutput => Path.Combine(TestContext.CurrentContext.TestDirectory, "vectors", "bsp.json");

    private static readonly Lazy<JsonDocument> Doc = new(() => JsonDocument.Parse(File.ReadAllBytes(PathInOutput)));

    private static byte[] Hex(JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString()!);

    private static SessionKeys Keys(JsonElement e, string enc = "sEnc", string mac = "sMac") =>
        new(Hex(e, enc), Hex(e, mac), Hex(e, "initialMacChainingValue"));

    public static IEnumerable<Kdf> KdfEntries() =>
        Doc.Value.RootElement.GetProperty("kdf").EnumerateArray().Select(e => new Kdf(
            Hex(e, "sharedSecret"), Hex(e, "eid"), Hex(e, "keyType")[0], (byte)e.GetProperty("keyLength").GetInt32(), Hex(e, "hostId"), Keys(e)))
        .ToList();

    public static Instance Segments(string name)
    {
        JsonElement e = Doc.Value.RootElement.GetProperty(name);
        var steps = e.GetProperty("steps").EnumerateArray()
            .Select(s => new Step(s.GetProperty("op").GetString()!, Hex(s, "tag")[0], Hex(s, "plain"), Hex(s, "protected")))
            .ToList();
        return new Instance(Keys(e), steps);
    }
}
