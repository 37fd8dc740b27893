using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// Reading the tagged CHOICEs of the ES9+/ES10b v2.5 messages: the CHOICE tag is explicit around the chosen
/// alternative (SGP.22 v2.5 §5.6, §5.7, §6.6). An unknown alternative fails naming the tags expected.
/// </summary>
internal static class ChoiceIo
{
    private static readonly Asn1Tag OkTag = Tags.CtxC(0);

    /// <summary>
    /// <c>[n] CHOICE { xxxOk [0] ..., xxxError [1] ... }</c>: <c>A0</c> read by <paramref name="ok"/>,
    /// <paramref name="errorTag"/> (<c>81</c> INTEGER or <c>A1</c> SEQUENCE) read by <paramref name="error"/>.
    /// </summary>
    public static T ReadOkOrError<T>(
        DerReader r, Asn1Tag tag, string field, string typeName,
        string okName, Func<DerReader, T> ok, string errorName, Asn1Tag errorTag, Func<DerReader, T> error)
    {
        DerReader s = r.ReadConstructed(tag, field, typeName);
        Asn1Tag t = s.PeekTag($"{okName} or {errorName}");
        T result;
        if (t == OkTag)
        {
            result = ok(s);
        }
        else if (t == errorTag)
        {
            result = error(s);
        }
        else
        {
            throw s.Error($"unknown alternative {Tags.Hex(t)}, expected A0 ({okName}) or {Tags.Hex(errorTag)} ({errorName})");
        }
        s.End();
        return result;
    }

    /// <summary>
    /// A CHOICE whose alternatives are context-specific constructed messages (<c>BFxx</c>):
    /// <paramref name="read"/> maps the tag number to the record, or null when it is not an alternative.
    /// </summary>
    public static T ReadByTagNumber<T>(DerReader r, Asn1Tag tag, string field, string typeName, string expected, Func<int, DerReader, T?> read)
        where T : class
    {
        DerReader s = r.ReadConstructed(tag, field, typeName);
        Asn1Tag t = s.PeekTag(field + " alternative");
        T? result = t.TagClass == TagClass.ContextSpecific && t.IsConstructed ? read(t.TagValue, s) : null;
        if (result is null)
        {
            throw s.Error($"unknown alternative {Tags.Hex(t)}, expected {expected}");
        }
        s.End();
        return result;
    }
}
