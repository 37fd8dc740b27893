using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.GetEUICCChallenge (SGP.22 v2.5 §5.7.7): "The eUICC SHALL generate a random challenge euiccChallenge"
/// and keep it for the RSP session that starts here; a previous session context is discarded.
/// </summary>
internal sealed class GetEUICCChallenge : IEs10Function
{
    public Asn1Tag Tag => GetEuiccChallengeRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        _ = GetEuiccChallengeRequest.Decode(command);
        if (card.Session.Installation is { } running)
        {
            running.Abandon();
        }
        RspSession session = card.NewSession();
        session.EuiccChallenge = card.NewChallenge();
        return new GetEuiccChallengeResponse(session.EuiccChallenge).Encode();
    }
}
