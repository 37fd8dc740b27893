using System.Net;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>
/// Each named defect (<see cref="SmdpDefect"/>) makes the server observably violate SGP.22: the same observation
/// passes on a correct server (off) and shows the violation with the defect on, so the harness can catch it.
/// </summary>
public class DefectInjectionTests
{
    private static IEnumerable<TestCaseData> Cases() => Enum.GetValues<SmdpDefect>().Select(d => new TestCaseData(d).SetName($"Defect {d} is observable"));

    [TestCaseSource(nameof(Cases))]
    public async Task DefectIsObservableAndAbsentByDefault(SmdpDefect defect)
    {
        bool correct = await ObserveAsync(defect, on: false);
        bool faulty = await ObserveAsync(defect, on: true);
        Assert.That((correct, faulty), Is.EqualTo((true, false)), "spec-conform without the defect, violating with it");
    }

    /// <summary>Runs the observation for one defect; true when the server behaved as SGP.22 requires.</summary>
    private static async Task<bool> ObserveAsync(SmdpDefect defect, bool on)
    {
        if (defect is SmdpDefect.NoRegisterEvent or SmdpDefect.WrongEidInRegisterEvent or SmdpDefect.NoDeleteEvent)
        {
            return await SmdsObservation.ObserveAsync(defect, on);
        }
        await using Es9Context c = await Es9Context.StartAsync(configure: o => o with { Defects = on ? new HashSet<SmdpDefect> { defect } : new HashSet<SmdpDefect>() });
        switch (defect)
        {
            case SmdpDefect.OversizedProfileSegment:
                await c.ReleasedOrderAsync(1);
                return BoundProfilePackage.Decode((await c.Lpa.DownloadAsync("MATCH-00001")).BoundProfilePackage).SequenceOf86.All(s => s.Length <= BspInstance.MaxSegmentLength);
            case SmdpDefect.WrongStatusCodeForInvalidSmdpAddress:
                return (await c.Lpa.InitiateAuthenticationAsync(address: "nowhere.example.com")).Code == "8.8.1 / 3.8";
            case SmdpDefect.SkipConfirmationCodeCheck:
            {
                await c.ReleasedOrderAsync(1, confirmationCode: "9999");
                (string tid, byte[] pdr) = await c.PreparedAsync("MATCH-00001", cc: "0000");
                return (await c.GetBppAsync(tid, pdr)).Code == "8.2.7 / 3.8";
            }
            case SmdpDefect.ReuseServerChallenge:
            {
                var a = ServerSigned1.Decode((await c.Lpa.InitiateAuthenticationAsync()).Base64("serverSigned1"));
                var b = ServerSigned1.Decode((await c.Lpa.InitiateAuthenticationAsync()).Base64("serverSigned1"));
                return !a.ServerChallenge.AsSpan().SequenceEqual(b.ServerChallenge);
            }
            case SmdpDefect.ReuseTransactionId:
                return (await c.Lpa.InitiateAuthenticationAsync()).Field("transactionId") != (await c.Lpa.InitiateAuthenticationAsync()).Field("transactionId");
            case SmdpDefect.NoEidBindingCheck:
                await c.ReleasedOrderAsync(1, eid: "89049032123451234512345678901999");
                return (await c.Lpa.DownloadAsync("MATCH-00001")).LastAnswer?.Code == "8.1.1 / 3.8";
            case SmdpDefect.AcceptExpiredEuiccCertificate:
                await c.ReleasedOrderAsync(1);
                c.UseEuicc(c.Double(PkiItem.ExpiredEuicc, PkiItem.Eum));
                return (await c.Lpa.DownloadAsync("MATCH-00001")).LastAnswer?.Code == "8.1.3 / 6.3";
            case SmdpDefect.SkipEumRangeCheck:
                await c.ReleasedOrderAsync(1, eid: null);
                c.UseEuicc(c.Double(PkiItem.EuiccEidOutsideRange, PkiItem.Eum));
                return (await c.Lpa.DownloadAsync("MATCH-00001")).LastAnswer?.Code == "8.1.4 / 6.1";
            case SmdpDefect.RestartMacChainPerSegment or SmdpDefect.FrozenBlockCounter or SmdpDefect.SmdpSignOverWrongData
                or SmdpDefect.TransactionIdInBppNotSession:
            {
                string iccid = await c.ReleasedOrderAsync(1);
                bool installed = (await c.Lpa.DownloadAsync("MATCH-00001")).Installed;
                // A frozen counter only garbles the first block of later segments: compare the profile itself.
                byte[]? ordered = (await c.Store.GetProfileAsync(iccid))!.Upp;
                return installed && c.Euicc.LastInstall!.ProfilePackage.SequenceEqual(ordered!);
            }
            case SmdpDefect.MetadataInBppDiffersFromProfileMetadata:
            {
                await c.ReleasedOrderAsync(1);
                (string tid, Es9Answer ac) = await c.AuthenticatedAsync("MATCH-00001");
                byte[] pdr = c.Euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode());
                c.Euicc.LoadBoundProfilePackage((await c.GetBppAsync(tid, pdr)).Base64("boundProfilePackage"));
                return c.Euicc.LastInstall!.MetadataDer.AsSpan().SequenceEqual(ac.Base64("profileMetadata"));
            }
            case SmdpDefect.HandleNotificationAnswers200WithBody:
            {
                await c.ReleasedOrderAsync(1);
                DownloadOutcome d = await c.Lpa.DownloadAsync("MATCH-00001");
                return d.LastAnswer!.HttpStatus == HttpStatusCode.NoContent && d.LastAnswer.Body is null;
            }
            case SmdpDefect.MissingAdminProtocolHeader:
                return (await c.Lpa.InitiateAuthenticationAsync()).AdminProtocol is not null;
            case SmdpDefect.RetriesNotLimited:
                await c.ReleasedOrderAsync(1, attempts: 1);
                await c.AuthenticatedAsync("MATCH-00001");
                return (await c.Lpa.DownloadAsync("MATCH-00001")).LastAnswer?.Code == "8.8.5 / 6.4";
            case SmdpDefect.SkipEuiccSignature1Check:
            {
                await c.ReleasedOrderAsync(1);
                (Es9Answer ia, string tid) = await c.InitiateAsync();
                c.Euicc.CorruptNextSignature = true;
                byte[] asr = c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, "MATCH-00001").Encode());
                return (await c.AuthenticateClientAsync(tid, asr)).Code == "8.1 / 6.1";
            }
            case SmdpDefect.ForgetEuiccAfterRefusedAuthenticateClient:
            {
                // AuthenticateClient refused for an unknown MatchingID, then the eUICC's validly signed CancelSession.
                (Es9Answer ia, string tid) = await c.InitiateAsync();
                byte[] asr = c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, "NO-SUCH-ORDER").Encode());
                if ((await c.AuthenticateClientAsync(tid, asr)).Code != "8.2.6 / 3.8")
                {
                    return false;
                }
                var signed = new EuiccCancelSessionSigned(Convert.FromHexString(tid), "2.999.10", Rsp.StatusCodes.CancelSessionReason.endUserRejection);
                byte[] csr = CancelSessionResponse.Ok(new CancelSessionResponseOk(signed, c.EuiccSign(signed.Encode()))).Encode();
                return (await c.CancelAsync(tid, csr)).Succeeded;
            }
            case SmdpDefect.ReuseOtSkDpAcrossOtpk:
            {
                // Two PrepareDownloads of one session: the eUICC offers a fresh otPK.EUICC.ECKA the second time.
                await c.ReleasedOrderAsync(1);
                (string tid, Es9Answer ac) = await c.AuthenticatedAsync("MATCH-00001");
                byte[] request = DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode();
                byte[] first = SmdpOtpk(await c.GetBppAsync(tid, c.Euicc.PrepareDownload(request)));
                byte[] second = SmdpOtpk(await c.GetBppAsync(tid, c.Euicc.PrepareDownload(request)));
                return !first.AsSpan().SequenceEqual(second);
            }
            case SmdpDefect.KeepSessionAfterDownloadError:
            {
                await c.ReleasedOrderAsync(1);
                (string tid, byte[] pdr) = await c.PreparedAsync("MATCH-00001");
                byte[] error = PrepareDownloadResponse.Error(new PrepareDownloadResponseError(Convert.FromHexString(tid), Rsp.StatusCodes.DownloadErrorCode.undefinedError)).Encode();
                return !(await c.GetBppAsync(tid, error)).Succeeded && (await c.GetBppAsync(tid, pdr)).Code == "8.10.1 / 3.9";
            }
            case SmdpDefect.SkipEs2PlusOrderChecks:
            {
                string iccid = Es9Context.Iccid(1);
                await c.Store.AddProfileAsync(new ProfileRecord { Iccid = iccid, ProfileType = "Test" });
                using HttpClient op = c.Harness.OperatorClient();
                RspAnswer a = await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/cancelOrder", ServerHarness.Es2Json(new { iccid, finalProfileStatusIndicator = "Available" }));
                return a.ExecutionStatus == "Failed" && a.Code == "8.2.1 / 3.9";
            }
            case SmdpDefect.Asn1BindingWrongContentType:
            {
                // SGP.22 §6.6.1: InitiateAuthentication over the ASN.1 binding answers Content-Type application/x-gsma-rsp-asn1.
                using HttpResponseMessage r = await PostAsn1Async(c, new() { InitiateAuthenticationRequest = new(c.Euicc.GetEuiccChallenge(), c.Address, EUICCInfo1.Decode(c.Euicc.GetEuiccInfo1())) });
                return r.StatusCode == HttpStatusCode.OK && r.Content.Headers.ContentType?.MediaType == "application/x-gsma-rsp-asn1";
            }
            case SmdpDefect.Asn1BindingDropsErrorCode:
            {
                // SGP.22 §5.6.1, §6.6: an SM-DP+ address that is not the SM-DP+'s answers initiateAuthenticationError invalidDpAddress(1).
                using HttpResponseMessage r = await PostAsn1Async(c, new() { InitiateAuthenticationRequest = new(c.Euicc.GetEuiccChallenge(), "elsewhere.example.com", EUICCInfo1.Decode(c.Euicc.GetEuiccInfo1())) });
                return RemoteProfileProvisioningResponse.Decode(await r.Content.ReadAsByteArrayAsync()).InitiateAuthenticationResponse?.InitiateAuthenticationError
                    == Rsp.StatusCodes.InitiateAuthenticationError.invalidDpAddress;
            }
            case SmdpDefect.IgnoreTransactionIdInEuiccSigned1:
                return await SignedDataDefectObservations.UnknownTransactionIdInEuiccSigned1Async(c);
            case SmdpDefect.IgnoreTransactionIdInCancelSessionSigned:
                return await SignedDataDefectObservations.UnknownTransactionIdInCancelSessionSignedAsync(c);
            case SmdpDefect.NoEidCheckForSmdsEvent:
                return await SignedDataDefectObservations.SmdsEventOfAnotherEidAsync(c);
            case SmdpDefect.EidLookupOnlyForOrdersWithoutMatchingId:
            {
                // SGP.23 4.3.14.2.1 #17: an activation code's order linked to the EID, downloaded without MatchingID.
                string iccid = await c.ReleasedOrderAsync(1);
                DownloadOutcome outcome = await c.Lpa.DownloadAsync(null);
                return outcome.Installed && c.Euicc.LastInstall?.Iccid == iccid;
            }
            default:
                throw new NotSupportedException($"no observation written for defect {defect}");
        }
    }

    private static byte[] SmdpOtpk(Es9Answer gbpp) =>
        BoundProfilePackage.Decode(gbpp.Base64("boundProfilePackage")).InitialiseSecureChannelRequest.SmdpOtpk;

    /// <summary>POSTs a request over the ES9+ ASN.1 binding (SGP.22 §6.6).</summary>
    private static async Task<HttpResponseMessage> PostAsn1Async(Es9Context c, RemoteProfileProvisioningRequest request)
    {
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-gsma-rsp-asn1");
        using var message = new HttpRequestMessage(HttpMethod.Post, "gsma/rsp2/asn1") { Content = content };
        message.Headers.Add("X-Admin-Protocol", "gsma/rsp/v2.2.0");
        return await c.Http.SendAsync(message);
    }
}
