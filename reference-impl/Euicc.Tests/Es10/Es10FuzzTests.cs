using System.Formats.Asn1;
using Conformance.Adapters.Apdu;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>
/// ES10 payload fuzzing through the whole APDU layer: valid commands of every function, mutated, sent as STORE
/// DATA sequences. The card never fails, always answers a status word (data only as one DER TLV), and the stored
/// profiles stay exactly as they were (they are protected by state and policy from every legal change but
/// nicknames and memory reset).
/// </summary>
public class Es10FuzzTests
{
    private const int Commands = 10_000;
    private const string TagsButNickname = "5A4F9F709192939495B6B7B899";

    private static readonly ushort[] RefusalWords = [0x6A80, 0x6A88, 0x6985];

    [Test]
    public async Task TenThousandMutatedEs10Commands()
    {
        string dir = Path.Combine(Path.GetTempPath(), "euicc-es10-fuzz-" + Guid.NewGuid().ToString("N"));
        const int Seed = 20261124;
        var rng = new Random(Seed);
        try
        {
            var a = new BppSpec { Iccid = ProfileManagementTests.IccidA, ProfilePolicyRules = NamedBitList.Of(PprId.ppr1, PprId.ppr2) };
            var b = new BppSpec { Iccid = ProfileManagementTests.IccidB, ProfilePolicyRules = NamedBitList.Of(PprId.ppr2) };
            TestCard card = await ProfileManagementTests.CardWithTwoProfiles(a: a, b: b, stateDirectory: dir);
            await card.Es10(ProfileManagementTests.Enable(ProfileManagementTests.IccidA));
            byte[] infoRequest = new ProfileInfoListRequest(TagList: Convert.FromHexString(TagsButNickname)).Encode();
            byte[] before = await card.Es10(infoRequest);
            List<byte[]> corpus = await Corpus(card);

            var seen = new Dictionary<string, int>();
            bool memoryResetOk = false;
            for (int n = 0; n < Commands; n++)
            {
                byte[] command = rng.Next(8) == 0 ? corpus[rng.Next(corpus.Count)] : Mutate(corpus[rng.Next(corpus.Count)], rng);
                if (rng.Next(400) == 0)
                {
                    await card.ResetAsync();
                }
                string outcome;
                try
                {
                    byte[] response = await card.Es10(command);
                    Assert.That(response.Length == 0 || IsOneTlv(response), $"#{n} (seed {Seed}): {Convert.ToHexString(command)} answered {Convert.ToHexString(response)}");
                    outcome = response.Length == 0 ? "9000 no data" : "data " + Convert.ToHexString(response.AsSpan(0, Math.Min(2, response.Length)));
                    memoryResetOk |= Convert.ToHexString(response) == "BF3403800100";
                }
                catch (ApduStatusException e)
                {
                    Assert.That(RefusalWords, Does.Contain(e.StatusWord.Value), $"#{n} (seed {Seed}): {Convert.ToHexString(command)} answered {e.StatusWord}");
                    outcome = e.StatusWord.Value.ToString("X4");
                }
                seen[outcome] = seen.GetValueOrDefault(outcome) + 1;
            }
            await TestContext.Out.WriteLineAsync(string.Join(", ", seen.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}: {kv.Value}")));
            Assert.That(seen.Keys.Count(k => k.StartsWith("data", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(10), "many functions answered");
            Assert.That(RefusalWords.Select(w => w.ToString("X4")), Is.SubsetOf(seen.Keys), "every refusal was exercised");

            await MutatedInstallations(card, rng, Seed);
            await card.ResetAsync();
            byte[] after = await card.Es10(infoRequest);
            if (!memoryResetOk)
            {
                Assert.That(after, Is.EqualTo(before), "stored profiles intact");
            }
            await card.DisposeAsync();
            await using TestCard reopened = await TestCard.OpenAsync(stateDirectory: dir);
            Assert.That(await reopened.Es10(infoRequest), Is.EqualTo(after), "what the card answers is what it stored");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Inside prepared sessions, bound profile packages with one mutated STORE DATA sequence: each installation ends
    /// with a ProfileInstallationResult or a refusal, and a profile installed anyway is a correct one (then deleted).
    /// </summary>
    private static async Task MutatedInstallations(TestCard card, Random rng, int seed)
    {
        int results = 0;
        for (int n = 0; n < 300; n++)
        {
            var smdp = new TestSmdp(TestCard.Nist);
            PrepareDownloadResponseOk prepared = await Lpa.Prepare(card, smdp);
            BuiltBpp bpp = smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk, new BppSpec { Iccid = "89000123456789012366", ProfileSize = 1200 });
            int target = rng.Next(bpp.Chunks.Count);
            bpp.Chunks[target] = Mutate(bpp.Chunks[target], rng);
            foreach (byte[] chunk in bpp.Chunks)
            {
                byte[] response;
                try
                {
                    response = await card.Es10(chunk);
                }
                catch (ApduStatusException e)
                {
                    Assert.That(RefusalWords, Does.Contain(e.StatusWord.Value), $"BPP #{n} (seed {seed}) sequence {Convert.ToHexString(chunk)}");
                    continue;
                }
                if (response.Length == 0)
                {
                    continue;
                }
                ProfileInstallationResult pir = ProfileInstallationResult.Decode(response);
                results++;
                if (pir.ProfileInstallationResultData.SuccessResult is not null)
                {
                    var delete = new DeleteProfileRequest(ProfileIdentifier.ByIccid(Iccid.FromString("89000123456789012366"))).Encode();
                    Assert.That(DeleteProfileResponse.Decode(await card.Es10(delete)).DeleteResult, Is.EqualTo(DeleteProfileResult.ok));
                }
                break;
            }
        }
        await TestContext.Out.WriteLineAsync($"{results} of 300 mutated installations ended with a ProfileInstallationResult");
        Assert.That(results, Is.GreaterThan(150));
    }

    /// <summary>A valid command of every ES10 function (eUICCMemoryReset aside) and the sequences of a BPP.</summary>
    private static async Task<List<byte[]>> Corpus(TestCard card)
    {
        var smdp = new TestSmdp(TestCard.Nist);
        byte[] challenge = await Lpa.Challenge(card);
        AuthenticateServerRequest auth = smdp.AuthenticateServer(challenge);
        AuthenticateResponseOk ok = (await Lpa.AuthenticateServer(card, auth)).AuthenticateResponseOk!;
        PrepareDownloadRequest prepare = smdp.PrepareDownload(ok.EuiccSignature1);
        PrepareDownloadResponseOk prepared = (await Lpa.PrepareDownload(card, prepare)).DownloadResponseOk!;
        BuiltBpp bpp = smdp.Bpp(prepared.EuiccSigned2.EuiccOtpk, new BppSpec { Iccid = "89000123456789012366", ProfileSize = 1500 });
        var ci = TestCard.Nist.Ci;
        var iccidA = Iccid.FromString(ProfileManagementTests.IccidA);
        var iccidB = Iccid.FromString(ProfileManagementTests.IccidB);
        List<byte[]> corpus =
        [
            GetEuiccDataRequest.ForEid().Encode(), new GetEuiccInfo1Request().Encode(), new GetEuiccInfo2Request().Encode(),
            new GetEuiccChallengeRequest().Encode(), auth.Encode(), prepare.Encode(),
            new CancelSessionRequest(smdp.TransactionId, CancelSessionReason.postponed).Encode(),
            new ListNotificationRequest().Encode(), new ListNotificationRequest(NamedBitList.Of(NotificationEvent.notificationInstall)).Encode(),
            new RetrieveNotificationsListRequest().Encode(), new RetrieveNotificationsListRequest(1).Encode(), new NotificationSentRequest(100_000).Encode(),
            new ProfileInfoListRequest().Encode(), new ProfileInfoListRequest(ProfileInfoSearchCriteria.ByIccid(iccidB), Convert.FromHexString("5A9F70")).Encode(),
            new EnableProfileRequest(ProfileIdentifier.ByIccid(iccidB), true).Encode(), new DisableProfileRequest(ProfileIdentifier.ByIccid(iccidA), false).Encode(),
            new DeleteProfileRequest(ProfileIdentifier.ByIccid(iccidB)).Encode(), new DeleteProfileRequest(ProfileIdentifier.ByIccid(iccidA)).Encode(),
            new SetNicknameRequest(iccidA, "fuzz").Encode(), new SetDefaultDpAddressRequest("fuzz.example.com").Encode(),
            new EuiccConfiguredAddressesRequest().Encode(), new GetRatRequest().Encode(),
            new LoadCRLRequest(OddCertificates.Crl(ci, ci.RequirePrivateKey(), 1)).Encode(),
        ];
        corpus.AddRange(bpp.Chunks);
        return corpus;
    }

    private static byte[] Mutate(byte[] valid, Random rng)
    {
        var b = new List<byte>(valid);
        int rounds = 1 + rng.Next(3);
        for (int r = 0; r < rounds && b.Count > 0; r++)
        {
            int i = rng.Next(b.Count);
            switch (rng.Next(8))
            {
                case 0:
                    b[i] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1:
                    b[i] = (byte)rng.Next(256);
                    break;
                case 2:
                    b.RemoveRange(i, Math.Min(b.Count - i, 1 + rng.Next(8)));
                    break;
                case 3:
                    b.InsertRange(i, Enumerable.Range(0, 1 + rng.Next(8)).Select(_ => (byte)rng.Next(256)));
                    break;
                case 4:
                    int keep = rng.Next(1, b.Count + 1); // truncate
                    b.RemoveRange(keep, b.Count - keep);
                    break;
                case 5 when b.Count > 3:
                    b[Math.Min(b.Count - 1, 2 + rng.Next(2))] = (byte)rng.Next(256); // a length byte near the start
                    break;
                case 6:
                    b.AddRange(b.Take(Math.Min(b.Count, 1 + rng.Next(20))));
                    break;
                default:
                    b[i] = b[rng.Next(b.Count)];
                    break;
            }
        }
        return b.Count == 0 ? [0x00] : [.. b];
    }

    private static bool IsOneTlv(byte[] der)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out _, out _, out int consumed);
            return consumed == der.Length;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
