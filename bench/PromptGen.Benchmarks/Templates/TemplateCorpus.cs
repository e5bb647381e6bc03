namespace PromptGen.Benchmarks.Templates;

/// <summary>Template texts shared by the generated client and the Scriban runtime path, so both render the same thing.</summary>
internal static class TemplateCorpus
{
    public const string Small = "Summarize this {{ product }} ticket in one sentence: {{ ticket.title }}. Tags: {{ ticket.tags | array.join \", \" }}";

    public const string LoopHeavy = """
        Order {{ order.id }} for {{ order.customer | string.upcase }}:
        {{ for line in order.lines }}- {{ line.quantity }} x {{ line.name }} ({{ line.sku | string.downcase }}) at {{ line.unit_price }}
        {{ end }}{{ order.lines | array.size }} lines in total.
        """;

    public const string LargeSystem = """
        You are a senior support agent for {{ product }}. You answer in {{ language }}, politely and precisely.
        Never invent order data: use only what the prompt shows. If something is missing, say so.
        Keep answers under 150 words. Use plain text, no Markdown headings.
        """;

    public const string Large = """
        A customer wrote about {{ product }}.

        Subject: {{ ticket.title }}
        Message:
        {{ ticket.body }}

        {{ if ticket.tags.size > 0 }}Tags: {{ ticket.tags | array.join ", " }}{{ else }}No tags.{{ end }}

        Their most recent order is {{ order.id }}, placed by {{ order.customer }}.
        {{ for line in order.lines }}
        * {{ line.name }} — SKU {{ line.sku }}, quantity {{ line.quantity }}, unit price {{ line.unit_price }}
        {{ end }}

        Guidelines:
        1. Acknowledge the problem in the customer's own words.
        2. Check whether the order lines explain the problem; quote the SKU when they do.
        3. Offer one concrete next step. Do not promise refunds; a human decides those.
        4. {{ if order.lines.size > 3 }}The order is large: offer to split any replacement shipment.{{ else }}Offer a replacement for the affected item.{{ end }}
        5. Close with a short, friendly sentence in {{ language }}.

        Write the reply now.
        """;
}
