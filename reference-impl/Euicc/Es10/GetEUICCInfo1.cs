using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>ES10b.GetEUICCInfo, EUICCInfo1 (SGP.22 v2.5 §5.7.8): svn and the CI PKId lists.</summary>
internal sealed class GetEUICCInfo1 : IEs10Function
{
    public Asn1Tag Tag => GetEuiccInfo1Request.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        _ = GetEuiccInfo1Request.Decode(command);
        return EuiccInfo.Info1(card.Identity, card.Options).Encode();
    }
}
