using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es8;

internal static partial class Es8Commands
{
    /// <summary>
    /// ES8+.ConfigureISDP (§5.5.2), the encrypted '87' of firstSequenceOf87: decrypted and decoded
    /// (incorrectInputValues when it is no ConfigureISDPRequest); returns dpOid of dpProprietaryData, if any.
    /// The ISD-P itself is created with the metadata (StoreMetadata), when its ICCID is known.
    /// </summary>
    public static string? ConfigureIsdp(ISegmentProtection bsp, ReadOnlySpan<byte> segment)
    {
        byte[] plain;
        try
        {
            plain = bsp.VerifyAndDecrypt(BspTags.Encrypted87, segment);
        }
        catch (BspException e)
        {
            throw BspFailure(BppCommandId.configureISDP, e);
        }
        try
        {
            return ConfigureISDPRequest.Decode(plain).DpProprietaryData?.DpOid;
        }
        catch (Asn1DecodeException e)
        {
            throw new InstallationFailure(BppCommandId.configureISDP, ErrorReason.incorrectInputValues, e.Message);
        }
    }
}
