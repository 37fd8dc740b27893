using System.Security.Cryptography;
using System.Text;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Es2Plus;

/// <summary>
/// The ES2+ functions of the SM-DP+ (SGP.22 v2.5 §5.3.1–§5.3.4) against the store. Each function runs
/// in one store transaction, so concurrent operators never see half an order.
/// </summary>
public sealed partial class Es2PlusFunctions(SmdpStore store, SmdpOptions options, TimeProvider time, Es12.Es12Client? es12 = null)
{
    private static RspResult Fail(StatusCode code, string message) => RspResult.Fail(code, message);

    /// <summary>The hash kept for a confirmation code: SHA-256 over its UTF-8 bytes, the inner hash of hashCC (SGP.22 §5.6.3).</summary>
    public static byte[] HashConfirmationCode(string confirmationCode) => SHA256.HashData(Encoding.UTF8.GetBytes(confirmationCode));

    /// <summary>A new MatchingID: four groups of five characters from 0-9 A-Z, as Activation Codes carry them.</summary>
    internal static string NewMatchingId()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var sb = new StringBuilder(23);
        for (int i = 0; i < 20; i++)
        {
            if (i > 0 && i % 5 == 0)
            {
                sb.Append('-');
            }

            sb.Append(alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        }

        return sb.ToString();
    }
}
