using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es8;

internal static partial class Es8Commands
{
    /// <summary>
    /// ES8+.ReplaceSessionKeys (§5.5.4), the '87' of secondSequenceOf87: the PPKs (16-byte PPK-ENC, PPK-MAC and
    /// initial MCV) replace the session keys for the '86' segments, with a new counter and MAC chain.
    /// </summary>
    public static ISegmentProtection ReplaceSessionKeys(ISegmentProtection bsp, ReadOnlySpan<byte> segment)
    {
        const BppCommandId Command = BppCommandId.replaceSessionKeys;
        byte[] plain;
        try
        {
            plain = bsp.VerifyAndDecrypt(BspTags.Encrypted87, segment);
        }
        catch (BspException e)
        {
            throw BspFailure(Command, e);
        }
        try
        {
            ReplaceSessionKeysRequest request = ReplaceSessionKeysRequest.Decode(plain);
            var keys = new SessionKeys(request.PpkEnc, request.PpkCmac, request.InitialMacChainingValue);
            ISegmentProtection replaced = bsp.Replace(keys);
            bsp.Dispose();
            return replaced;
        }
        catch (Exception e) when (e is Asn1DecodeException or ArgumentException)
        {
            throw new InstallationFailure(Command, ErrorReason.incorrectInputValues, e.Message);
        }
    }
}
