using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Card;

/// <summary>
/// Creation of pending notifications (SGP.22 v2.5 §2.6.8, §5.7.9–§5.7.11): each gets the next seqNumber of the
/// card and is signed with SK.EUICC.ECDSA; ProfileInstallationResult after a download (§5.7.6), and
/// OtherSignedNotification after enable, disable and delete when the profile's notificationConfigurationInfo
/// asks for that event.
/// </summary>
internal static class Notifications
{
    /// <summary>
    /// Adds the OtherSignedNotification of <paramref name="ev"/> for <paramref name="profile"/> when its metadata
    /// names an address for that event; otherwise returns <paramref name="state"/> unchanged.
    /// </summary>
    public static CardState WithOtherSignedNotification(EuiccCard card, CardState state, NotificationEvent ev, StoredProfile profile)
    {
        StoreMetadataRequest metadata = StoreMetadataRequest.Decode(profile.Metadata);
        string? address = AddressFor(metadata, ev);
        if (address is null)
        {
            return state;
        }
        var tbs = new NotificationMetadata(state.NextSeqNumber, NamedBitList.Of(ev), address, Iccid.FromString(profile.Iccid));
        EuiccCredential credential = card.DefaultCredential;
        byte[] signature = card.Sign(credential.PrivateKey, tbs.Encode());
        var notification = new OtherSignedNotification(tbs, signature, credential.Euicc.Der, credential.Eum.Der);
        return Add(state, ev, address, profile.Iccid, notification.Encode());
    }

    /// <summary>
    /// Builds, signs (euiccSignPIR over the whole 'BF27' profileInstallationResultData) and stores the
    /// ProfileInstallationResult of a download; returns the new state and the 'BF37' DER.
    /// </summary>
    public static (CardState State, byte[] Pir) WithProfileInstallationResult(
        EuiccCard card, CardState state, EuiccCredential credential, byte[] transactionId, string address, Iccid? iccid,
        string smdpOid, SuccessResult? success, ErrorResult? error)
    {
        var metadata = new NotificationMetadata(state.NextSeqNumber, NamedBitList.Of(NotificationEvent.notificationInstall), address, iccid);
        var data = new ProfileInstallationResultData(transactionId, metadata, smdpOid, success, error);
        byte[] signature = card.Sign(credential.Presented(card.Faults).Key, data.Encode());
        byte[] pir = new ProfileInstallationResult(data, signature).Encode();
        return (Add(state, NotificationEvent.notificationInstall, address, iccid?.ToString(), pir), pir);
    }

    /// <summary>The notificationAddress the metadata names for <paramref name="ev"/>, or null.</summary>
    public static string? AddressFor(StoreMetadataRequest metadata, NotificationEvent ev) =>
        metadata.NotificationConfigurationInfo?.FirstOrDefault(n => n.ProfileManagementOperation.IsSet(ev))?.NotificationAddress;

    private static CardState Add(CardState state, NotificationEvent ev, string address, string? iccid, byte[] der) => state with
    {
        Notifications = [.. state.Notifications, new StoredNotification
        {
            SeqNumber = state.NextSeqNumber,
            Event = ev,
            NotificationAddress = address,
            Iccid = iccid,
            Der = der,
        }],
        NextSeqNumber = state.NextSeqNumber + 1,
    };
}
