using System.Security.Cryptography;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Saip;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>
/// The ES9+ functions of the reference SM-DP+ (SGP.22 v2.5 §5.6, procedure §3.1.3, security §2.6) against
/// the store. Signature checks and the binding run outside store transactions; every state change runs in
/// one (BEGIN IMMEDIATE), so concurrent downloads never share a profile. Faults (<see cref="SmdpFault"/>)
/// and defects (<see cref="SmdpDefect"/>) of the options act here and in <see cref="BppBuilder"/>.
/// </summary>
public sealed partial class Es9PlusFunctions : IEs9PlusFunctions
{
    private static readonly byte[] FixedChallenge = Convert.FromHexString("0F0E0D0C0B0A09080706050403020100");
    private static readonly byte[] FixedTransactionId = Convert.FromHexString("DEFEC7DEFEC7DEFEC7DEFEC7DEFEC701");

    private readonly SmdpStore _store;
    private readonly SmdpOptions _options;
    private readonly TimeProvider _time;
    private readonly SmdpCredentials _credentials;
    private readonly EuiccChainCache _chains;
    private readonly BppBuilder _bpp;
    private readonly Es12.Es12Client? _es12;

    public Es9PlusFunctions(SmdpStore store, SmdpOptions options, TimeProvider time, SmdpCredentials credentials, Es12.Es12Client? es12 = null)
    {
        _es12 = es12;
        _store = store;
        _options = options;
        _time = time;
        _credentials = credentials;
        _chains = new EuiccChainCache(credentials.Validator);
        _bpp = new BppBuilder(options);
    }

    private bool Fault(SmdpFault f) => _options.Faults.Contains(f);

    private bool Defect(SmdpDefect d) => _options.Defects.Contains(d);

    private static RspResult Fail(StatusCode code, string message) => RspResult.Fail(code, message);

    private static string B64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes);

    /// <summary>Decodes a field of the request strictly; a malformed one is Failed 1.1 / 2.1 naming the field.</summary>
    private static T Decode<T>(string field, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is Asn1DecodeException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new RspRequestException(FunctionStatusCodes.RequestInvalid, $"{field} is not valid: {Rsp.ErrorText.Of(e)}", field);
        }
    }

    /// <summary>The unprotected profile package of a profile: stored bytes, the file it names, or a synthetic package.</summary>
    internal static byte[] UppOf(ProfileRecord p)
    {
        if (p.Upp is { Length: > 0 } upp)
        {
            return upp;
        }
        if (p.UppPath is { } path)
        {
            return File.ReadAllBytes(path);
        }
        // A profile added without a package (tests, generated inventories) gets a synthetic one for its ICCID.
        return SyntheticProfile.Build(p.Iccid.TrimEnd('F', 'f'), p.ProfileType);
    }

    /// <summary>A fresh transactionId (16 random bytes; SGP.22 §5.6.1: unique per RSP session).</summary>
    private byte[] NewTransactionId() => Defect(SmdpDefect.ReuseTransactionId) ? FixedTransactionId : RandomNumberGenerator.GetBytes(16);

    /// <summary>A fresh serverChallenge (SGP.22 §5.6.1: a random challenge per InitiateAuthentication).</summary>
    private byte[] NewServerChallenge() => Defect(SmdpDefect.ReuseServerChallenge) ? FixedChallenge : RandomNumberGenerator.GetBytes(16);

    /// <summary>The EID as the 16 bytes the KDF's SharedInfo takes (SGP.22 §2.6.4: EID in its BCD form).</summary>
    internal static byte[] EidBytes(string eid) => Convert.FromHexString(eid);
}
