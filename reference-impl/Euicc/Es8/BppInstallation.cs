using Conformance.Euicc.Card;
using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es8;

/// <summary>
/// One profile installation (ES10b.LoadBoundProfilePackage, SGP.22 v2.5 §5.7.6, carrying the ES8+ commands of
/// §5.5): the STORE DATA sequences arrive in the order of <c>BoundProfilePackage.ToLpaChunks</c> and each is
/// processed as it comes (<see cref="BppChunkReader"/> checks the split). Intermediate sequences answer nothing
/// ('9000'); the last one, or the first that fails, answers the signed ProfileInstallationResult ('BF37'),
/// which is also kept as a pending notification. A failure removes whatever was installed so far.
/// </summary>
internal sealed class BppInstallation
{
    private readonly EuiccCard _card;
    private readonly RspSession _session;
    private readonly BppChunkReader _reader = new();
    private readonly MemoryStream _metadata = new();
    private readonly MemoryStream _profile = new();
    private ISegmentProtection? _bsp;
    private BppCommandId _stage = BppCommandId.initialiseSecureChannel;
    private int _metadataRemaining = -1;
    private bool _configured;
    private string? _dpOid;
    private StoreMetadataRequest? _storedMetadata;
    private StoredProfile? _pending;

    public BppInstallation(EuiccCard card, RspSession session)
    {
        _card = card;
        _session = session;
    }

    /// <summary>Processes one STORE DATA sequence; returns nothing ('9000') or the 'BF37' that ends the installation.</summary>
    public byte[] Accept(ReadOnlyMemory<byte> chunk)
    {
        try
        {
            BppChunk unit;
            try
            {
                unit = _reader.Accept(chunk);
            }
            catch (Asn1DecodeException e)
            {
                throw StructureFailure(chunk, e);
            }
            Process(unit, chunk);
            return _reader.IsComplete ? Complete() : [];
        }
        catch (InstallationFailure failure)
        {
            return Fail(failure);
        }
    }

    /// <summary>The session ended (reset, new session, CancelSession) before the installation did: undo it.</summary>
    public void Abandon()
    {
        RemovePending();
        End();
    }

    private void Process(BppChunk unit, ReadOnlyMemory<byte> chunk)
    {
        switch (unit.Kind)
        {
            case BppChunkKind.InitialiseSecureChannel:
                _bsp = Es8Commands.InitialiseSecureChannel(_card, _session, unit.InitialiseSecureChannelRequest!);
                _stage = BppCommandId.configureISDP;
                break;
            case BppChunkKind.FirstSequenceOf87Segment:
                if (_configured)
                {
                    throw new InstallationFailure(BppCommandId.configureISDP, ErrorReason.scp03tStructureError, "more than one ConfigureISDP segment");
                }
                _dpOid = Es8Commands.ConfigureIsdp(Bsp, unit.Segment.Span);
                _configured = true;
                _stage = BppCommandId.storeMetadata;
                break;
            case BppChunkKind.SequenceOf88Header:
                _metadataRemaining = SequenceLength(chunk.Span);
                break;
            case BppChunkKind.SequenceOf88Segment:
                _metadata.Write(Verify(() => Bsp.VerifyMacOnly(BspTags.MacOnly88, unit.Segment.Span)));
                _metadataRemaining -= unit.Segment.Length;
                if (_metadataRemaining == 0)
                {
                    StoreMetadata();
                }
                break;
            case BppChunkKind.SecondSequenceOf87Segment:
                RequireMetadata();
                _stage = BppCommandId.replaceSessionKeys;
                _bsp = Es8Commands.ReplaceSessionKeys(Bsp, unit.Segment.Span);
                _stage = BppCommandId.loadProfileElements;
                break;
            case BppChunkKind.SequenceOf86Header:
                RequireMetadata();
                _stage = BppCommandId.loadProfileElements;
                break;
            case BppChunkKind.SequenceOf86Segment:
                _profile.Write(Verify(() => Bsp.VerifyAndDecrypt(BspTags.ProfileElements, unit.Segment.Span)));
                break;
            default:
                throw new InstallationFailure(_stage, ErrorReason.scp03tStructureError, $"unexpected {unit.Kind}");
        }
    }

    private ISegmentProtection Bsp => _bsp ?? throw new InstallationFailure(_stage, ErrorReason.scp03tStructureError, "no secure channel");

    private byte[] Verify(Func<byte[]> step)
    {
        try
        {
            return step();
        }
        catch (BspException e)
        {
            throw Es8Commands.BspFailure(_stage, e);
        }
    }

    private void RequireMetadata()
    {
        if (_pending is null)
        {
            throw new InstallationFailure(BppCommandId.storeMetadata, ErrorReason.incorrectInputValues, "no StoreMetadata before the profile");
        }
    }

    /// <summary>StoreMetadata (§5.5.3) once the concatenated '88' data is complete: checked, then the ISD-P is created.</summary>
    private void StoreMetadata()
    {
        StoreMetadataRequest metadata = Es8Commands.CheckMetadata(_card, _metadata.ToArray());
        _storedMetadata = metadata;
        CardState state = _card.State;
        byte[] aid = IsdpAid(state.NextIsdpNumber);
        _pending = new StoredProfile
        {
            IsdpAid = aid,
            Iccid = metadata.Iccid.ToString(),
            Metadata = _metadata.ToArray(),
            DpOid = _dpOid,
            SmdpOid = SmdpOid.Of(_session.DpPb!),
            Complete = false,
        };
        StoredProfile pending = _pending;
        _card.Memory.Update(s => s with { Profiles = [.. s.Profiles, pending], NextIsdpNumber = s.NextIsdpNumber + 1 });
        _stage = BppCommandId.loadProfileElements;
    }

    /// <summary>The whole BPP arrived: check the profile package against the metadata and install it (disabled).</summary>
    private byte[] Complete()
    {
        RequireMetadata();
        byte[] upp = _profile.ToArray();
        Es8Commands.CheckProfile(_card, upp, _storedMetadata!);
        EuiccFaultOptions faults = _card.Faults;
        if (faults.Has(EuiccFault.ProfileInstallationResultError))
        {
            throw new InstallationFailure(faults.ForcedBppCommandId, faults.ForcedErrorReason, "fault injection ProfileInstallationResultError");
        }
        StoredProfile installed = _pending! with { ProfilePackage = upp, Complete = true };
        byte[] pir = [];
        _card.Memory.Update(s =>
        {
            s = ProfileLookup.Replace(s, installed);
            (s, pir) = Result(s, new SuccessResult(installed.IsdpAid, Es8Commands.SimaResponseOk), null);
            return s;
        });
        // The one-time key served its purpose: a later PrepareDownload cannot reuse it.
        _card.RetainedOtk = null;
        End();
        return pir;
    }

    private byte[] Fail(InstallationFailure failure)
    {
        if (_card.Faults.Has(EuiccDefect.BlameProfileElementsForEverySegment)
            && failure.BppCommandId is BppCommandId.configureISDP or BppCommandId.storeMetadata or BppCommandId.replaceSessionKeys)
        {
            failure = new InstallationFailure(BppCommandId.loadProfileElements, failure.ErrorReason, failure.Message);
        }
        byte[] pir = [];
        StoredProfile? pending = _pending;
        bool keep = _card.Faults.Has(EuiccDefect.KeepHalfInstalledProfile);
        _card.Memory.Update(s =>
        {
            if (pending is not null)
            {
                // The defect leaves the ISD-P behind, visible like an installed profile.
                s = keep ? ProfileLookup.Replace(s, pending with { Complete = true }) : ProfileLookup.Remove(s, pending);
            }
            (s, pir) = Result(s, null, new ErrorResult(failure.BppCommandId, failure.ErrorReason));
            return s;
        });
        End();
        return pir;
    }

    private (CardState, byte[]) Result(CardState s, SuccessResult? success, ErrorResult? error)
    {
        string address = (_storedMetadata is null ? null : Notifications.AddressFor(_storedMetadata, NotificationEvent.notificationInstall))
            ?? _session.ServerAddress ?? "";
        string smdpOid = (_session.DpPb is null ? null : SmdpOid.Of(_session.DpPb)) ?? _session.SmdpOid ?? "0.0";
        EuiccCredential credential = _session.Credential ?? _card.DefaultCredential;
        return Notifications.WithProfileInstallationResult(_card, s, credential, _session.TransactionId!, address,
            _storedMetadata?.Iccid, smdpOid, success, error);
    }

    private void RemovePending()
    {
        if (_pending is { } pending)
        {
            bool keep = _card.Faults.Has(EuiccDefect.KeepHalfInstalledProfile);
            _card.Memory.Update(s => keep ? ProfileLookup.Replace(s, pending with { Complete = true }) : ProfileLookup.Remove(s, pending));
        }
        _pending = null;
    }

    /// <summary>The installation is over, and so is the RSP session.</summary>
    private void End()
    {
        _bsp?.Dispose();
        _bsp = null;
        if (ReferenceEquals(_card.Session, _session))
        {
            _card.NewSession();
        }
        _session.Installation = null;
    }

    /// <summary>
    /// A STORE DATA sequence out of order or malformed: the command being processed (the next one when the
    /// chunk starts a sequence) fails with scp03tStructureError, a malformed InitialiseSecureChannelRequest with
    /// incorrectInputValues.
    /// </summary>
    private InstallationFailure StructureFailure(ReadOnlyMemory<byte> chunk, Asn1DecodeException e)
    {
        if (_stage == BppCommandId.initialiseSecureChannel)
        {
            return new InstallationFailure(BppCommandId.initialiseSecureChannel, ErrorReason.incorrectInputValues, e.Message);
        }
        BppCommandId command = chunk.Span[0] == 0xA2 && _pending is not null ? BppCommandId.replaceSessionKeys : _stage;
        return new InstallationFailure(command, ErrorReason.scp03tStructureError, e.Message);
    }

    /// <summary>The length of a sequence from its header chunk ('A1 82 01 23' is 0x123).</summary>
    private static int SequenceLength(ReadOnlySpan<byte> header)
    {
        byte first = header[1];
        if (first < 0x80)
        {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++)
        {
            length = (length << 8) | header[2 + i];
        }
        return length;
    }

    /// <summary>ISD-P AIDs A0000005591010FFFFFFFF89000010 00, ...11 00, ...: one per installation, never reused.</summary>
    internal static byte[] IsdpAid(int number)
    {
        byte[] aid = Convert.FromHexString("A0000005591010FFFFFFFF8900001000");
        aid[14] = (byte)(0x10 + ((number - 1) % 0xF0));
        aid[15] = (byte)((number - 1) / 0xF0);
        return aid;
    }
}
