using System.Formats.Asn1;
using System.Reflection;

namespace Conformance.Rsp.Asn1.Printing;

/// <summary>One decodable top-level message type: its name, outer tag and strict decoder.</summary>
public sealed record MessageType(string Name, Asn1Tag Tag, Func<ReadOnlyMemory<byte>, object> Decode);

/// <summary>
/// Every SGP.22 message type of this assembly, found through <see cref="IAsn1Message{TSelf}"/>, indexed by
/// outer tag. Requests and responses share tags (BF38 is AuthenticateServerRequest and Response), so a
/// tag maps to several candidates.
/// </summary>
public static class MessageCatalog
{
    private static readonly Lazy<IReadOnlyList<MessageType>> AllTypes = new(Discover);

    public static IReadOnlyList<MessageType> All => AllTypes.Value;

    public static IEnumerable<MessageType> ForTag(Asn1Tag tag) => All.Where(m => m.Tag == tag);

    private static IReadOnlyList<MessageType> Discover()
    {
        var list = new List<MessageType>();
        foreach (Type t in typeof(MessageCatalog).Assembly.GetTypes())
        {
            Type? iface = t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsn1Message<>));
            if (iface is null || t.IsAbstract)
            {
                continue;
            }
            var tagProp = t.GetProperty("Tag", BindingFlags.Public | BindingFlags.Static);
            var decode = t.GetMethod("Decode", BindingFlags.Public | BindingFlags.Static, [typeof(ReadOnlyMemory<byte>)]);
            if (tagProp?.GetValue(null) is not Asn1Tag tag || decode is null)
            {
                continue;
            }
            list.Add(new MessageType(t.Name, tag, der => Invoke(decode, der)));
        }
        return list.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    private static object Invoke(MethodInfo decode, ReadOnlyMemory<byte> der)
    {
        try
        {
            return decode.Invoke(null, [der])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
