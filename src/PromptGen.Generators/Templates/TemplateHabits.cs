using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Scriban.Parsing;
using Scriban.Syntax;

namespace PromptGen.Generators.Templates;

/// <summary>What <see cref="TemplateHabits.Find"/> found: the habits, and the parameters they mention (which a template means to use).</summary>
internal sealed class TemplateHabitFindings
{
    public TemplateHabitFindings(IReadOnlyList<TemplateProblem> problems, IReadOnlyCollection<string> mentionedParameters, IReadOnlyCollection<string> definedNames)
    {
        Problems = problems;
        MentionedParameters = mentionedParameters;
        DefinedNames = definedNames;
    }

    public IReadOnlyList<TemplateProblem> Problems { get; }

    public IReadOnlyCollection<string> MentionedParameters { get; }

    /// <summary>
    /// Names a reported tag defines (<c>{% for item in items %}</c> defines <c>item</c>): once the tag is written in
    /// Scriban they are defined, so they are no unknown variables of their own.
    /// </summary>
    public IReadOnlyCollection<string> DefinedNames { get; }

    /// <summary>Whether template offsets [<paramref name="start"/>, <paramref name="end"/>) are inside a reported habit.</summary>
    public bool Covers(int start, int end) => Problems.Any(problem => start < problem.End && problem.Start < end);
}

/// <summary>
/// Habits from other template languages (PG0106): Liquid's and Jinja's filters, keywords, tags and comments, Mustache's
/// triple braces and the single braces of .NET and Python format strings. Scriban either sends them as text or fails
/// on them when it renders; each is reported with the Scriban way to write it, and most with an edit that does so.
/// The ones that stop Scriban reading the template are found by <see cref="TemplateDiagnosis"/>; the rest here, in
/// a template Scriban reads, against the names the method provides.
/// </summary>
internal static class TemplateHabits
{
    public const string Id = Diagnostics.DiagnosticIds.OtherTemplateLanguageSyntax;

    private const string Liquid = "a Liquid filter";
    private const string Jinja = "a Jinja filter";
    private const string LiquidAndJinja = "a Liquid and Jinja filter";

    /// <summary>Filter name → (Scriban function, what it is). An empty function means Scriban needs none.</summary>
    internal static readonly IReadOnlyDictionary<string, (string Function, string Kind)> Filters = new Dictionary<string, (string, string)>(System.StringComparer.Ordinal)
    {
        ["abs"] = ("math.abs", LiquidAndJinja),
        ["append"] = ("string.append", Liquid),
        ["capitalize"] = ("string.capitalize", LiquidAndJinja),
        ["ceil"] = ("math.ceil", Liquid),
        ["compact"] = ("array.compact", Liquid),
        ["concat"] = ("array.concat", Liquid),
        ["count"] = ("object.size", Jinja),
        ["d"] = ("object.default", Jinja),
        ["default"] = ("object.default", LiquidAndJinja),
        ["divided_by"] = ("math.divided_by", Liquid),
        ["downcase"] = ("string.downcase", Liquid),
        ["e"] = ("html.escape", Jinja),
        ["escape"] = ("html.escape", LiquidAndJinja),
        ["escape_once"] = ("html.escape", Liquid),
        ["first"] = ("array.first", LiquidAndJinja),
        ["float"] = ("string.to_float", Jinja),
        ["floor"] = ("math.floor", Liquid),
        ["int"] = ("string.to_int", Jinja),
        ["join"] = ("array.join", LiquidAndJinja),
        ["last"] = ("array.last", LiquidAndJinja),
        ["length"] = ("object.size", Jinja),
        ["lower"] = ("string.downcase", Jinja),
        ["lstrip"] = ("string.lstrip", Liquid),
        ["map"] = ("array.map", LiquidAndJinja),
        ["minus"] = ("math.minus", Liquid),
        ["modulo"] = ("math.modulo", Liquid),
        ["newline_to_br"] = ("html.newline_to_br", Liquid),
        ["plus"] = ("math.plus", Liquid),
        ["prepend"] = ("string.prepend", Liquid),
        ["remove"] = ("string.remove", Liquid),
        ["remove_first"] = ("string.remove_first", Liquid),
        ["replace"] = ("string.replace", LiquidAndJinja),
        ["replace_first"] = ("string.replace_first", Liquid),
        ["reverse"] = ("array.reverse", LiquidAndJinja),
        ["round"] = ("math.round", LiquidAndJinja),
        ["rstrip"] = ("string.rstrip", Liquid),
        ["safe"] = (string.Empty, Jinja),
        ["size"] = ("object.size", Liquid),
        ["slice"] = ("string.slice", Liquid),
        ["sort"] = ("array.sort", LiquidAndJinja),
        ["split"] = ("string.split", Liquid),
        ["strip"] = ("string.strip", Liquid),
        ["strip_html"] = ("html.strip", Liquid),
        ["strip_newlines"] = ("string.strip_newlines", Liquid),
        ["striptags"] = ("html.strip", Jinja),
        ["times"] = ("math.times", Liquid),
        ["title"] = ("string.capitalizewords", Jinja),
        ["tojson"] = ("object.to_json", Jinja),
        ["trim"] = ("string.strip", Jinja),
        ["truncate"] = ("string.truncate", LiquidAndJinja),
        ["truncatewords"] = ("string.truncatewords", Liquid),
        ["uniq"] = ("array.uniq", Liquid),
        ["unique"] = ("array.uniq", Jinja),
        ["upcase"] = ("string.upcase", Liquid),
        ["upper"] = ("string.upcase", Jinja),
        ["url_encode"] = ("html.url_encode", Liquid),
        ["urlencode"] = ("html.url_encode", Jinja),
    };

    /// <summary>Names of values and operators in Liquid or Jinja → what Scriban writes, and whose they are.</summary>
    private static readonly IReadOnlyDictionary<string, (string Scriban, string Kind)> Words = new Dictionary<string, (string, string)>(System.StringComparer.Ordinal)
    {
        ["and"] = ("&&", "Liquid's and Jinja's 'and'"),
        ["or"] = ("||", "Liquid's and Jinja's 'or'"),
        ["not"] = ("!", "Jinja's 'not'"),
        ["none"] = ("null", "Jinja's 'none'"),
        ["None"] = ("null", "Jinja's 'None'"),
        ["nil"] = ("null", "Liquid's 'nil'"),
        ["True"] = ("true", "Jinja's 'True'"),
        ["False"] = ("false", "Jinja's 'False'"),
    };

    /// <summary>Members of Jinja's <c>loop</c> and Liquid's <c>forloop</c> → Scriban's <c>for</c> (which counts from 0).</summary>
    private static readonly IReadOnlyDictionary<string, string> LoopMembers = new Dictionary<string, string>(System.StringComparer.Ordinal)
    {
        ["index"] = "for.index + 1",
        ["index0"] = "for.index",
        ["rindex"] = "for.rindex + 1",
        ["rindex0"] = "for.rindex",
        ["revindex"] = "for.rindex + 1",
        ["revindex0"] = "for.rindex",
        ["first"] = "for.first",
        ["last"] = "for.last",
        ["length"] = "for.length",
        ["changed"] = "for.changed",
    };

    private static readonly HashSet<string> BlockEndings = new(System.StringComparer.Ordinal)
    {
        "endif", "endfor", "endunless", "endcase", "endcapture", "endwhile", "endwith", "endtablerow", "endraw", "endcomment",
        "endblock", "endmacro", "endset", "endfilter", "endcall",
    };

    private static readonly HashSet<string> TagKeywords = new(System.StringComparer.Ordinal)
    {
        "if", "elif", "elsif", "else", "for", "unless", "case", "when", "assign", "capture", "set", "raw", "comment",
        "include", "render", "block", "macro", "extends", "import", "with", "filter", "call", "cycle", "increment",
        "decrement", "tablerow", "break", "continue", "echo", "liquid", "while",
    };

    private static readonly Regex Tag = new(@"\{%(?<trimStart>-)?\s*(?<keyword>[A-Za-z_]+)(?<rest>.*?)(?<trimEnd>-)?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    private static readonly Regex Comment = new(@"\{#(?<text>.*?)#\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    private static readonly Regex SingleBraces = new(
        @"\$?\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<path>(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}?",
        RegexOptions.CultureInvariant,
        System.TimeSpan.FromSeconds(1));

    public static bool IsBlockEnding(string word) => BlockEndings.Contains(word);

    /// <summary>The first Liquid or Jinja block ending (<c>{% endfor %}</c>) in the text after <paramref name="from"/>, as a problem.</summary>
    public static TemplateProblem? EndingTagAfter(string text, IReadOnlyList<TemplateToken> tokens, int from)
    {
        foreach (TemplateToken token in tokens)
        {
            if (token.Type != TokenType.Raw || token.End <= from)
            {
                continue;
            }

            int start = System.Math.Max(token.Start, from);
            foreach (Match tag in Tag.Matches(text.Substring(start, token.End - start)))
            {
                string keyword = tag.Groups["keyword"].Value;
                if (BlockEndings.Contains(keyword) && tag.Groups["rest"].Value.Trim().Length == 0)
                {
                    string open = tag.Groups["trimStart"].Success ? "{{-" : "{{";
                    string close = tag.Groups["trimEnd"].Success ? "-}}" : "}}";
                    return Problem(
                        $"'{{% {keyword} %}}' is a Liquid or Jinja tag, which Scriban sends to the model as text, so the block before it is never closed; write '{{{{ end }}}}'",
                        start + tag.Index,
                        start + tag.Index + tag.Length,
                        new TemplateEdit(start + tag.Index, start + tag.Index + tag.Length, open + " end " + close, "Write '{{ end }}'"));
                }
            }
        }

        return null;
    }

    public static TemplateProblem Problem(string message, int start, int end, TemplateEdit? fix = null) =>
        new(Id, message, start, end) { Fix = fix };

    /// <summary>
    /// The habits in a template Scriban reads: in its code, names nothing provides that Liquid or Jinja would have
    /// (<paramref name="isUnknown"/> tells which names the method and the template do not provide); in its text,
    /// tags, comments and single-brace placeholders naming one of <paramref name="parameterNames"/>.
    /// </summary>
    public static TemplateHabitFindings Find(TemplateCheck check, string text, System.Func<string, bool> isUnknown, ICollection<string> parameterNames)
    {
        var problems = new List<TemplateProblem>();
        var mentioned = new HashSet<string>(System.StringComparer.Ordinal);
        var defined = new HashSet<string>(System.StringComparer.Ordinal);
        if (check.Page is { } page)
        {
            new CodeWalker(text, isUnknown, problems).Walk(page, parent: null);
        }

        foreach (TemplateToken token in check.Tokens)
        {
            if (token.Type == TokenType.Raw && token.End > token.Start)
            {
                FindInText(text, token.Start, token.End, parameterNames, problems, mentioned, defined);
            }
        }

        problems.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new TemplateHabitFindings(problems, mentioned, defined);
    }

    private static void FindInText(
        string text,
        int start,
        int end,
        ICollection<string> parameterNames,
        List<TemplateProblem> problems,
        HashSet<string> mentioned,
        HashSet<string> defined)
    {
        string raw = text.Substring(start, end - start);
        foreach (Match tag in Tag.Matches(raw))
        {
            string keyword = tag.Groups["keyword"].Value;
            if (!TagKeywords.Contains(keyword) && !BlockEndings.Contains(keyword))
            {
                continue;
            }

            string rest = tag.Groups["rest"].Value.Trim();
            if (Regex.Match(rest, @"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:,\s*[A-Za-z_][A-Za-z0-9_]*\s*)?(?:\bin\b|=|$)") is { Success: true } definition
                && keyword is "for" or "set" or "assign" or "capture" or "tablerow")
            {
                defined.Add(definition.Groups["name"].Value);
            }

            foreach (Match word in Regex.Matches(rest, "[A-Za-z_][A-Za-z0-9_]*"))
            {
                if (parameterNames.Contains(word.Value))
                {
                    mentioned.Add(word.Value);
                }
            }

            string? scriban = ScribanTag(keyword, rest);
            string open = tag.Groups["trimStart"].Success ? "{{-" : "{{";
            string close = tag.Groups["trimEnd"].Success ? "-}}" : "}}";
            string written = "{% " + keyword + (rest.Length > 0 ? " …" : string.Empty) + " %}";
            string advice = scriban is null
                ? ScribanAdvice(keyword)
                : $"write '{{{{ {scriban} }}}}'";
            problems.Add(Problem(
                $"'{written}' is a Liquid or Jinja tag, which Scriban sends to the model as text; {advice}",
                start + tag.Index,
                start + tag.Index + tag.Length,
                scriban is null ? null : new TemplateEdit(start + tag.Index, start + tag.Index + tag.Length, open + " " + scriban + " " + close, $"Write '{{{{ {Shorten(scriban)} }}}}'")));
        }

        foreach (Match comment in Comment.Matches(raw))
        {
            string inner = comment.Groups["text"].Value;
            problems.Add(Problem(
                "'{# … #}' is a Jinja comment, which Scriban sends to the model as text; write '{{## … ##}}'",
                start + comment.Index,
                start + comment.Index + comment.Length,
                inner.Contains("##") ? null : new TemplateEdit(start + comment.Index, start + comment.Index + comment.Length, "{{##" + inner + "##}}", "Write '{{## … ##}}'")));
        }

        foreach (Match placeholder in SingleBraces.Matches(raw))
        {
            string name = placeholder.Groups["name"].Value;
            int at = start + placeholder.Index;
            bool insideOther = problems.Any(problem => at < problem.End && problem.Start < at + placeholder.Length);
            if (!parameterNames.Contains(name) || insideOther)
            {
                continue;
            }

            mentioned.Add(name);
            string value = name + placeholder.Groups["path"].Value;
            problems.Add(Problem(
                $"'{placeholder.Value}' is sent to the model as written: Scriban reads a value between double braces, '{{{{ {value} }}}}'",
                at,
                at + placeholder.Length,
                new TemplateEdit(at, at + placeholder.Length, "{{ " + value + " }}", $"Write '{{{{ {value} }}}}'")));
        }
    }

    /// <summary>The Scriban statement for a Liquid or Jinja tag, when it is a plain translation; null otherwise.</summary>
    private static string? ScribanTag(string keyword, string rest)
    {
        if (BlockEndings.Contains(keyword))
        {
            return rest.Length == 0 ? "end" : null;
        }

        return keyword switch
        {
            "if" or "for" or "while" or "case" or "when" or "capture" or "with" or "tablerow" when rest.Length > 0 => keyword + " " + rest,
            "elif" or "elsif" when rest.Length > 0 => "else if " + rest,
            "else" when rest.Length == 0 => "else",
            "break" or "continue" when rest.Length == 0 => keyword,
            "set" or "assign" when rest.IndexOf('=') > 0 => rest,
            _ => null,
        };
    }

    private static string ScribanAdvice(string keyword) => keyword switch
    {
        "unless" => "write '{{ if !(…) }}' and end it with '{{ end }}'",
        "comment" => "write a comment as '{{## … ##}}'",
        "raw" => "write text Scriban must not read as '{%{ … }%}'",
        "include" or "render" or "extends" or "import" or "block" or "macro" or "call" or "filter" => "a prompt template is one template: write its text in place",
        _ => "write Scriban code between '{{' and '}}'",
    };

    private static string Shorten(string code) => code.Length > 30 ? code.Substring(0, 30) + "…" : code;

    /// <summary>Finds, in Scriban's tree, the names Liquid or Jinja would have given a meaning.</summary>
    private sealed class CodeWalker
    {
        private readonly string _text;
        private readonly System.Func<string, bool> _isUnknown;
        private readonly List<TemplateProblem> _problems;
        private readonly HashSet<ScriptNode> _handled = new();

        public CodeWalker(string text, System.Func<string, bool> isUnknown, List<TemplateProblem> problems)
        {
            _text = text;
            _isUnknown = isUnknown;
            _problems = problems;
        }

        public void Walk(ScriptNode? node, ScriptNode? parent)
        {
            switch (node)
            {
                case null:
                    return;
                case ScriptPipeCall pipe:
                    foreach (ScriptNode target in PipeTargets(pipe.To))
                    {
                        PipeTarget(target);
                    }

                    break;
                case ScriptFunctionCall call when JinjaConditional(call) is { } conditional:
                    _problems.Add(conditional);
                    return; // the value, condition and alternative are rewritten with it

                case ScriptMemberExpression { Target: ScriptVariableGlobal loop, Member: ScriptVariable member } access
                    when loop.Name is "loop" or "forloop" && _isUnknown(loop.Name) && !_handled.Contains(loop):
                    _handled.Add(loop);
                    Loop(loop, member, access, parent);
                    return;
                case ScriptVariableGlobal variable when !_handled.Contains(variable) && _isUnknown(variable.Name):
                    _handled.Add(variable);
                    Word(variable);
                    return;
            }

            for (int i = 0; i < node.ChildrenCount; i++)
            {
                Walk(node.GetChildren(i), node);
            }
        }

        /// <summary><c>a | f | g</c> parses as <c>a | (f | g)</c>: every function of the chain.</summary>
        private static IEnumerable<ScriptNode> PipeTargets(ScriptExpression? to)
        {
            if (to is ScriptPipeCall chain)
            {
                foreach (ScriptNode target in PipeTargets(chain.From))
                {
                    yield return target;
                }

                foreach (ScriptNode target in PipeTargets(chain.To))
                {
                    yield return target;
                }
            }
            else if (to is not null)
            {
                yield return to;
            }
        }

        private void PipeTarget(ScriptNode target)
        {
            switch (target)
            {
                case ScriptNamedArgument { Name: { } name, Value: { } value }:
                    // Liquid's 'truncate: 20': Scriban reads a named argument, and the pipe fails when it renders.
                    _handled.Add(name);
                    string function = Filters.TryGetValue(name.Name, out (string Function, string Kind) filter) && filter.Function.Length > 0
                        ? filter.Function
                        : name.Name;
                    int start = Start(name);
                    int end = End(value);
                    string argument = _text.Substring(Start(value), end - Start(value));
                    _problems.Add(Problem(
                        $"'{_text.Substring(start, end - start)}' is Liquid's way to pass an argument; Scriban writes '{function} {argument}'",
                        start,
                        end,
                        new TemplateEdit(start, end, function + " " + argument, $"Write '{Shorten(function + " " + argument)}'")));
                    break;
                case ScriptFunctionCall { Target: ScriptVariableGlobal name }:
                    Filter(name);
                    break;
                case ScriptVariableGlobal name:
                    Filter(name);
                    break;
            }
        }

        private void Filter(ScriptVariableGlobal name)
        {
            if (_handled.Contains(name) || !_isUnknown(name.Name) || !Filters.TryGetValue(name.Name, out (string Function, string Kind) filter))
            {
                return;
            }

            _handled.Add(name);
            int start = Start(name);
            int end = End(name);
            if (filter.Function.Length == 0)
            {
                // Jinja's 'safe': Scriban never escapes, so the filter and its pipe go.
                int bar = _text.LastIndexOf('|', start);
                int from = bar < 0 ? start : bar;
                while (from > 0 && _text[from - 1] == ' ')
                {
                    from--;
                }

                _problems.Add(Problem(
                    "'safe' is a Jinja filter; Scriban never escapes values, so it needs none: remove '| safe'",
                    start,
                    end,
                    bar < 0 ? null : new TemplateEdit(from, end, string.Empty, "Remove '| safe'")));
                return;
            }

            _problems.Add(Problem(
                $"'{name.Name}' is {filter.Kind}; Scriban's function is '{filter.Function}': write '| {filter.Function}'",
                start,
                end,
                new TemplateEdit(start, end, filter.Function, $"Replace '{name.Name}' with '{filter.Function}'")));
        }

        private void Word(ScriptVariableGlobal variable)
        {
            if (!Words.TryGetValue(variable.Name, out (string Scriban, string Kind) word))
            {
                if (variable.Name is "loop" or "forloop")
                {
                    _problems.Add(Problem(
                        $"'{variable.Name}' is {(variable.Name == "loop" ? "Jinja's" : "Liquid's")} loop object; Scriban's is 'for', as in 'for.index' (which counts from 0)",
                        Start(variable),
                        End(variable),
                        new TemplateEdit(Start(variable), End(variable), "for", $"Replace '{variable.Name}' with 'for'")));
                }

                return;
            }

            _problems.Add(Problem(
                $"'{variable.Name}' is {word.Kind}; Scriban writes '{word.Scriban}'",
                Start(variable),
                End(variable),
                new TemplateEdit(Start(variable), End(variable), word.Scriban, $"Replace '{variable.Name}' with '{word.Scriban}'")));
        }

        private void Loop(ScriptVariableGlobal loop, ScriptVariable member, ScriptMemberExpression access, ScriptNode? parent)
        {
            string whose = loop.Name == "loop" ? "Jinja's" : "Liquid's";
            if (!LoopMembers.TryGetValue(member.Name, out string? scriban))
            {
                _problems.Add(Problem(
                    $"'{loop.Name}' is {whose} loop object; Scriban's is 'for' (for.index, for.rindex, for.first, for.last, for.length, for.changed)",
                    Start(loop),
                    End(loop)));
                return;
            }

            // 'for.index + 1' inside a larger expression needs parentheses.
            bool alone = parent is ScriptExpressionStatement;
            string replacement = scriban.Contains(" + ") && !alone ? "(" + scriban + ")" : scriban;
            string counting = scriban.EndsWith(" + 1", System.StringComparison.Ordinal) ? " (Scriban counts from 0)" : string.Empty;
            _problems.Add(Problem(
                $"'{loop.Name}.{member.Name}' is {whose}; Scriban writes '{scriban}'{counting}",
                Start(access),
                End(access),
                new TemplateEdit(Start(access), End(access), replacement, $"Write '{replacement}'")));
        }

        /// <summary>Jinja's <c>a if c else b</c>, which Scriban reads as a call of <c>a</c>.</summary>
        private TemplateProblem? JinjaConditional(ScriptFunctionCall call)
        {
            if (call.Arguments is not { Count: 4 } arguments
                || arguments[0] is not ScriptVariableGlobal { Name: "if" }
                || arguments[2] is not ScriptVariableGlobal { Name: "else" }
                || call.Target is null)
            {
                return null;
            }

            string value = Code(call.Target);
            string condition = Code(arguments[1]);
            string otherwise = Code(arguments[3]);
            string scriban = $"{condition} ? {value} : {otherwise}";
            return Problem(
                $"'… if … else …' is Jinja's conditional; Scriban writes '{Shorten(scriban)}'",
                Start(call),
                End(call),
                new TemplateEdit(Start(call), End(call), scriban, $"Write '{Shorten(scriban)}'"));
        }

        private string Code(ScriptNode node) => _text.Substring(Start(node), End(node) - Start(node));

        private int Start(ScriptNode node) => System.Math.Max(0, System.Math.Min(node.Span.Start.Offset, _text.Length));

        // Scriban's end offset is inclusive.
        private int End(ScriptNode node) => System.Math.Max(Start(node) + 1, System.Math.Min(node.Span.End.Offset + 1, _text.Length));
    }
}
