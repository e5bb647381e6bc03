namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>
/// Templates covering each construct the compiler handles (and some it does not), with argument sets including
/// nulls, empty lists and culture-sensitive values. Methods whose name ends in "Fallback" must stay on Scriban;
/// every other one must compile. <c>Corpus.Cases.All</c> lists the calls to compare.
/// </summary>
internal static class RichTemplateCorpus
{
    public const string Source = """"
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Corpus;

        public enum Priority { Low, High, VeryHigh }

        [Flags]
        public enum Channels { None = 0, Email = 1, Phone = 2 }

        public sealed record Address(string City, string? Street);

        public sealed record Customer(
            string Name, Address Address, int Age, bool Vip, decimal Balance, double Score, DateTime Since,
            DateTimeOffset LastSeen, Priority Priority, Channels Channels, IReadOnlyList<string> Tags, int? Discount,
            Guid Id, TimeSpan Wait, char Initial, float Ratio, long Big, bool? Verified);

        public sealed record Line(string Sku, int Quantity, decimal UnitPrice, IReadOnlyList<string> Options);

        public sealed record Order(string Id, Customer Customer, IReadOnlyList<Line> Lines, Line[] Returns, List<int> Scores, IEnumerable<string> Notes, DateTime? ShippedOn);

        public class Base
        {
            public string Kind { get; set; } = "base";
            public int Field = 7;
            public string WriteOnly { set { } }
            public static string Static => "static";
        }

        public sealed class Derived : Base
        {
            public string Extra { get; init; } = "extra";
            public string HTTPStatusCode { get; init; } = "ok";
        }

        [PromptClient(Model = "amazon.nova-micro-v1:0")]
        public partial interface ICorpus
        {
            [Prompt("Just text. {{ \"literal\" }} {{ 42 }} {{ true }} {{ false }}")]
            Task<string> TextOnlyAsync(CancellationToken cancellationToken = default);

            [Prompt("{{ name }}|{{ count }}|{{ big }}|{{ ratio }}|{{ price }}|{{ score }}|{{ flag }}|{{ moment }}|{{ offset }}|{{ id }}|{{ wait }}|{{ initial }}|{{ priority }}|{{ channels }}|{{ maybe }}|{{ maybeDate }}")]
            Task<string> ScalarsAsync(string? name, int count, long big, float ratio, decimal price, double score, bool flag, DateTime moment, DateTimeOffset offset, Guid id, TimeSpan wait, char initial, Priority priority, Channels channels, int? maybe, DateTime? maybeDate);

            [SystemPrompt("You help {{ customer.name }} ({{ customer.priority }}).")]
            [Prompt("{{ customer.name }} from {{ customer.address.city }} ({{ customer.address.street }}), age {{ customer.age }}, vip {{ customer.vip }}, balance {{ customer.balance }}, score {{ customer.score }}, since {{ customer.since }}, last {{ customer.last_seen }}, {{ customer.priority }}/{{ customer.channels }}, discount {{ customer.discount }}, id {{ customer.id }}, wait {{ customer.wait }}, {{ customer.initial }} {{ customer.ratio }} {{ customer.big }}")]
            Task<string> MembersAsync(Customer customer);

            [Prompt("""
                {{ for line in order.lines }}{{ line.sku }} x{{ line.quantity }} @ {{ line.unit_price }}{{ for o in line.options }}[{{ o }}]{{ end }}
                {{ end }}{{ for r in order.returns }}R:{{ r.sku }} {{ end }}{{ for s in order.scores }}{{ s }},{{ end }}{{ for n in order.notes }}{{ n }};{{ end }}
                """)]
            Task<string> LoopsAsync(Order order);

            [Prompt("""{{ if customer.vip }}VIP{{ else if customer.age > 65 }}Senior{{ else if customer.age >= 18 && customer.name != "" }}Adult{{ else }}Other{{ end }} {{ if customer.address.street }}street{{ end }}{{ if customer.discount }}disc{{ end }}{{ if !customer.vip || customer.tags.size == 0 }}!{{ end }}{{ if order.shipped_on == null }}unshipped{{ else }}shipped{{ end }}{{ if customer.name == "Zoë" }}Z{{ end }}{{ if customer.score < 0.5 }}low{{ end }}{{ if customer.balance <= 10 }}poor{{ end }}{{ if customer.verified }}verified{{ end }}{{ if (customer.age > 1 || customer.vip) && !(customer.age == 40) }}paren{{ end }}{{ if customer.address != null }}addr{{ end }}""")]
            Task<string> ConditionsAsync(Customer customer, Order order);

            [Prompt("""{{ customer.name | string.upcase }} {{ customer.name | string.downcase }} {{ customer.tags | array.join ", " }} {{ customer.tags | array.size }} {{ customer.tags.size }} {{ customer.name.size }} {{ customer.name | string.size }} {{ order.scores | array.join "-" }} {{ order.notes | array.size }} {{ customer.balance | math.format "N2" }} {{ customer.score | math.format "F3" }} {{ customer.age | math.format "D4" }} {{ customer.since | date.to_string "%Y-%m-%d %H:%M:%S" }} {{ customer.since | date.to_string "%d %B %Y (%A, %a %b) %y %I%%" }} {{ customer.name | string.downcase | string.upcase }}""")]
            Task<string> FiltersAsync(Customer customer, Order order);

            [Prompt("Line1\n  {{~ customer.name ~}}  \nLine2 {{- customer.age -}} end\n{{ for t in customer.tags ~}}\n- {{ t }}\n{{~ end }}\n{{ if customer.vip -}}\n  yes\n{{- end }}")]
            Task<string> WhitespaceAsync(Customer customer);

            [Prompt("{{ for name in names }}<{{ name }}>{{ end }}{{ name }} {{ for class in names }}{{ class }}{{ end }} {{ for x in names }}{{ for x in names }}{{ x }}{{ end }}{{ x }}{{ end }}")]
            Task<string> ShadowingAsync(string name, IReadOnlyList<string> names);

            [Prompt("{{ item.kind }} {{ item.field }} {{ item.extra }} {{ item.httpstatus_code }}")]
            Task<string> InheritanceAsync(Derived item);

            [Prompt("Braces: {%{ {{ not a tag }} }%} \"quotes\" \\ backslash \t tab ünicode 日本 {{ text }}")]
            Task<string> EscapesAsync(string text);

            [Prompt("{{ customer.age > 30 }} {{ customer.vip }} {{ !customer.vip }} {{ customer.name == \"Ann\" }}")]
            Task<string> BooleanOutputAsync(Customer customer);

            [Prompt("{{ lines.size }}: {{ for l in lines }}{{ l.sku }}={{ l.options | array.join \"+\" }} {{ end }}{{ values | array.join \" \" }} {{ flags | array.join \",\" }} {{ dates | array.join \"; \" }}")]
            Task<string> CollectionsAsync(IReadOnlyList<Line> lines, double[] values, List<bool> flags, DateTime[] dates);

            [Prompt("{{ customer.name | string.truncate 3 }}")]
            Task<string> TruncateFallbackAsync(Customer customer);

            [Prompt("{{ for line in order.lines limit:1 }}{{ line.sku }}{{ end }}")]
            Task<string> ForLimitFallbackAsync(Order order);

            [Prompt("{{ customer.age + 1 }}")]
            Task<string> ArithmeticFallbackAsync(Customer customer);

            [Prompt("{{ customer.address }}")]
            Task<string> ObjectOutputFallbackAsync(Customer customer);

            [Prompt("{{ customer.tags }}")]
            Task<string> ListOutputFallbackAsync(Customer customer);

            [Prompt("{{ for t in customer.tags }}{{ for.index }}{{ t }}{{ end }}")]
            Task<string> LoopIndexFallbackAsync(Customer customer);

            [Prompt("{{ x = 1 }}{{ x }}")]
            Task<string> AssignmentFallbackAsync(Customer customer);

            [Prompt("{{ value }}")]
            Task<string> ObjectParameterFallbackAsync(object value);
        }

        public static class Cases
        {
            private static readonly DateTime Since = new(2024, 2, 9, 17, 5, 3, DateTimeKind.Utc);

            public static Customer Customer(string name = "Zoë", bool vip = false, int age = 40, string? street = "Hauptstraße 1", int? discount = 15, IReadOnlyList<string>? tags = null, bool? verified = true) => new(
                name, new Address("München", street), age, vip, 1234567.891m, 0.1 + 0.2, Since,
                new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5)), Priority.VeryHigh, Channels.Email | Channels.Phone,
                tags ?? new[] { "billing", "urgent", "Ärger" }, discount, new Guid("8f2b4c1e-1111-4a2b-9c3d-0123456789ab"),
                TimeSpan.FromMinutes(95.5), 'ß', 1.5f, -9_007_199_254_740_993L, verified);

            public static Order Order(Customer customer, bool shipped = false, bool empty = false) => new(
                "ORD-1", customer,
                empty ? Array.Empty<Line>() : new[] { new Line("SKU-1", 2, 9.990m, new[] { "gift", "red" }), new Line("sku-ß", 1, 1e6m, Array.Empty<string>()) },
                empty ? Array.Empty<Line>() : new[] { new Line("RET-1", 1, 0.5m, Array.Empty<string>()) },
                empty ? new List<int>() : new List<int> { 3, -1, 1000000 },
                empty ? Array.Empty<string>() : new[] { "fragile", "left at door" },
                shipped ? Since.AddDays(3) : null);

            public static IEnumerable<(string Method, object?[] Arguments)> All()
            {
                Customer zoe = Customer();
                Customer ann = Customer(name: "Ann", vip: true, age: 70, street: null, discount: null, tags: Array.Empty<string>(), verified: null);
                Customer kid = Customer(name: "", age: 9, verified: false);
                Customer noName = Customer(name: null!);
                Customer noTags = Customer(tags: null!) with { Tags = null! };
                Customer noAddress = Customer() with { Address = null! };

                yield return ("TextOnlyAsync", new object?[] { default(CancellationToken) });
                yield return ("ScalarsAsync", new object?[] { "Zoë", 1234567, long.MinValue, 1.25f, 9.990m, 1234.5678, true, Since, new DateTimeOffset(Since), Guid.Empty, TimeSpan.FromHours(26), 'x', Priority.High, Channels.None, 5, Since });
                yield return ("ScalarsAsync", new object?[] { null, -1, 0L, float.NaN, 0m, double.PositiveInfinity, false, DateTime.MinValue, DateTimeOffset.MaxValue, Guid.Empty, TimeSpan.Zero, '\0', (Priority)42, (Channels)3, null, null });
                yield return ("ScalarsAsync", new object?[] { "", int.MaxValue, long.MaxValue, 1e-7f, -79228162514264337593543950335m, 1e21, true, new DateTime(2026, 1, 2), DateTimeOffset.MinValue, Guid.NewGuid(), TimeSpan.FromTicks(1), 'ä', Priority.Low, Channels.Phone, 0, new DateTime(1999, 12, 31, 23, 0, 0) });
                foreach (Customer customer in new[] { zoe, ann, kid, noName, noAddress })
                {
                    yield return ("MembersAsync", new object?[] { customer });
                    yield return ("ConditionsAsync", new object?[] { customer, Order(customer) });
                    yield return ("BooleanOutputAsync", new object?[] { customer });
                    yield return ("WhitespaceAsync", new object?[] { customer });
                }

                yield return ("MembersAsync", new object?[] { null });
                yield return ("ConditionsAsync", new object?[] { zoe, Order(zoe, shipped: true) });
                yield return ("ConditionsAsync", new object?[] { null, Order(zoe) });
                yield return ("LoopsAsync", new object?[] { Order(zoe) });
                yield return ("LoopsAsync", new object?[] { Order(zoe, empty: true) });
                yield return ("LoopsAsync", new object?[] { Order(zoe) with { Lines = null!, Returns = null!, Scores = null!, Notes = null! } });
                yield return ("LoopsAsync", new object?[] { null });
                yield return ("FiltersAsync", new object?[] { zoe, Order(zoe) });
                yield return ("FiltersAsync", new object?[] { ann, Order(ann, empty: true) });
                yield return ("FiltersAsync", new object?[] { Customer(name: "İSTANBUL straße"), Order(zoe) with { Scores = null!, Notes = null! } });
                yield return ("FiltersAsync", new object?[] { noTags, Order(zoe) });
                yield return ("FiltersAsync", new object?[] { noName, Order(zoe) });
                yield return ("WhitespaceAsync", new object?[] { ann });
                yield return ("ShadowingAsync", new object?[] { "outer", new[] { "a", "b" } });
                yield return ("ShadowingAsync", new object?[] { null, Array.Empty<string>() });
                yield return ("ShadowingAsync", new object?[] { "outer", null });
                yield return ("InheritanceAsync", new object?[] { new Derived { Kind = "derived", Field = -3 } });
                yield return ("InheritanceAsync", new object?[] { null });
                yield return ("EscapesAsync", new object?[] { "a {{ b }} c" });
                yield return ("EscapesAsync", new object?[] { null });
                yield return ("CollectionsAsync", new object?[] { Order(zoe).Lines, new[] { 1.5, -0.25, 1e300 }, new List<bool> { true, false }, new[] { Since, DateTime.MaxValue } });
                yield return ("CollectionsAsync", new object?[] { Array.Empty<Line>(), Array.Empty<double>(), new List<bool>(), Array.Empty<DateTime>() });
                yield return ("CollectionsAsync", new object?[] { null, null, null, null });
                foreach (string fallback in new[] { "TruncateFallbackAsync", "ArithmeticFallbackAsync", "ObjectOutputFallbackAsync", "ListOutputFallbackAsync", "LoopIndexFallbackAsync", "AssignmentFallbackAsync" })
                {
                    yield return (fallback, new object?[] { zoe });
                }

                yield return ("ForLimitFallbackAsync", new object?[] { Order(zoe) });
                yield return ("ObjectParameterFallbackAsync", new object?[] { 1234.5 });
            }
        }
        """";
}
