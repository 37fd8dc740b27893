using System.Formats.Asn1;
using System.Security.Cryptography;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Euicc.Card;

/// <summary>
/// Everything the ES10 and ES8+ functions work on: identity, options, non-volatile memory, the RSP session,
/// and the card's own signing (SK.EUICC.ECDSA, SGP.22 v2.5 §2.6.5) with the signature faults and defects applied.
/// </summary>
internal sealed class EuiccCard : IDisposable
{
    private readonly Dictionary<Rsp.Crypto.RspCurve, ECPrivateKeyParameters> _wrongKeys = [];
    private byte[]? _reusedChallenge;

    public EuiccCard(EuiccIdentity identity, EuiccOptions options, string? stateDirectory)
    {
        Identity = identity;
        Options = options;
        Memory = new CardMemory(stateDirectory, Personalise);
        if (Memory.State.Eid != identity.Eid)
        {
            string found = Memory.State.Eid;
            Memory.Dispose();
            throw new InvalidOperationException($"the state directory belongs to EID {found}, this card is EID {identity.Eid}");
        }
        // A profile still being installed when the card lost power was interrupted: remove it (SGP.22 §3.1.3).
        if (!Faults.Has(EuiccDefect.KeepHalfInstalledProfile) && Memory.State.Profiles.Any(p => !p.Complete))
        {
            Memory.Update(s => s with { Profiles = s.Profiles.Where(p => p.Complete).ToArray() });
        }
    }

    public EuiccIdentity Identity { get; }

    public EuiccOptions Options { get; }

    public EuiccFaultOptions Faults => Options.Faults;

    public CardMemory Memory { get; }

    public CardState State => Memory.State;

    public RspSession Session { get; private set; } = new();

    /// <summary>
    /// otSK/otPK.EUICC.ECKA of the last PrepareDownload, kept beyond the session so that a retry with
    /// bppEuiccOtpk can reuse it (SGP.22 v2.5 §5.7.5); dropped once a profile is installed with it.
    /// </summary>
    public OneTimeKeyPair? RetainedOtk { get; set; }

    /// <summary>The credential signing outside an RSP session (notifications of ES10c operations): the first one.</summary>
    public EuiccCredential DefaultCredential => Identity.Credentials[0];

    /// <summary>The first state of a card: nothing installed, the default SM-DP+ address of the options.</summary>
    private CardState Personalise() => new() { Eid = Identity.Eid, DefaultDpAddress = Options.DefaultSmdpAddress };

    /// <summary>Starts a new RSP session, discarding the previous one.</summary>
    public RspSession NewSession()
    {
        Session = new RspSession();
        return Session;
    }

    /// <summary>Reset or power-off: the session is lost (and everything, with the LoseStateAtReset defect).</summary>
    public void Reset()
    {
        if (Session.Installation is { } running)
        {
            running.Abandon();
        }
        Session = new RspSession();
        if (Faults.Has(EuiccDefect.LoseStateAtReset))
        {
            Memory.Wipe();
        }
    }

    /// <summary>A fresh euiccChallenge (16 random bytes), or always the same one with the ReuseEuiccChallenge defect.</summary>
    public byte[] NewChallenge()
    {
        if (Faults.Has(EuiccDefect.ReuseEuiccChallenge))
        {
            return (byte[])(_reusedChallenge ??= RandomNumberGenerator.GetBytes(16)).Clone();
        }
        return RandomNumberGenerator.GetBytes(16);
    }

    /// <summary>Signs <paramref name="data"/> with <paramref name="key"/> (or a wrong key with the SignWithWrongKey defect).</summary>
    public byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> data)
    {
        if (Faults.Has(EuiccDefect.SignWithWrongKey))
        {
            Rsp.Crypto.RspCurve curve = EcKeys.CurveOf(key.Parameters);
            if (!_wrongKeys.TryGetValue(curve, out ECPrivateKeyParameters? wrong))
            {
                wrong = OneTimeKeyPair.Generate(curve).Private;
                _wrongKeys[curve] = wrong;
            }
            key = wrong;
        }
        return Options.Ecdsa.Sign(key, data);
    }

    /// <summary>A signature that does not verify: the given one with one bit of s flipped.</summary>
    public static byte[] Corrupt(byte[] signature)
    {
        byte[] bad = (byte[])signature.Clone();
        bad[^1] ^= 0x01;
        return bad;
    }

    /// <summary>A signature as the data object SGP.22 concatenates it: <c>5F37 40 r||s</c>.</summary>
    public static byte[] SignatureTlv(ReadOnlySpan<byte> signature)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(signature, Tags.App(55));
        return w.Encode();
    }

    /// <summary>The EID GetEID reports (another one with the ReportAnotherEid fault).</summary>
    public string ReportedEid => Faults.Has(EuiccFault.ReportAnotherEid) ? Faults.OtherEid : Identity.Eid;

    public void Dispose() => Memory.Dispose();
}
