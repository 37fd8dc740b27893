using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// RemoteProfileProvisioningRequest ::= [2] CHOICE { -- Tag 'A2'
///   initiateAuthenticationRequest [57], authenticateClientRequest [59], getBoundProfilePackageRequest [58],
///   cancelSessionRequestEs9 [65], handleNotification [61] }
/// (the body an LPA posts with the ES9+ ASN.1 binding, SGP.22 v2.5 §6.6). [2] is explicit around the alternative.
/// </summary>
public sealed record RemoteProfileProvisioningRequest : IAsn1Message<RemoteProfileProvisioningRequest>
{
    public const string TypeName = "RemoteProfileProvisioningRequest";

    public static Asn1Tag Tag => Tags.CtxC(2);

    public InitiateAuthenticationRequest? InitiateAuthenticationRequest { get; init; }
    public AuthenticateClientRequest? AuthenticateClientRequest { get; init; }
    public GetBoundProfilePackageRequest? GetBoundProfilePackageRequest { get; init; }
    public CancelSessionRequestEs9? CancelSessionRequestEs9 { get; init; }
    public HandleNotification? HandleNotification { get; init; }

    public static RemoteProfileProvisioningRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static RemoteProfileProvisioningRequest Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadByTagNumber<RemoteProfileProvisioningRequest>(r, tag ?? Tag, "remoteProfileProvisioningRequest", TypeName, "BF39, BF3B, BF3A, BF41 or BF3D", (n, s) => n switch
            {
                57 => new() { InitiateAuthenticationRequest = Messages.InitiateAuthenticationRequest.Read(s) },
                59 => new() { AuthenticateClientRequest = Messages.AuthenticateClientRequest.Read(s) },
                58 => new() { GetBoundProfilePackageRequest = Messages.GetBoundProfilePackageRequest.Read(s) },
                65 => new() { CancelSessionRequestEs9 = Messages.CancelSessionRequestEs9.Read(s) },
                61 => new() { HandleNotification = Messages.HandleNotification.Read(s) },
                _ => null,
            });

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, InitiateAuthenticationRequest, AuthenticateClientRequest,
            GetBoundProfilePackageRequest, CancelSessionRequestEs9, HandleNotification);
        using (w.PushSequence(tag ?? Tag))
        {
            InitiateAuthenticationRequest?.Write(w);
            AuthenticateClientRequest?.Write(w);
            GetBoundProfilePackageRequest?.Write(w);
            CancelSessionRequestEs9?.Write(w);
            HandleNotification?.Write(w);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// RemoteProfileProvisioningResponse ::= [2] CHOICE { -- Tag 'A2'
///   initiateAuthenticationResponse [57], authenticateClientResponseEs9 [59], getBoundProfilePackageResponse [58],
///   cancelSessionResponseEs9 [65], authenticateClientResponseEs11 [64] }
/// (SGP.22 v2.5 §6.6). The ES11 (SM-DS) alternative is kept as its raw DER element (tag 'BF40').
/// </summary>
public sealed record RemoteProfileProvisioningResponse : IAsn1Message<RemoteProfileProvisioningResponse>
{
    public const string TypeName = "RemoteProfileProvisioningResponse";

    public static Asn1Tag Tag => Tags.CtxC(2);

    public InitiateAuthenticationResponse? InitiateAuthenticationResponse { get; init; }
    public AuthenticateClientResponseEs9? AuthenticateClientResponseEs9 { get; init; }
    public GetBoundProfilePackageResponse? GetBoundProfilePackageResponse { get; init; }
    public CancelSessionResponseEs9? CancelSessionResponseEs9 { get; init; }
    public Asn1Element? AuthenticateClientResponseEs11 { get; init; }

    public static RemoteProfileProvisioningResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static RemoteProfileProvisioningResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadByTagNumber<RemoteProfileProvisioningResponse>(r, tag ?? Tag, "remoteProfileProvisioningResponse", TypeName, "BF39, BF3B, BF3A, BF41 or BF40", (n, s) => n switch
            {
                57 => new() { InitiateAuthenticationResponse = Messages.InitiateAuthenticationResponse.Read(s) },
                59 => new() { AuthenticateClientResponseEs9 = Messages.AuthenticateClientResponseEs9.Read(s) },
                58 => new() { GetBoundProfilePackageResponse = Messages.GetBoundProfilePackageResponse.Read(s) },
                65 => new() { CancelSessionResponseEs9 = Messages.CancelSessionResponseEs9.Read(s) },
                64 => new() { AuthenticateClientResponseEs11 = s.ReadAny("authenticateClientResponseEs11") },
                _ => null,
            });

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, InitiateAuthenticationResponse, AuthenticateClientResponseEs9,
            GetBoundProfilePackageResponse, CancelSessionResponseEs9, AuthenticateClientResponseEs11);
        using (w.PushSequence(tag ?? Tag))
        {
            InitiateAuthenticationResponse?.Write(w);
            AuthenticateClientResponseEs9?.Write(w);
            GetBoundProfilePackageResponse?.Write(w);
            CancelSessionResponseEs9?.Write(w);
            if (AuthenticateClientResponseEs11 is { } es11)
            {
                RawDer.Write(w, es11, "authenticateClientResponseEs11", Tags.CtxC(64));
            }
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
