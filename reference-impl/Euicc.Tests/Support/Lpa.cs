using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Tests.Support;

/// <summary>The LPA's part of a profile download, step by step, over the card's APDU interface (SGP.22 v2.5 §3.1.2, §3.1.3).</summary>
internal static class Lpa
{
    public static async Task<byte[]> Challenge(TestCard card) =>
        GetEuiccChallengeResponse.Decode(await card.Es10(new GetEuiccChallengeRequest().Encode())).EuiccChallenge;

    public static async Task<AuthenticateServerResponse> AuthenticateServer(TestCard card, AuthenticateServerRequest request) =>
        AuthenticateServerResponse.Decode(await card.Es10(request.Encode()));

    /// <summary>GetEUICCChallenge then AuthenticateServer; the response must be ok.</summary>
    public static async Task<AuthenticateResponseOk> Authenticate(TestCard card, TestSmdp smdp)
    {
        byte[] challenge = await Challenge(card);
        AuthenticateServerResponse r = await AuthenticateServer(card, smdp.AuthenticateServer(challenge));
        Assert.That(r.AuthenticateResponseError, Is.Null, () => $"AuthenticateServer failed: {r.AuthenticateResponseError?.AuthenticateErrorCode}");
        return r.AuthenticateResponseOk!;
    }

    public static async Task<PrepareDownloadResponse> PrepareDownload(TestCard card, PrepareDownloadRequest request) =>
        PrepareDownloadResponse.Decode(await card.Es10(request.Encode()));

    /// <summary>Authenticate and PrepareDownload; the response must be ok.</summary>
    public static async Task<PrepareDownloadResponseOk> Prepare(TestCard card, TestSmdp smdp)
    {
        AuthenticateResponseOk ok = await Authenticate(card, smdp);
        PrepareDownloadResponse r = await PrepareDownload(card, smdp.PrepareDownload(ok.EuiccSignature1));
        Assert.That(r.DownloadResponseError, Is.Null, () => $"PrepareDownload failed: {r.DownloadResponseError?.DownloadErrorCode}");
        return r.DownloadResponseOk!;
    }

    /// <summary>
    /// Sends the BPP sequences until the eUICC answers (it answers 'BF37' after the last one, or early after a
    /// failing one); returns the result and the index of the sequence that was answered.
    /// </summary>
    public static async Task<(ProfileInstallationResult Result, int AnsweredAt)> LoadBpp(TestCard card, BuiltBpp bpp)
    {
        for (int i = 0; i < bpp.Chunks.Count; i++)
        {
            byte[] r = await card.Es10(bpp.Chunks[i]);
            if (r.Length > 0)
            {
                return (ProfileInstallationResult.Decode(r), i);
            }
        }
        Assert.Fail("the eUICC never answered a ProfileInstallationResult");
        return default;
    }

    /// <summary>A whole download; returns the ProfileInstallationResult.</summary>
    public static async Task<ProfileInstallationResult> Install(TestCard card, TestSmdp smdp, BppSpec? spec = null)
    {
        PrepareDownloadResponseOk prepared = await Prepare(card, smdp);
        return (await LoadBpp(card, smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk, spec))).Result;
    }

    public static async Task<IReadOnlyList<ProfileInfo>> Profiles(TestCard card, ProfileInfoListRequest? request = null)
    {
        ProfileInfoListResponse r = ProfileInfoListResponse.Decode(await card.Es10((request ?? new ProfileInfoListRequest()).Encode()));
        Assert.That(r.ProfileInfoListError, Is.Null);
        return r.ProfileInfoListOk!;
    }

    public static async Task<IReadOnlyList<NotificationMetadata>> Notifications(TestCard card) =>
        ListNotificationResponse.Decode(await card.Es10(new ListNotificationRequest().Encode())).NotificationMetadataList!;

    public static async Task<IReadOnlyList<PendingNotification>> Retrieve(TestCard card, RetrieveNotificationsListRequest? request = null)
    {
        RetrieveNotificationsListResponse r = RetrieveNotificationsListResponse.Decode(await card.Es10((request ?? new RetrieveNotificationsListRequest()).Encode()));
        return r.NotificationList ?? [];
    }
}
