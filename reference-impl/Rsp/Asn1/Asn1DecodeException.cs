namespace Conformance.Rsp.Asn1;

/// <summary>
/// A DER encoding that does not match the SGP.22 ASN.1 definition it was decoded as:
/// wrong tag, trailing bytes, a missing mandatory field, a bad length or a bad value.
/// Names the ASN.1 type being decoded and the absolute byte offset of the fault.
/// </summary>
public sealed class Asn1DecodeException : FormatException
{
    public Asn1DecodeException(string typeName, int offset, string problem, Exception? inner = null)
        : base($"{typeName}: {problem} at offset {offset}", inner)
    {
        TypeName = typeName;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The ASN.1 type (SGP.22 name) that was being decoded.</summary>
    public string TypeName { get; }

    /// <summary>Absolute offset, in bytes from the start of the outermost input, of the fault.</summary>
    public int Offset { get; }

    /// <summary>What was wrong, without the type and offset.</summary>
    public string Problem { get; }
}
