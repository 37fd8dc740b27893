using System.Globalization;
using System.Security.Cryptography;
using Conformance.Rsp.Pki;

namespace Conformance.Steps.Support;

/// <summary>Well-formed identifiers for scenarios: EIDs with valid check digits, ICCIDs with their Luhn digit, MatchingIDs.</summary>
public static class Identifiers
{
    /// <summary>The SGP.26 test eUICC (SGP.23 Annex A #EID1); the generated PKI's eUICC certificate carries it.</summary>
    public const string Eid1 = TestPkiOptions.Sgp26Eid;

    /// <summary>A second EID in the same EUM range, for "another eUICC" (check digits valid: EID mod 97 = 1).</summary>
    public static readonly string Eid2 = EidWithCheckDigits("890490321234512345123456789099");

    /// <summary>An ICCID that no inventory of the harness holds.</summary>
    public static readonly string UnknownIccid = IccidWithLuhn("899909999999999999");

    /// <summary>The ICCID of the reference inventory's profile number <paramref name="serial"/> in <paramref name="pool"/>.</summary>
    public static string InventoryIccid(int pool, int serial) =>
        IccidWithLuhn(string.Create(CultureInfo.InvariantCulture, $"89990{pool:0}{serial:000000000000}"));

    /// <summary>Appends the Luhn check digit (ITU-T E.118) to the ICCID body.</summary>
    public static string IccidWithLuhn(string body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            int d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Appends the two check digits of a 30-digit EID body (ISO 7064 mod 97-10, as SGP.29 defines them).</summary>
    public static string EidWithCheckDigits(string body)
    {
        var n = System.Numerics.BigInteger.Parse(body + "00", CultureInfo.InvariantCulture);
        int check = 98 - (int)(n % 97);
        return body + check.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A fresh MatchingID in Activation Code form: four groups of five from 0-9 A-Z, "CT" first (conformance test).</summary>
    public static string NewMatchingId()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Span<char> c = stackalloc char[20];
        c[0] = 'C';
        c[1] = 'T';
        for (int i = 2; i < c.Length; i++)
        {
            c[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"{c[..5]}-{c[5..10]}-{c[10..15]}-{c[15..]}";
    }
}
