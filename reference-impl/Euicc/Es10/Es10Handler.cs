using System.Formats.Asn1;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1;

namespace Conformance.Euicc.Es10;

/// <summary>
/// The emulated eUICC behind the ISD-R (<see cref="IsdrFrontEnd"/>): dispatches each reassembled ES10 command on
/// its outer tag to the class of that SGP.22 v2.5 §5.7 function (ES10a, ES10b with ES8+ inside
/// LoadBoundProfilePackage, ES10c). A command that is not one DER TLV, or that its function cannot decode,
/// answers '6A80'; a well-formed command with a tag of no function answers '6A88'. A decodable request that
/// breaks a rule answers the spec's error response. Persistent card state lives in the state directory (or in
/// memory when none is given); the RSP session is volatile and lost on <see cref="Reset"/>.
/// </summary>
public sealed class Es10Handler : IEs10Handler, IDisposable
{
    private const int ShortResponseLimit = 256;

    private static readonly IEs10Function[] Functions =
    [
        new GetEuiccConfiguredAddresses(), new SetDefaultDpAddress(),
        new GetEUICCChallenge(), new GetEUICCInfo1(), new GetEUICCInfo2(), new AuthenticateServer(), new PrepareDownload(),
        new ListNotification(), new RetrieveNotificationsList(), new RemoveNotificationFromList(), new CancelSession(),
        new GetRAT(), new LoadCRL(),
        new GetProfilesInfo(), new EnableProfile(), new DisableProfile(), new DeleteProfile(), new EUICCMemoryReset(),
        new GetEID(), new SetNickname(),
    ];

    private static readonly Dictionary<Asn1Tag, IEs10Function> ByTag = Functions.ToDictionary(f => f.Tag);

    private readonly LoadBoundProfilePackage _loadBpp = new();
    private readonly EuiccCard _card;
    private readonly Lock _lock = new();

    /// <summary>Builds the card.</summary>
    /// <param name="identity">EID, certificates and keys.</param>
    /// <param name="options">SVN, addresses, RAT, faults and defects (defaults when null).</param>
    /// <param name="stateDirectory">Where the persistent state lives (one card per directory); null keeps it in memory.</param>
    public Es10Handler(EuiccIdentity identity, EuiccOptions? options = null, string? stateDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        options ??= new EuiccOptions();
        options.Validate();
        foreach (EuiccCredential credential in identity.Credentials)
        {
            credential.CheckFaultsCanBeServed(options.Faults);
        }
        _card = new EuiccCard(identity, options, stateDirectory);
    }

    /// <summary>The EID of the card (from CERT.EUICC.ECDSA).</summary>
    public string Eid => _card.Identity.Eid;

    public EuiccIdentity Identity => _card.Identity;

    public EuiccOptions Options => _card.Options;

    /// <summary>The state directory, or null for a card kept in memory.</summary>
    public string? StateDirectory => _card.Memory.Directory;

    /// <summary>
    /// Read-only, for the harness verifying what an SM-DP+ sends: otSK/otPK.EUICC.ECKA of the last PrepareDownload
    /// (SGP.22 v2.5 §3.1.3, §5.7.5), from which the session keys are derived as the card derives them (ECKA with
    /// otPK.DP.ECKA of InitialiseSecureChannel, KDF of §2.6.4). Null when no PrepareDownload ran.
    /// </summary>
    public Rsp.Crypto.OneTimeKeyPair? EuiccOneTimeKey
    {
        get
        {
            lock (_lock)
            {
                return _card.Session.EuiccOtk ?? _card.RetainedOtk;
            }
        }
    }

    /// <summary>Read-only, for the harness: the transactionId of the current RSP session (set by AuthenticateServer), or null.</summary>
    public byte[]? SessionTransactionId
    {
        get
        {
            lock (_lock)
            {
                return _card.Session.TransactionId?.ToArray();
            }
        }
    }

    public byte[] Handle(ReadOnlySpan<byte> command)
    {
        ReadOnlyMemory<byte> der = command.ToArray();
        lock (_lock)
        {
            byte[] response = Dispatch(der);
            if (response.Length > ShortResponseLimit && _card.Faults.Has(EuiccDefect.TruncateResponsesOver256))
            {
                response = response[..ShortResponseLimit];
            }
            return response;
        }
    }

    private byte[] Dispatch(ReadOnlyMemory<byte> der)
    {
        if (!Asn1Tag.TryDecode(der.Span, out Asn1Tag tag, out _))
        {
            throw new Es10StatusException(StatusWords.IncorrectData, "the command does not start with a tag");
        }
        if (LoadBoundProfilePackage.Handles(tag))
        {
            // The BPP arrives split at headers: its sequences are not whole TLVs.
            return _loadBpp.Execute(der, _card);
        }
        if (!IsOneTlv(der.Span))
        {
            throw new Es10StatusException(StatusWords.IncorrectData, "the command is not exactly one DER TLV");
        }
        if (!ByTag.TryGetValue(tag, out IEs10Function? function))
        {
            throw new Es10StatusException(StatusWords.ReferencedDataNotFound, $"no ES10 function has tag {Tags.Hex(tag)}");
        }
        try
        {
            return function.Execute(der, _card);
        }
        catch (Asn1DecodeException e)
        {
            throw new Es10StatusException(StatusWords.IncorrectData, e.Message);
        }
    }

    private static bool IsOneTlv(ReadOnlySpan<byte> der)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out _, out _, out int consumed);
            return consumed == der.Length;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _card.Reset();
        }
    }

    public void Dispose() => _card.Dispose();
}
