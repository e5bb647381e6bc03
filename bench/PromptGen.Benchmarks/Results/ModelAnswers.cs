using System.Globalization;
using System.Text;

namespace PromptGen.Benchmarks.Results;

/// <summary>Answers as models write them: clean JSON, JSON in a Markdown fence with a sentence around it, a long list.</summary>
internal static class ModelAnswers
{
    public const string CleanTriage = """{"team":"Networking","urgency":"High","confidence":0.87,"nextSteps":["Collect router logs","Roll back firmware 2.3.1","Call the customer back within 4 hours"]}""";

    public const string FencedTriage = """
        Here is the triage you asked for:

        ```json
        {
          "team": "Networking",
          "urgency": "High",
          "confidence": 0.87,
          "nextSteps": ["Collect router logs", "Roll back firmware 2.3.1", "Call the customer back within 4 hours"]
        }
        ```

        Let me know if you need anything else.
        """;

    public static readonly string LargeCatalog = BuildCatalog(500);

    private static string BuildCatalog(int items)
    {
        var json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(CultureInfo.InvariantCulture, $"{{\"sku\":\"SKU-{i:D5}\",\"name\":\"Replacement part number {i}\",\"quantity\":{i % 17},\"price\":{9.99m + i},\"inStock\":{(i % 3 == 0 ? "false" : "true")},\"tags\":[\"spare\",\"batch-{i % 7}\"]}}");
        }

        return json.Append("]}").ToString();
    }

    /// <summary>What a hand-written client does before System.Text.Json can read a fenced answer: take the fence's body.</summary>
    public static string StripFence(string text)
    {
        int open = text.IndexOf("```", System.StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        int bodyStart = text.IndexOf('\n', open) + 1;
        int close = text.IndexOf("```", bodyStart, System.StringComparison.Ordinal);
        return close < 0 ? text[bodyStart..] : text[bodyStart..close];
    }
}
