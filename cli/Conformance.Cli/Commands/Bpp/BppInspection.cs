using Conformance.Adapters.Bpp;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Saip;

namespace Conformance.Cli.Commands.Bpp;

/// <summary>What <see cref="BppInspection"/> verified and decrypted (null: not verified), and every rule found broken.</summary>
internal sealed record BppInspectionResult(
    byte[]? ConfigureIsdp, byte[]? StoreMetadata, byte[]? ReplaceSessionKeys, byte[]? ProfilePackage,
    IReadOnlyList<BppViolation> Violations, IReadOnlyList<string> Log)
{
    /// <summary>The package has a secondSequenceOf87 (A2), verified or not.</summary>
    public bool HasSecondSequenceOf87 { get; init; }

    public bool DecryptedAnything => ConfigureIsdp is not null || StoreMetadata is not null || ReplaceSessionKeys is not null || ProfilePackage is not null;
}

/// <summary>
/// Verifies and decrypts a bound profile package with the session keys (and PPKs) a user gives, the way the eUICC
/// does it (SGP.22 v2.5 §2.5.4, §2.6.4, §5.5), and goes on past every broken rule it can: one BSP instance with the
/// session keys over ConfigureISDP ('87' in A0), StoreMetadata ('88' in A1, MAC only) and ReplaceSessionKeys ('87' in
/// A2); the '86' profile segments of A3 with a fresh instance on the PPKs when ReplaceSessionKeys is present, with the
/// session instance continued otherwise. The checks that need what only the eUICC side of a session knows (smdpSign
/// with CERT.DPpb, the transactionId, StoreMetadata against profileMetadata) are the run's, not this tool's.
/// </summary>
internal sealed class BppInspection(SessionKeys keys, SessionKeys? givenPpk)
{
    private const string PpkOptions = "--ppk-enc, --ppk-mac and --ppk-mcv";
    private const string WrongKeys = "if the package is right, the session keys given (--s-enc, --s-mac, --mcv) are not its own";
    private readonly List<BppViolation> _violations = [];
    private readonly List<string> _log = [];

    public BppInspectionResult Inspect(ReadOnlyMemory<byte> der, string fileName)
    {
        BppParts parts = LenientBppReader.Read(der, fileName, _violations);
        SecureChannel(parts.InitialiseSecureChannel);
        using var session = new BspInstance(keys) { EnforceSegmentLimit = false };
        byte[]? a0 = parts.FirstSequenceOf87 is { } first ? Chain(session, keys, "A0", BspTags.Encrypted87, true, first, WrongKeys) : null;
        byte[]? a1 = Next(a0 is not null, parts.SequenceOf88, "A1", s => Chain(session, keys, "A1", BspTags.MacOnly88, false, s));
        byte[]? a2 = Next(a1 is not null, parts.SecondSequenceOf87, "A2", s => Chain(session, keys, "A2", BspTags.Encrypted87, true, s));
        byte[]? configureIsdp = a0 is null ? null : ConfigureIsdp(a0, parts.FirstSequenceOf87!.Count);
        StoreMetadataRequest? metadata = a1 is null ? null : StoreMetadata(a1);
        SessionKeys? packagePpk = a2 is null ? null : ReplaceSessionKeys(a2, parts.SecondSequenceOf87!.Count);
        byte[]? profile = parts.SequenceOf86 is { } s86 ? Profile(session, a1 is not null, parts.SecondSequenceOf87 is not null, packagePpk, s86) : null;
        if (profile is not null)
        {
            ProfileContents(profile, metadata);
        }
        return new BppInspectionResult(configureIsdp, a1 is null || metadata is null ? null : a1, packagePpk is null ? null : a2, profile, _violations, _log)
        {
            HasSecondSequenceOf87 = parts.SecondSequenceOf87 is not null,
        };
    }

    private byte[]? Chain(BspInstance bsp, SessionKeys k, string sequence, byte tag, bool encrypted, IReadOnlyList<ReadOnlyMemory<byte>> segments, string? hint = null) =>
        new SegmentChain(bsp, k, sequence, tag, encrypted, _violations, _log, hint).Run(segments).Plain;

    private byte[]? Next(bool chainIntact, IReadOnlyList<ReadOnlyMemory<byte>>? segments, string sequence, Func<IReadOnlyList<ReadOnlyMemory<byte>>, byte[]?> run)
    {
        if (segments is null)
        {
            return null;
        }
        if (!chainIntact)
        {
            _log.Add($"skip {sequence}: not verified: the MAC chain of the session keys broke before it");
            return null;
        }
        return run(segments);
    }

    private void SecureChannel(ReadOnlyMemory<byte>? tlv)
    {
        if (tlv is null)
        {
            return;
        }
        InitialiseSecureChannelRequest iscr;
        try
        {
            iscr = InitialiseSecureChannelRequest.Decode(tlv.Value);
        }
        catch (Asn1DecodeException e)
        {
            _violations.Add(new(BppRule.Structure, $"BF23 does not decode as InitialiseSecureChannelRequest: {e.Message}", "InitialiseSecureChannelRequest", e.Message, "BF23"));
            return;
        }
        // remoteOpId: "This value SHALL be set to installBoundProfilePackage".
        if (iscr.RemoteOpId != InitialiseSecureChannelRequest.InstallBoundProfilePackage)
        {
            _violations.Add(new(BppRule.RemoteOpId, FormattableString.Invariant($"remoteOpId is {iscr.RemoteOpId}, not installBoundProfilePackage(1)"), "1",
                FormattableString.Invariant($"{iscr.RemoteOpId}"), "BF23"));
        }
        ControlRefTemplate crt = iscr.ControlRefTemplate;
        if (crt.KeyType != SessionKeyDerivation.KeyTypeAes || crt.KeyLen != SessionKeyDerivation.KeyLength16)
        {
            _violations.Add(new(BppRule.ControlRefTemplate, $"controlRefTemplate keyType {crt.KeyType:X2} keyLen {crt.KeyLen:X2}, expected keyType 88 (AES) keyLen 10",
                "keyType 88, keyLen 10", $"keyType {crt.KeyType:X2}, keyLen {crt.KeyLen:X2}", "BF23"));
        }
        _log.Add($"ok   BF23: InitialiseSecureChannelRequest decodes (transactionId {Convert.ToHexString(iscr.TransactionId)})");
        _log.Add("skip BF23: smdpSign and the transactionId are not checked here (they need CERT.DPpb and the session: the run's GetBoundProfilePackage checks do)");
    }

    private byte[]? ConfigureIsdp(byte[] plain, int count)
    {
        // firstSequenceOf87 holds the one ConfigureISDP command.
        if (count != 1)
        {
            _violations.Add(new(BppRule.ConfigureIsdp, $"firstSequenceOf87 holds {count} segments, expected one (ConfigureISDP)", "1 segment", $"{count} segments", "A0"));
        }
        if (count == 0)
        {
            return null;
        }
        return Decodes(plain, d => ConfigureISDPRequest.Decode(d), BppRule.ConfigureIsdp, "A0", "the '87' of firstSequenceOf87", "ConfigureISDPRequest (BF24)") ? plain : null;
    }

    private StoreMetadataRequest? StoreMetadata(byte[] plain)
    {
        StoreMetadataRequest? m = null;
        Decodes(plain, d => m = StoreMetadataRequest.Decode(d), BppRule.StoreMetadata, "A1", "the '88' data of sequenceOf88", "StoreMetadataRequest (BF25)");
        return m;
    }

    private SessionKeys? ReplaceSessionKeys(byte[] plain, int count)
    {
        if (count != 1)
        {
            _violations.Add(new(BppRule.ReplaceSessionKeys, $"secondSequenceOf87 holds {count} segments, expected one (ReplaceSessionKeys)", "1 segment", $"{count} segments", "A2"));
        }
        ReplaceSessionKeysRequest? r = null;
        if (!Decodes(plain, d => r = ReplaceSessionKeysRequest.Decode(d), BppRule.ReplaceSessionKeys, "A2", "the '87' of secondSequenceOf87", "ReplaceSessionKeysRequest (BF26)"))
        {
            return null;
        }
        string? wrong = new[] { ("initialMacChainingValue", r!.InitialMacChainingValue), ("ppkEnc", r.PpkEnc), ("ppkCmac", r.PpkCmac) }
            .Where(f => f.Item2.Length != SessionKeys.KeyLength).Select(f => FormattableString.Invariant($"{f.Item1} is {f.Item2.Length} bytes")).FirstOrDefault();
        if (wrong is not null)
        {
            _violations.Add(new(BppRule.ReplaceSessionKeys, $"ReplaceSessionKeysRequest carries no usable PPKs: {wrong}, not 16", "three 16-byte values", wrong, "A2", 0));
            return null;
        }
        return new SessionKeys(r.PpkEnc, r.PpkCmac, r.InitialMacChainingValue);
    }

    private byte[]? Profile(BspInstance session, bool chainIntact, bool hasA2, SessionKeys? packagePpk, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        SessionKeys? ppk = givenPpk ?? packagePpk;
        if (hasA2 && ppk is null)
        {
            _log.Add($"skip A3: not verified: the package's ReplaceSessionKeys gave no PPKs (give {PpkOptions})");
            return null;
        }
        if (!hasA2 && givenPpk is not null)
        {
            if (!FirstVerifies(givenPpk, segments))
            {
                _log.Add("note A3: the PPKs given do not verify segment 0 of '86'; the session keys are tried");
                ppk = null;
            }
            else
            {
                // ReplaceSessionKeys is the only way the eUICC learns the PPKs the '86' segments are protected with.
                _violations.Add(new(BppRule.ReplaceSessionKeys,
                    "the profile ('86' segments) is protected with PPKs but the package carries no ReplaceSessionKeys ('87' in secondSequenceOf87): an eUICC cannot decrypt it",
                    "A2 { 87 ReplaceSessionKeys } before A3", "no A2", "A2"));
            }
        }
        if (ppk is not null)
        {
            using BspInstance profileBsp = session.ReplaceSessionKeys(ppk);
            return Chain(profileBsp, ppk, "A3", BspTags.ProfileElements, true, segments);
        }
        if (!chainIntact)
        {
            _log.Add("skip A3: not verified: the MAC chain of the session keys broke before it");
            return null;
        }
        string hint = $"the package has no ReplaceSessionKeys ('87' in secondSequenceOf87, SGP.22 §5.5.4), so segment 0 must chain from StoreMetadata under S-MAC; "
            + $"if the profile is protected with PPKs, the package lacks its ReplaceSessionKeys: give {PpkOptions} to verify it";
        return Chain(session, keys, "A3", BspTags.ProfileElements, true, segments, hint);
    }

    private static bool FirstVerifies(SessionKeys k, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        using var probe = new BspInstance(k) { EnforceSegmentLimit = false };
        try
        {
            return segments.Count > 0 && probe.VerifyAndDecrypt(BspTags.ProfileElements, segments[0].Span) is not null;
        }
        catch (BspException)
        {
            return false;
        }
    }

    private void ProfileContents(byte[] profile, StoreMetadataRequest? metadata)
    {
        ProfilePackage upp;
        try
        {
            upp = ProfilePackage.Parse(profile);
        }
        catch (Exception e) when (e is SaipException or Asn1DecodeException)
        {
            _violations.Add(new(BppRule.ProfilePackage, $"the decrypted '86' data is not a SAIP profile package: {e.Message}",
                "a SAIP ProfileElement sequence starting with the header", e.Message, "A3"));
            return;
        }
        _log.Add($"ok   A3: the profile package parses as SAIP ({upp.Elements.Count} profile elements, ICCID {upp.Iccid})");
        if (metadata is null)
        {
            return;
        }
        string metadataIccid = metadata.Iccid.ToString();
        if (!string.Equals(metadataIccid, upp.Iccid, StringComparison.OrdinalIgnoreCase))
        {
            _violations.Add(new(BppRule.MetadataIccid, $"StoreMetadata carries ICCID {metadataIccid}, the profile header {upp.Iccid}", upp.Iccid, metadataIccid, "A1"));
        }
        else
        {
            _log.Add($"ok   ICCID {metadataIccid} in StoreMetadata and in the profile header");
        }
    }

    private bool Decodes(byte[] plain, Action<byte[]> decode, BppRule rule, string sequence, string what, string type)
    {
        try
        {
            decode(plain);
            _log.Add($"ok   {sequence}: {type} decodes");
            return true;
        }
        catch (Asn1DecodeException e)
        {
            _violations.Add(new(rule, $"{what} does not decode as {type}: {e.Message}", type, e.Message, sequence));
            return false;
        }
    }
}
