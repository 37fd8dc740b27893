using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.CancelSession (SGP.22 v2.5 §5.7.14): when transactionId is the one of the ongoing RSP session (after
/// AuthenticateServer), the eUICC signs euiccCancelSessionSigned (transactionId, smdpOid of CERT.DPauth.ECDSA,
/// reason) and ends the session; otherwise it answers cancelSessionResponseError invalidTransactionId(5).
/// </summary>
internal sealed class CancelSession : IEs10Function
{
    public Asn1Tag Tag => CancelSessionRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        CancelSessionRequest request = CancelSessionRequest.Decode(command);
        RspSession session = card.Session;
        if (!session.Authenticated || !request.TransactionId.AsSpan().SequenceEqual(session.TransactionId))
        {
            return CancelSessionResponse.Error(CancelSessionError.invalidTransactionId).Encode();
        }
        var signed = new EuiccCancelSessionSigned(request.TransactionId, session.SmdpOid ?? "0.0", request.Reason);
        byte[] signature = card.Sign(session.Credential!.Presented(card.Faults).Key, signed.Encode());
        if (session.Installation is { } running)
        {
            running.Abandon();
        }
        card.NewSession();
        return CancelSessionResponse.Ok(new CancelSessionResponseOk(signed, signature)).Encode();
    }
}
