using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// A SEQUENCE that SGP.22 signs by its DER encoding (serverSigned1, euiccSigned1, smdpSigned2, euiccSigned2,
/// euiccCancelSessionSigned; SGP.22 v2.5 §5.6, §5.7). The decoder keeps the bytes exactly as received in
/// <see cref="Raw"/>, because the signature covers those bytes, not the values.
/// </summary>
public abstract record SignedDerPart
{
    private protected SignedDerPart()
    {
    }

    /// <summary>
    /// The copy a <c>with</c> expression makes: deliberately leaves <see cref="Raw"/> empty, so a changed copy
    /// re-encodes from its fields instead of re-emitting the bytes of the original.
    /// </summary>
    protected SignedDerPart(SignedDerPart original) => ArgumentNullException.ThrowIfNull(original);

    /// <summary>
    /// The DER exactly as received (empty when built in code). A <c>with</c> copy drops it, so a changed
    /// copy re-encodes from its fields. <see cref="Write"/> emits these bytes when present.
    /// </summary>
    [DerRaw]
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>The bytes the signature covers: <see cref="Raw"/> when decoded, else the encoding.</summary>
    public ReadOnlyMemory<byte> SignedData => Raw.IsEmpty ? Encode() : Raw;

    /// <summary>
    /// Writes the SEQUENCE: <see cref="Raw"/> unchanged when present and no other tag is asked for,
    /// else encoded from the fields under <paramref name="tag"/> (default SEQUENCE).
    /// </summary>
    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        if (!Raw.IsEmpty && tag is null)
        {
            w.WriteEncodedValue(Raw.Span);
            return;
        }
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            WriteFields(w);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));

    /// <summary>Writes the components (extensions last) inside the SEQUENCE <see cref="Write"/> has opened.</summary>
    private protected abstract void WriteFields(AsnWriter w);

    /// <summary>Opens the SEQUENCE of a signed part, handing back its whole TLV for <see cref="Raw"/>.</summary>
    private protected static DerReader Open(DerReader r, Asn1Tag? tag, string field, string typeName, out ReadOnlyMemory<byte> raw)
    {
        DerReader s = r.ReadConstructedRaw(tag ?? Tags.Sequence, field, typeName, out Asn1Element e);
        raw = e.Encoded;
        return s;
    }
}
