using System.Formats.Asn1;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es8;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.LoadBoundProfilePackage (SGP.22 v2.5 §5.7.6): the BPP arrives as several STORE DATA sequences ('BF36'
/// header with 'BF23', 'A0' with its '87', 'A1' header, each '88', 'A2' with its '87', 'A3' header, each '86'),
/// handed to the <see cref="BppInstallation"/> of the session. The first sequence needs a session that passed
/// PrepareDownload; a sequence with no installation in progress answers '6985' conditions of use not satisfied.
/// </summary>
internal sealed class LoadBoundProfilePackage : IEs10Function
{
    private static readonly Asn1Tag[] ContinuationTags =
    [
        Tags.CtxC(0), Tags.CtxC(1), Tags.CtxC(2), Tags.CtxC(3), Tags.Ctx(6), Tags.Ctx(7), Tags.Ctx(8),
    ];

    public Asn1Tag Tag => BoundProfilePackage.Tag;

    /// <summary>True for the outer tags of the STORE DATA sequences of a BPP.</summary>
    public static bool Handles(Asn1Tag tag) => tag == BoundProfilePackage.Tag || Array.IndexOf(ContinuationTags, tag) >= 0;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        RspSession session = card.Session;
        if (session.Installation is { } running)
        {
            return running.Accept(command);
        }
        if (!Asn1Tag.TryDecode(command.Span, out Asn1Tag tag, out _) || tag != BoundProfilePackage.Tag)
        {
            throw new Es10StatusException(StatusWords.ConditionsOfUseNotSatisfied, "a bound profile package sequence with no installation in progress");
        }
        if (!session.Prepared)
        {
            throw new Es10StatusException(StatusWords.ConditionsOfUseNotSatisfied, "LoadBoundProfilePackage before PrepareDownload");
        }
        var installation = new BppInstallation(card, session);
        session.Installation = installation;
        return installation.Accept(command);
    }
}
