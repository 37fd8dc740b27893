using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>PendingNotification ::= CHOICE { profileInstallationResult [55] ProfileInstallationResult,
/// otherSignedNotification OtherSignedNotification }</c> (SGP.22 v2.2.2 §5.7.10, ES9+.HandleNotification §5.6.4):
/// <c>BF37</c> or <c>30</c>. Exactly one of the two is set.
/// </summary>
public sealed record PendingNotification
{
    private const string Name = "PendingNotification";

    public PendingNotification(ProfileInstallationResult profileInstallationResult) => ProfileInstallationResult = profileInstallationResult;

    public PendingNotification(OtherSignedNotification otherSignedNotification) => OtherSignedNotification = otherSignedNotification;

    public ProfileInstallationResult? ProfileInstallationResult { get; }

    public OtherSignedNotification? OtherSignedNotification { get; }

    public static PendingNotification Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static PendingNotification Read(DerReader r)
    {
        if (r.IsNext(ProfileInstallationResult.Tag))
        {
            return new PendingNotification(Messages.ProfileInstallationResult.Read(r));
        }
        if (r.IsNext(Asn1Tag.Sequence))
        {
            return new PendingNotification(Messages.OtherSignedNotification.Read(r));
        }
        Asn1Tag found = r.PeekTag(Name);
        throw new Asn1DecodeException(Name, r.Offset, $"unknown alternative {Tags.Hex(found)}, expected BF37 or 30");
    }

    public void Write(AsnWriter w)
    {
        if (ProfileInstallationResult is not null)
        {
            ProfileInstallationResult.Write(w);
        }
        else
        {
            OtherSignedNotification!.Write(w);
        }
    }

    public byte[] Encode() => Der.Encode(Write);
}
