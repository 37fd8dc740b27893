using System.Text;

namespace Conformance.Steps.Support;

/// <summary>
/// A Cucumber tag expression ("@smdp and not (@negative or @brp)"), evaluated against a scenario's tags
/// and translated into a dotnet test filter over the NUnit categories Reqnroll generates from tags.
/// Grammar: or-expr := and-expr ("or" and-expr)*; and-expr := unary ("and" unary)*;
/// unary := "not" unary | "(" or-expr ")" | @tag.
/// </summary>
public abstract record TagExpression
{
    public sealed record Tag(string Name) : TagExpression;
    public sealed record Not(TagExpression Operand) : TagExpression;
    public sealed record And(TagExpression Left, TagExpression Right) : TagExpression;
    public sealed record Or(TagExpression Left, TagExpression Right) : TagExpression;

    /// <exception cref="FormatException">Not a tag expression; the message says where.</exception>
    public static TagExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(Tokenize(text));
        TagExpression e = parser.OrExpr();
        return parser.AtEnd ? e : throw new FormatException($"unexpected '{parser.Peek}'");
    }

    /// <summary>True when a scenario with these tags (with or without '@') is selected.</summary>
    public bool Matches(IEnumerable<string> tags)
    {
        var set = tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal);
        return Eval(this, set);
    }

    /// <summary>The dotnet test (VSTest) filter: negations pushed down to tags (De Morgan), tags as Category.</summary>
    public string ToTestFilter() => Filter(this, negate: false);

    private static bool Eval(TagExpression e, HashSet<string> tags) => e switch
    {
        Tag t => tags.Contains(t.Name),
        Not n => !Eval(n.Operand, tags),
        And a => Eval(a.Left, tags) && Eval(a.Right, tags),
        Or o => Eval(o.Left, tags) || Eval(o.Right, tags),
        _ => throw new InvalidOperationException(),
    };

    private static string Filter(TagExpression e, bool negate) => e switch
    {
        Tag t => $"Category{(negate ? "!=" : "=")}{EscapeFilterValue(t.Name)}",
        Not n => Filter(n.Operand, !negate),
        And a => $"({Filter(a.Left, negate)}{(negate ? "|" : "&")}{Filter(a.Right, negate)})",
        Or o => $"({Filter(o.Left, negate)}{(negate ? "&" : "|")}{Filter(o.Right, negate)})",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>VSTest filter values escape \ ( ) &amp; | = ! ~ with a backslash.</summary>
    public static string EscapeFilterValue(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')')
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens.Count > 0 ? tokens : throw new FormatException("empty tag expression");
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;
        public string Peek => AtEnd ? "end of expression" : tokens[_at];

        public TagExpression OrExpr()
        {
            TagExpression left = AndExpr();
            while (Accept("or"))
            {
                left = new Or(left, AndExpr());
            }

            return left;
        }

        private TagExpression AndExpr()
        {
            TagExpression left = Unary();
            while (Accept("and"))
            {
                left = new And(left, Unary());
            }

            return left;
        }

        private TagExpression Unary()
        {
            if (Accept("not"))
            {
                return new Not(Unary());
            }

            if (Accept("("))
            {
                TagExpression inner = OrExpr();
                return Accept(")") ? inner : throw new FormatException($"expected ')' but found '{Peek}'");
            }

            string token = Peek;
            if (AtEnd || !token.StartsWith('@') || token.Length == 1)
            {
                throw new FormatException($"expected a @tag, 'not' or '(' but found '{token}'");
            }

            _at++;
            return new Tag(token[1..]);
        }

        private bool Accept(string token)
        {
            if (!AtEnd && tokens[_at] == token)
            {
                _at++;
                return true;
            }

            return false;
        }
    }
}
