using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Rsp.Tests.Asn1.Auth;

/// <summary>
/// Every message type, each CHOICE alternative: built in code it encodes to the hand-assembled spec bytes;
/// the spec bytes decode and re-encode to themselves. (Records holding byte[] compare by encoding.)
/// </summary>
public class RoundTripTests
{
    private static IEnumerable<MessageCase> Cases() => MessageCase.All();

    [TestCaseSource(nameof(Cases))]
    public void BuiltInCodeEncodesToTheSpecBytes(MessageCase c) =>
        Assert.That(Convert.ToHexString(c.Built()), Is.EqualTo(Convert.ToHexString(c.Spec())));

    [TestCaseSource(nameof(Cases))]
    public void SpecBytesDecodeAndReencodeIdentically(MessageCase c)
    {
        byte[] der = c.Spec();
        object decoded = c.Decode(der);
        Assert.That(c.Encode(decoded), Is.EqualTo(der));
    }

    [TestCaseSource(nameof(Cases))]
    public void BuiltEncodeDecodeEncodeIsStable(MessageCase c)
    {
        byte[] first = c.Built();
        Assert.That(c.Encode(c.Decode(first)), Is.EqualTo(first));
    }

    [Test]
    public void EuiccInfo2FieldsDecodeFromTheSpecBytes()
    {
        EUICCInfo2 info = EUICCInfo2.Decode(SpecVectors.EuiccInfo2());
        Assert.Multiple(() =>
        {
            Assert.That(info.ProfileVersion.ToString(), Is.EqualTo("2.3.0"));
            Assert.That(info.Svn.ToString(), Is.EqualTo("2.2.2"));
            Assert.That(info.Svn, Is.EqualTo(new VersionType(2, 2, 2)));
            Assert.That(info.EuiccFirmwareVer.ToString(), Is.EqualTo("1.2.3"));
            Assert.That(info.UiccCapability.BitLength, Is.EqualTo(17));
            Assert.That(info.UiccCapability.Has(UICCCapability.usimSupport | UICCCapability.multipleUsimSupport), Is.True);
            Assert.That(info.UiccCapability.IsSet(17), Is.False);
            Assert.That(info.RspCapability.Flags, Is.EqualTo(RspCapability.additionalProfile | RspCapability.crlSupport));
            Assert.That(info.Ts102241Version!.ToString(), Is.EqualTo("9.2.0"));
            Assert.That(info.EuiccCiPKIdListForVerification, Has.Count.EqualTo(2));
            Assert.That(info.EuiccCiPKIdListForVerification[1], Is.EqualTo(SpecVectors.Ski2));
            Assert.That(info.EuiccCategory, Is.EqualTo(EuiccCategory.mediumEuicc));
            Assert.That(info.ForbiddenProfilePolicyRules!.Flags, Is.EqualTo(PprIds.ppr1));
            Assert.That(info.PpVersion.ToString(), Is.EqualTo("1.0.0"));
            Assert.That(info.SasAcreditationNumber, Is.EqualTo("SAS-123456"));
            Assert.That(info.CertificationDataObject, Is.EqualTo(new CertificationDataObject("abc", "xyz")));
            Assert.That(info.TreProperties!.Flags, Is.EqualTo(TreProperties.isDiscrete | TreProperties.usesRemoteMemory));
            Assert.That(info.TreProductReference, Is.EqualTo("TRE"));
            Assert.That(info.AdditionalEuiccProfilePackageVersions, Is.EqualTo(new[] { new VersionType(2, 1, 0) }));
            Assert.That(info.Extensions.Select(e => Convert.ToHexString(e.Encoded.Span)), Is.EqualTo(new[] { "900100" }));
        });
    }

    [Test]
    public void AuthenticateServerRequestFieldsDecode()
    {
        AuthenticateServerRequest req = AuthenticateServerRequest.Decode(SpecVectors.AuthenticateServerRequest());
        CtxParamsForCommonAuthentication ctx = req.CtxParams1.CtxParamsForCommonAuthentication!;
        Assert.Multiple(() =>
        {
            Assert.That(req.ServerSigned1.TransactionId, Is.EqualTo(SpecVectors.TxId));
            Assert.That(req.ServerSigned1.ServerAddress, Is.EqualTo(SpecVectors.Address));
            Assert.That(req.ServerSigned1.EuiccChallenge, Is.EqualTo(SpecVectors.EuiccChallenge));
            Assert.That(req.ServerSignature1, Is.EqualTo(SpecVectors.Sig));
            Assert.That(req.EuiccCiPKIdToBeUsed, Is.EqualTo(SpecVectors.Ski1));
            Assert.That(req.ServerCertificate, Is.EqualTo(SpecVectors.CertServer));
            Assert.That(ctx.MatchingId, Is.EqualTo("MATCHING-ID-1"));
            Assert.That(ctx.DeviceInfo.Tac, Is.EqualTo(SpecVectors.H("35290611")));
            Assert.That(ctx.DeviceInfo.Imei, Is.EqualTo(SpecVectors.H("3529061100000000")));
            Assert.That(ctx.DeviceInfo.DeviceCapabilities.EutranEpcSupportedRelease!.ToString(), Is.EqualTo("15.0.0"));
            Assert.That(ctx.DeviceInfo.DeviceCapabilities.NrEpcSupportedRelease!.ToString(), Is.EqualTo("15.0.0"));
            Assert.That(ctx.DeviceInfo.DeviceCapabilities.Cdma2000onexSupportedRelease, Is.Null);
        });
    }

    [Test]
    public void ChoiceAlternativesAndErrorCodesDecode()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AuthenticateServerResponse.Decode(SpecVectors.AuthenticateServerResponseError()).AuthenticateResponseError!.AuthenticateErrorCode,
                Is.EqualTo(StatusCodes.AuthenticateErrorCode.euiccChallengeMismatch));
            Assert.That(PrepareDownloadResponse.Decode(SpecVectors.PrepareDownloadResponseError()).DownloadResponseError!.DownloadErrorCode,
                Is.EqualTo(StatusCodes.DownloadErrorCode.invalidTransactionId));
            Assert.That(CancelSessionResponse.Decode(SpecVectors.CancelSessionResponseError()).CancelSessionResponseError,
                Is.EqualTo(StatusCodes.CancelSessionError.invalidTransactionId));
            Assert.That(CancelSessionRequest.Decode(SpecVectors.CancelSessionRequest()).Reason, Is.EqualTo(StatusCodes.CancelSessionReason.postponed));
            Assert.That(InitiateAuthenticationResponse.Decode(SpecVectors.InitiateAuthenticationResponseError()).InitiateAuthenticationError,
                Is.EqualTo(StatusCodes.InitiateAuthenticationError.ciPKIdNotSupported));
            Assert.That(AuthenticateClientResponseEs9.Decode(SpecVectors.AuthenticateClientResponseError()).AuthenticateClientError,
                Is.EqualTo(StatusCodes.AuthenticateClientError.noEligibleProfile));
            Assert.That(GetBoundProfilePackageResponse.Decode(SpecVectors.GetBoundProfilePackageResponseError()).GetBoundProfilePackageError,
                Is.EqualTo(StatusCodes.GetBoundProfilePackageError.invalidTransactionId));
            Assert.That(CancelSessionResponseEs9.Decode(SpecVectors.CancelSessionResponseEs9Error()).CancelSessionError,
                Is.EqualTo(StatusCodes.CancelSessionEs9Error.euiccSignatureInvalid));
            Assert.That(CancelSessionResponseEs9.Decode(SpecVectors.CancelSessionResponseEs9Ok()).CancelSessionOk, Is.Empty);
            var signed = CancelSessionResponse.Decode(SpecVectors.CancelSessionResponseOk()).CancelSessionResponseOk!.EuiccCancelSessionSigned;
            Assert.That(signed.SmdpOid, Is.EqualTo(SpecVectors.SmdpOid));
            Assert.That(signed.Reason, Is.EqualTo(StatusCodes.CancelSessionReason.endUserRejection));
        });
    }

    [Test]
    public void ForeignTypesAreKeptAsRawElements()
    {
        var ok = AuthenticateClientResponseEs9.Decode(SpecVectors.AuthenticateClientResponseOk()).AuthenticateClientOk!;
        var bpp = GetBoundProfilePackageResponse.Decode(SpecVectors.GetBoundProfilePackageResponseOk()).GetBoundProfilePackageOk!;
        var notification = HandleNotification.Decode(SpecVectors.HandleNotification());
        Assert.Multiple(() =>
        {
            Assert.That(ok.ProfileMetaData.Encoded.ToArray(), Is.EqualTo(SpecVectors.ProfileMetadata()));
            Assert.That(bpp.BoundProfilePackage.Encoded.ToArray(), Is.EqualTo(SpecVectors.Bpp()));
            Assert.That(notification.IsProfileInstallationResult, Is.True);
            Assert.That(notification.PendingNotification.Encoded.ToArray(), Is.EqualTo(SpecVectors.Pir()));
        });
    }

    [Test]
    public void OtherSignedNotificationIsAcceptedInHandleNotification()
    {
        byte[] other = SpecVectors.Tlv("30", SpecVectors.Tlv("BF2F", SpecVectors.Tlv("80", SpecVectors.H("01"))), SpecVectors.Tlv("5F37", SpecVectors.Sig));
        byte[] der = SpecVectors.Tlv("BF3D", SpecVectors.Tlv("A0", other));
        HandleNotification n = HandleNotification.Decode(der);
        Assert.That(n.IsProfileInstallationResult, Is.False);
        Assert.That(n.Encode(), Is.EqualTo(der));
    }

    [Test]
    public void VersionTypeParsesAndPrints()
    {
        Assert.That(VersionType.Parse("2.2.2").ToBytes(), Is.EqualTo(new byte[] { 2, 2, 2 }));
        Assert.That(VersionType.Parse("2.1").ToString(), Is.EqualTo("2.1.0"));
        Assert.That(VersionType.Parse("2.3.0").CompareTo(VersionType.Parse("2.2.2")), Is.GreaterThan(0));
        Assert.Throws<FormatException>(() => VersionType.Parse("2"));
    }

    [Test]
    public void NamedBitsFromFlagsIsTheDerNamedBitListForm()
    {
        // X.690 §11.2.2: trailing 0 bits removed. osUpdateSupport is bit 19: 20 bits, 3 bytes, 4 unused.
        var bits = NamedBits<RspCapability>.From(RspCapability.additionalProfile | RspCapability.osUpdateSupport);
        Assert.That(Convert.ToHexString(bits.Bytes), Is.EqualTo("800010"));
        Assert.That(bits.UnusedBits, Is.EqualTo(4));
        Assert.That(NamedBits<RspCapability>.From(0).Bytes, Is.Empty);
    }

    [Test]
    public void ChoiceWithoutAlternativeIsNotEncoded() =>
        Assert.Throws<InvalidOperationException>(() => new AuthenticateServerResponse().Encode());
}
