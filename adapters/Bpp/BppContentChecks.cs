using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;

namespace Conformance.Adapters.Bpp;

/// <summary>The decrypted ES8+ commands of the package (SGP.22 v2.5 §5.5.2–§5.5.4), decoded strictly.</summary>
internal static class BppContentChecks
{
    public static void ConfigureIsdp(byte[] plain, BppFindings f)
    {
        try
        {
            ConfigureISDPRequest.Decode(plain);
            f.Pass("A0: ConfigureISDPRequest (BF24) decrypts and decodes");
        }
        catch (Asn1DecodeException e)
        {
            f.Fail(new(BppRule.ConfigureIsdp, $"the '87' of firstSequenceOf87 does not decode as ConfigureISDPRequest: {e.Message}",
                "ConfigureISDPRequest (BF24)", Convert.ToHexString(plain.AsSpan(0, Math.Min(plain.Length, 16))), "A0", 0));
        }
    }

    /// <summary>Decodes StoreMetadata and compares it with profileMetadata; null when it does not decode.</summary>
    public static StoreMetadataRequest? StoreMetadata(byte[] plain, byte[] profileMetadata, BppFindings f)
    {
        StoreMetadataRequest received;
        try
        {
            received = StoreMetadataRequest.Decode(plain);
            f.Pass("A1: StoreMetadataRequest (BF25) decodes");
        }
        catch (Asn1DecodeException e)
        {
            f.Fail(new(BppRule.StoreMetadata, $"the '88' data of sequenceOf88 does not decode as StoreMetadataRequest: {e.Message}",
                "StoreMetadataRequest (BF25)", e.Message, "A1"));
            return null;
        }
        // The StoreMetadata of the BPP is the profileMetadata the SM-DP+ sent (and the end user accepted) in AuthenticateClient.
        if (plain.AsSpan().SequenceEqual(profileMetadata))
        {
            f.Pass("A1: StoreMetadata is byte for byte the profileMetadata of AuthenticateClient");
        }
        else
        {
            (string expected, string actual) = Difference(profileMetadata, received);
            f.Fail(new(BppRule.StoreMetadataMatchesProfileMetadata, $"StoreMetadata in the BPP differs from the profileMetadata of AuthenticateClient: {actual} instead of {expected}",
                expected, actual, "A1"));
        }
        return received;
    }

    private static (string Expected, string Actual) Difference(byte[] profileMetadata, StoreMetadataRequest received)
    {
        StoreMetadataRequest sent;
        try
        {
            sent = StoreMetadataRequest.Decode(profileMetadata);
        }
        catch (Asn1DecodeException)
        {
            return ("profileMetadata " + Convert.ToHexString(profileMetadata), "StoreMetadata " + Convert.ToHexString(received.Encode()));
        }
        if (!sent.Iccid.Equals(received.Iccid))
        {
            return ($"iccid {sent.Iccid}", $"iccid {received.Iccid}");
        }
        if (sent.ProfileName != received.ProfileName)
        {
            return ($"profileName '{sent.ProfileName}'", $"profileName '{received.ProfileName}'");
        }
        if (sent.ServiceProviderName != received.ServiceProviderName)
        {
            return ($"serviceProviderName '{sent.ServiceProviderName}'", $"serviceProviderName '{received.ServiceProviderName}'");
        }
        return ("encoding " + Convert.ToHexString(profileMetadata), "encoding " + Convert.ToHexString(received.Encode()));
    }

    /// <summary>Decodes ReplaceSessionKeys (one segment); returns the PPKs, or null when it is unusable.</summary>
    public static SessionKeys? ReplaceSessionKeys(byte[] plain, int segmentCount, BppFindings f)
    {
        if (segmentCount != 1)
        {
            f.Fail(new(BppRule.ReplaceSessionKeys, $"secondSequenceOf87 holds {segmentCount} segments, expected one (ReplaceSessionKeys)",
                "1 segment", $"{segmentCount} segments", "A2"));
        }
        try
        {
            ReplaceSessionKeysRequest r = ReplaceSessionKeysRequest.Decode(plain);
            f.Pass("A2: ReplaceSessionKeysRequest (BF26) decodes; '86' segments use PPK-ENC / PPK-MAC");
            return new SessionKeys(r.PpkEnc, r.PpkCmac, r.InitialMacChainingValue);
        }
        catch (Exception e) when (e is Asn1DecodeException or ArgumentException)
        {
            f.Fail(new(BppRule.ReplaceSessionKeys, $"the '87' of secondSequenceOf87 does not hold a usable ReplaceSessionKeysRequest: {e.Message}",
                "ReplaceSessionKeysRequest (BF26) with three 16-byte values", e.Message, "A2", 0));
            return null;
        }
    }
}
