using System.Formats.Asn1;

namespace Conformance.Rsp.Tests.Asn1;

/// <summary>The three framing faults every top-level decoder must reject: wrong outer tag, truncation, a trailing byte.</summary>
internal static class Malformed
{
    public static void CheckFraming(Func<ReadOnlyMemory<byte>, object> decode, string validHex, string typeName)
    {
        byte[] valid = Tlv.Bytes(validHex);
        Assert.DoesNotThrow(() => decode(valid), "the valid vector must decode");

        byte[] wrongTag = (byte[])valid.Clone();
        Asn1Tag.Decode(valid, out int tagLength);
        wrongTag[tagLength - 1]++;
        var e = Tlv.Fails(() => decode(wrongTag), typeName, 0);
        Assert.That(e.Problem, Does.Contain("expected tag"));

        Tlv.Fails(() => decode(valid[..^1]), typeName, 0);

        byte[] trailing = [.. valid, 0x00];
        e = Tlv.Fails(() => decode(trailing), typeName, valid.Length);
        Assert.That(e.Problem, Does.Contain("trailing"));
    }
}
