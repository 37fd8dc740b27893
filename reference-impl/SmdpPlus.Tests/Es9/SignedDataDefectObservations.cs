using Conformance.Rsp.Asn1.Messages;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Doubles;
using Conformance.SmdpPlus.Tests.Support;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>
/// Observations of <see cref="DefectInjectionTests"/> for the transactionIds the eUICC signs (euiccSigned1, SGP.22 v2.5
/// §5.6.3; euiccCancelSessionSigned, §5.6.5) and the EID of an SM-DS event's order (§3.1.3.1): true when the server
/// behaved as SGP.22 requires.
/// </summary>
internal static class SignedDataDefectObservations
{
    private const string OtherEid = "89049032123451234512345678901999";

    /// <summary>euiccSigned1 with another transactionId, validly signed, under the session's JSON transactionId: 8.10.1 / 3.9.</summary>
    public static async Task<bool> UnknownTransactionIdInEuiccSigned1Async(Es9Context c)
    {
        await c.ReleasedOrderAsync(1);
        (Es9Answer ia, string tid) = await c.InitiateAsync();
        AuthenticateResponseOk ok = AuthenticateServerResponse.Decode(
            c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, "MATCH-00001").Encode())).AuthenticateResponseOk!;
        EuiccSigned1 signed = ok.EuiccSigned1 with { TransactionId = Inverted(ok.EuiccSigned1.TransactionId) };
        byte[] asr = AuthenticateServerResponse.Ok(ok with { EuiccSigned1 = signed, EuiccSignature1 = c.EuiccSign(signed.SignedData.Span) }).Encode();
        return (await c.AuthenticateClientAsync(tid, asr)).Code == "8.10.1 / 3.9";
    }

    /// <summary>After AuthenticateClient, euiccCancelSessionSigned for another transactionId, validly signed: 8.10.1 / 3.9.</summary>
    public static async Task<bool> UnknownTransactionIdInCancelSessionSignedAsync(Es9Context c)
    {
        await c.ReleasedOrderAsync(1);
        (string tid, _) = await c.AuthenticatedAsync("MATCH-00001");
        var signed = new EuiccCancelSessionSigned(Inverted(Convert.FromHexString(tid)), "2.999.10", Rsp.StatusCodes.CancelSessionReason.endUserRejection);
        byte[] csr = CancelSessionResponse.Ok(new CancelSessionResponseOk(signed, c.EuiccSign(signed.Encode()))).Encode();
        return (await c.CancelAsync(tid, csr)).Code == "8.10.1 / 3.9";
    }

    /// <summary>An SM-DS event's order for another EID, downloaded with its EventID: 8.1.1 / 3.8.</summary>
    public static async Task<bool> SmdsEventOfAnotherEidAsync(Es9Context c)
    {
        string iccid = await c.ReleasedOrderAsync(1, eid: OtherEid);
        await using (StoreTransaction tx = await c.Store.BeginAsync())
        {
            OrderRecord order = (await tx.GetOrderAsync(iccid))!;
            await tx.SaveOrderAsync(order with { SmdsAddress = "lpa.ds.gsma.com" });
            await tx.CommitAsync();
        }
        return (await c.Lpa.DownloadAsync("MATCH-00001")).LastAnswer?.Code == "8.1.1 / 3.8";
    }

    private static byte[] Inverted(byte[] transactionId) => [.. transactionId.Select(b => (byte)~b)];
}
