using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Crypto;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Support;

/// <summary>The download one ES9+ call at a time, so that a test can change one message before it is sent.</summary>
public static class Steps
{
    public static async Task<(Es9Answer Answer, string TransactionId)> InitiateAsync(this Es9Context c)
    {
        Es9Answer ia = await c.Lpa.InitiateAuthenticationAsync();
        Assert.That(ia.Succeeded, Is.True, $"InitiateAuthentication: {ia.Code}");
        return (ia, ia.Field("transactionId"));
    }

    public static Task<Es9Answer> AuthenticateClientAsync(this Es9Context c, string tid, byte[] authenticateServerResponse) =>
        c.Lpa.PostAsync("authenticateClient", new { transactionId = tid, authenticateServerResponse = Convert.ToBase64String(authenticateServerResponse) });

    public static Task<Es9Answer> GetBppAsync(this Es9Context c, string tid, byte[] prepareDownloadResponse) =>
        c.Lpa.PostAsync("getBoundProfilePackage", new { transactionId = tid, prepareDownloadResponse = Convert.ToBase64String(prepareDownloadResponse) });

    public static Task<Es9Answer> NotifyAsync(this Es9Context c, byte[] pendingNotification) =>
        c.Lpa.PostAsync("handleNotification", new { pendingNotification = Convert.ToBase64String(pendingNotification) });

    public static Task<Es9Answer> CancelAsync(this Es9Context c, string tid, byte[] cancelSessionResponse) =>
        c.Lpa.PostAsync("cancelSession", new { transactionId = tid, cancelSessionResponse = Convert.ToBase64String(cancelSessionResponse) });

    /// <summary>InitiateAuthentication + AuthenticateServer + AuthenticateClient, asserting success.</summary>
    public static async Task<(string Tid, Es9Answer Ac)> AuthenticatedAsync(this Es9Context c, string? matchingId)
    {
        (Es9Answer ia, string tid) = await c.InitiateAsync();
        byte[] asr = c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, matchingId).Encode());
        Es9Answer ac = await c.AuthenticateClientAsync(tid, asr);
        Assert.That(ac.Succeeded, Is.True, $"AuthenticateClient: {ac.Code} {c.Euicc.LastRefusal}");
        return (tid, ac);
    }

    /// <summary>Up to and including PrepareDownload; answers the PrepareDownloadResponse DER.</summary>
    public static async Task<(string Tid, byte[] Pdr)> PreparedAsync(this Es9Context c, string? matchingId, string? cc = null)
    {
        (string tid, Es9Answer ac) = await c.AuthenticatedAsync(matchingId);
        return (tid, c.Euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, cc).Encode()));
    }

    /// <summary>Signs with the eUICC key of the context's PKI (to craft messages the double would not make).</summary>
    public static byte[] EuiccSign(this Es9Context c, ReadOnlySpan<byte> data)
    {
        using var key = new PooledEcdsa(OpenSslKeys.Private(c.Pki.Euicc.RequirePrivateKey()));
        return key.Sign(data);
    }

    /// <summary>The double of another eUICC certificate of the PKI (with the EUM given).</summary>
    public static TestDoubleEuicc Double(this Es9Context c, PkiItem euicc, PkiItem eum) =>
        new(c.Pki[euicc].Certificate, c.Pki[euicc].RequirePrivateKey(), c.Pki[eum].Certificate, [c.Pki.Ci.Certificate]);

    public static byte[] SignatureTlv(byte[] sig) => [0x5F, 0x37, 0x40, .. sig];
}
