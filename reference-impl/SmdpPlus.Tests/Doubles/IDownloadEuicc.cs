namespace Conformance.SmdpPlus.Tests.Doubles;

/// <summary>
/// The eUICC side of a profile download as an LPA drives it (ES10b, SGP.22 v2.5 §5.7), in DER: the seam where
/// <see cref="TestDoubleEuicc"/> (built from the protocol core) or the emulated eUICC (through its ES10
/// handler) plugs into <see cref="DownloadLpa"/>. Each method takes and answers the DER of the ES10b message.
/// </summary>
public interface IDownloadEuicc
{
    /// <summary>ES10b.GetEUICCChallenge: the 16-byte euiccChallenge.</summary>
    byte[] GetEuiccChallenge();

    /// <summary>ES10b.GetEUICCInfo (EUICCInfo1, tag BF20).</summary>
    byte[] GetEuiccInfo1();

    /// <summary>ES10b.AuthenticateServer: AuthenticateServerRequest (BF38) in, AuthenticateServerResponse (BF38) out.</summary>
    byte[] AuthenticateServer(byte[] authenticateServerRequest);

    /// <summary>ES10b.PrepareDownload: PrepareDownloadRequest (BF21) in, PrepareDownloadResponse (BF21) out.</summary>
    byte[] PrepareDownload(byte[] prepareDownloadRequest);

    /// <summary>ES10b.LoadBoundProfilePackage: the BPP (BF36) in, ProfileInstallationResult (BF37) out.</summary>
    byte[] LoadBoundProfilePackage(byte[] boundProfilePackage);

    /// <summary>ES10b.CancelSession: CancelSessionRequest (BF41) in, CancelSessionResponse (BF41) out.</summary>
    byte[] CancelSession(byte[] cancelSessionRequest);
}
