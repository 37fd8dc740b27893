using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// The shape shared by the ES10 responses <c>[n] CHOICE { xxxOk ..., xxxError INTEGER {...} }</c>
/// (ProfileInfoListResponse, ListNotificationResponse, RetrieveNotificationsListResponse, LoadCRLResponse):
/// the tagged CHOICE is explicit and AUTOMATIC TAGS gives the alternatives <c>[0]</c> (<c>A0</c>, constructed)
/// and <c>[1]</c> (<c>81</c>, the INTEGER). Exactly one is set.
/// </summary>
internal static class ListOrErrorIo
{
    public static readonly Asn1Tag OkTag = Tags.CtxC(0);

    public static readonly Asn1Tag ErrorTag = Tags.Ctx(1);

    /// <summary>Reads the CHOICE: <paramref name="ok"/> reads the <c>A0</c> alternative, <paramref name="error"/> maps the <c>81</c> INTEGER.</summary>
    public static T Read<T>(DerReader r, Asn1Tag tag, string typeName, Func<DerReader, T> ok, string errorField, Func<int, T> error)
    {
        DerReader s = r.ReadConstructed(tag, typeName, typeName);
        T result;
        if (s.IsNext(OkTag))
        {
            result = ok(s);
        }
        else if (s.IsNext(ErrorTag))
        {
            result = error(s.ReadInt32(ErrorTag, errorField));
        }
        else
        {
            throw s.UnknownAlternative(typeName);
        }
        s.End();
        return result;
    }

    /// <summary>Reads the <c>A0</c> alternative when it is a <c>SEQUENCE OF</c>: every element until the end.</summary>
    public static IReadOnlyList<TItem> ReadList<TItem>(DerReader s, string field, Func<DerReader, TItem> readItem)
    {
        DerReader list = s.ReadConstructed(OkTag, field);
        var items = new List<TItem>();
        while (list.HasData)
        {
            items.Add(readItem(list));
        }
        return items;
    }

    /// <summary>Writes the CHOICE: the <c>A0</c> alternative when <paramref name="writeOk"/> is set, else the <c>81</c> INTEGER.</summary>
    public static void Write(AsnWriter w, Asn1Tag tag, Action<AsnWriter>? writeOk, int? error)
    {
        using (w.PushSequence(tag))
        {
            if (writeOk is not null)
            {
                writeOk(w);
            }
            else
            {
                w.WriteInteger(error!.Value, ErrorTag);
            }
        }
    }

    /// <summary>The writer of a <c>SEQUENCE OF</c> <c>A0</c> alternative, or null when <paramref name="items"/> is absent.</summary>
    public static Action<AsnWriter>? List<TItem>(IReadOnlyList<TItem>? items, Action<AsnWriter, TItem> writeItem) =>
        items is null
            ? null
            : w =>
            {
                using (w.PushSequence(OkTag))
                {
                    foreach (TItem item in items)
                    {
                        writeItem(w, item);
                    }
                }
            };
}
