using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>ProfileInstallationResult ::= [55] SEQUENCE { profileInstallationResultData [39]
/// ProfileInstallationResultData, euiccSignPIR EuiccSignPIR }</c>, tag <c>BF37</c> (SGP.22 v2.2.2 §5.7.6,
/// ES9+.HandleNotification §5.6.4); EuiccSignPIR is <c>[APPLICATION 55] OCTET STRING</c> (<c>5F37</c>), the eUICC's
/// signature over the whole <c>BF27</c> TLV. The decoder keeps that TLV as received in
/// <see cref="ProfileInstallationResultDataRaw"/> and <see cref="Write"/> re-emits it; setting
/// <see cref="ProfileInstallationResultData"/> drops it.
/// </summary>
public sealed record ProfileInstallationResult : IAsn1Message<ProfileInstallationResult>
{
    private const string Name = "ProfileInstallationResult";

    private static readonly Asn1Tag SignatureTag = Tags.App(55);

    private readonly ProfileInstallationResultData _data = null!;

    public ProfileInstallationResult(ProfileInstallationResultData profileInstallationResultData, byte[] euiccSignPIR)
    {
        ProfileInstallationResultData = profileInstallationResultData;
        EuiccSignPIR = euiccSignPIR;
    }

    /// <summary>[55], <c>BF37</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(55);

    public ProfileInstallationResultData ProfileInstallationResultData
    {
        get => _data;
        init { _data = value; ProfileInstallationResultDataRaw = default; }
    }

    /// <summary>euiccSignPIR (<c>5F37</c>), r||s.</summary>
    public byte[] EuiccSignPIR { get; init; }

    /// <summary>The <c>BF27</c> TLV as received (empty when built in code).</summary>
    [DerRaw]
    public ReadOnlyMemory<byte> ProfileInstallationResultDataRaw { get; init; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>The data euiccSignPIR is computed over: the <c>BF27</c> TLV as received, else as encoded.</summary>
    public byte[] DataToBeSigned() =>
        ProfileInstallationResultDataRaw.IsEmpty ? ProfileInstallationResultData.Encode() : ProfileInstallationResultDataRaw.ToArray();

    public static ProfileInstallationResult Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ProfileInstallationResult Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        Asn1Element dataElement = s.ReadElement(ProfileInstallationResultData.Tag, "profileInstallationResultData");
        var dr = new DerReader(dataElement.Encoded, Name, dataElement.Offset);
        ProfileInstallationResultData data = ProfileInstallationResultData.Read(dr);
        byte[] sig = s.ReadOctetString(SignatureTag, "euiccSignPIR");
        var ext = s.ReadExtensionsAfter(ProfileInstallationResultData.Tag, SignatureTag);
        return new ProfileInstallationResult(data, sig) { ProfileInstallationResultDataRaw = dataElement.Encoded, Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            if (ProfileInstallationResultDataRaw.IsEmpty)
            {
                ProfileInstallationResultData.Write(w);
            }
            else
            {
                w.WriteEncodedValue(ProfileInstallationResultDataRaw.Span);
            }
            w.WriteOctetString(EuiccSignPIR, SignatureTag);
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
