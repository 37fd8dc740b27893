using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Org.BouncyCastle.X509;

namespace Conformance.Rsp.Asn1.Printing;

/// <summary>
/// Pretty-prints a decoded SGP.22 record: the spec's field names (property names with a lower-case first
/// letter), nested records indented, byte strings in hex, enums by name and value, certificates summarised,
/// unknown extensions shown with their tag rather than dropped. Properties marked <see cref="DerRawAttribute"/>
/// (kept raw DER of signed parts) are not printed twice.
/// </summary>
public static class MessagePrinter
{
    public static string Print(object message)
    {
        var sb = new StringBuilder();
        sb.AppendLine(message.GetType().Name);
        AppendFields(sb, message, 1);
        return sb.ToString();
    }

    private static void AppendFields(StringBuilder sb, object value, int indent)
    {
        foreach (PropertyInfo p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.Name == "EqualityContract" || p.IsDefined(typeof(DerRawAttribute)))
            {
                continue;
            }
            object? v = p.GetValue(value);
            if (v is null || (v is ICollection { Count: 0 } && p.Name == "Extensions"))
            {
                continue;
            }
            AppendValue(sb, FieldName(p.Name), v, indent);
        }
    }

    private static void AppendValue(StringBuilder sb, string name, object v, int indent)
    {
        string pad = new(' ', indent * 2);
        switch (v)
        {
            case byte[] bytes:
                AppendBytes(sb, pad, name, bytes);
                return;
            case ReadOnlyMemory<byte> mem:
                AppendBytes(sb, pad, name, mem.ToArray());
                return;
            case Asn1Element e:
                sb.Append(pad).Append(name).Append(": unknown tag ").Append(Tags.Hex(e.Tag))
                  .Append(CultureInfo.InvariantCulture, $" ({e.Content.Length} bytes)").AppendLine();
                sb.Append(TlvPrinter.Print(e.Encoded, indent + 1));
                return;
            case string s:
                sb.Append(pad).Append(name).Append(": \"").Append(s).AppendLine("\"");
                return;
            case Enum en:
                sb.Append(pad).Append(name).Append(": ").Append(en.ToString())
                  .Append(" (").Append(Convert.ToInt64(en, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).AppendLine(")");
                return;
            case bool or int or long or uint or ulong or short or byte or System.Numerics.BigInteger:
                sb.Append(pad).Append(name).Append(": ").AppendLine(Convert.ToString(v, CultureInfo.InvariantCulture));
                return;
            case IEnumerable list:
                int i = 0;
                var items = list.Cast<object?>().ToList();
                sb.Append(pad).Append(name).Append(CultureInfo.InvariantCulture, $": {items.Count} item(s)").AppendLine();
                foreach (object? item in items)
                {
                    if (item is not null)
                    {
                        AppendValue(sb, $"[{i}]", item, indent + 1);
                    }
                    i++;
                }
                return;
        }
        if (v is IAsn1Scalar)
        {
            sb.Append(pad).Append(name).Append(": ").AppendLine(Convert.ToString(v, CultureInfo.InvariantCulture));
            return;
        }
        sb.Append(pad).Append(name).Append(": ").AppendLine(v.GetType().Name);
        AppendFields(sb, v, indent + 1);
    }

    private static void AppendBytes(StringBuilder sb, string pad, string name, byte[] bytes)
    {
        sb.Append(pad).Append(name).Append(CultureInfo.InvariantCulture, $" ({bytes.Length} bytes): ").AppendLine(Convert.ToHexString(bytes));
        if (name.Contains("ertificate", StringComparison.Ordinal) && bytes.Length > 0 && bytes[0] == 0x30)
        {
            string? summary = CertificateSummary(bytes);
            if (summary is not null)
            {
                sb.Append(pad).Append("  = ").AppendLine(summary);
            }
        }
    }

    /// <summary>One line about an X.509 certificate: subject, issuer, serial, validity.</summary>
    public static string? CertificateSummary(byte[] der)
    {
        try
        {
            X509Certificate c = new X509CertificateParser().ReadCertificate(der);
            if (c is null)
            {
                return null;
            }
            return string.Create(CultureInfo.InvariantCulture,
                $"X.509 subject \"{c.SubjectDN}\", issuer \"{c.IssuerDN}\", serial {c.SerialNumber.ToString(16)}, valid {c.NotBefore:yyyy-MM-dd} to {c.NotAfter:yyyy-MM-dd}");
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException or IOException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The spec's field name for a property: <c>EuiccSigned1</c> is <c>euiccSigned1</c>.</summary>
    public static string FieldName(string property) =>
        property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
