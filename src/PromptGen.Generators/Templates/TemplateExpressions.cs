using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Scriban.Syntax;

namespace PromptGen.Generators.Templates;

/// <summary>
/// Compiles Scriban expressions to C# expressions with Scriban's semantics: members by their snake_case names,
/// null objects failing member access, null being false, values written with the invariant culture.
/// </summary>
internal sealed class TemplateExpressions
{
    internal const string Values = Emit.RuntimeTypes.TemplateValues;

    private static readonly HashSet<string> BuiltinNamespaces = new(System.StringComparer.Ordinal) { "string", "array", "math", "date", "object" };

    private readonly Dictionary<string, Stack<TemplateValue>> _scope = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _usedIdentifiers = new(System.StringComparer.Ordinal) { "output", "templateOutput" };

    public TemplateExpressions(IReadOnlyList<(string TemplateName, string Identifier, ITypeSymbol Type)> parameters)
    {
        foreach ((string name, string identifier, ITypeSymbol type) in parameters)
        {
            Bind(name, new TemplateValue(identifier, ValueKind.Of(type), name));
            _usedIdentifiers.Add(identifier.TrimStart('@'));
        }
    }

    /// <summary>A value statement: <c>{{ expression }}</c>.</summary>
    public ValueStep Output(ScriptExpression expression)
    {
        TemplateValue value = Compile(expression);
        return value.Kind.Output switch
        {
            OutputKind.Text => new ValueStep(value.Code, ValueFormat.Text, null),
            OutputKind.Boolean => new ValueStep(value.Code, ValueFormat.Boolean, null),
            OutputKind.Formatted => new ValueStep(value.Code, ValueFormat.Formatted, null),
            // Scriban writes dates as date.to_string with its default format "%d %b %Y".
            OutputKind.Date => new ValueStep(value.Code, ValueFormat.Formatted, "dd MMM yyyy"),
            _ => throw new NotCompilableException(expression, $"writing a value of type '{value.Kind.DisplayName}'"),
        };
    }

    /// <summary>A condition with Scriban's truth: null and false are false, every other value is true.</summary>
    public string Condition(ScriptExpression? expression) => Truth(Compile(expression), expression);

    /// <summary>What a <c>for</c> iterates: an expression never null at run time, and the element type.</summary>
    public (string Source, ITypeSymbol ElementType) Enumerable(ScriptExpression? expression)
    {
        TemplateValue value = Compile(expression);
        if (value.Kind.ElementType is not { } element)
        {
            throw new NotCompilableException(
                expression,
                $"'for' over a value of type '{value.Kind.DisplayName}'",
                failsAtRunTime: value.Kind.Type is { } type
                    ? Analyzers.TemplateMemberTypes.IsNeverACollection(type)
                    : value.Kind.IsNumber || value.Kind == ValueKind.Boolean); // a computed number ('name.size'): PG0104 says so
        }

        string source = value.Kind.IsReference ? $"{Values}.Items({value.Code})" : value.Code;
        return (source, element);
    }

    public string PushLoopVariable(string name, ITypeSymbol elementType)
    {
        string baseName = SyntaxFacts.IsValidIdentifier(name) ? name : "item";
        string local = baseName;
        for (int suffix = 2; !_usedIdentifiers.Add(local); suffix++)
        {
            local = baseName + suffix.ToString(CultureInfo.InvariantCulture);
        }

        string identifier = SyntaxFacts.GetKeywordKind(local) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(local) != SyntaxKind.None ? "@" + local : local;
        Bind(name, new TemplateValue(identifier, ValueKind.Of(elementType), name));
        return identifier;
    }

    public void PopLoopVariable(string name) => _scope[name].Pop();

    private void Bind(string name, TemplateValue value)
    {
        if (!_scope.TryGetValue(name, out Stack<TemplateValue>? stack))
        {
            _scope[name] = stack = new Stack<TemplateValue>();
        }

        stack.Push(value);
    }

    private TemplateValue Compile(ScriptExpression? expression)
    {
        switch (expression)
        {
            case null:
                throw new NotCompilableException(null, "an empty expression");
            case ScriptNestedExpression nested:
                TemplateValue inner = Compile(nested.Expression);
                return inner with { Code = "(" + inner.Code + ")" };
            case ScriptVariableGlobal variable:
                return Variable(variable);
            case ScriptLiteral literal:
                return Literal(literal);
            case ScriptMemberExpression member:
                return Member(member);
            case ScriptPipeCall pipe:
                return Pipe(pipe);
            case ScriptUnaryExpression { Operator: ScriptUnaryOperator.Not } not:
                return new TemplateValue("!" + Operand(Truth(Compile(not.Right), not.Right)), ValueKind.Boolean, "!");
            case ScriptBinaryExpression binary:
                return Binary(binary);
            default:
                // Calling a parameter, or a name nothing provides, fails when Scriban renders it: that is often
                // another language's 'a and b' or 'a if c else b', which an analyzer reports (PG0106, PG0101).
                bool fails = expression is ScriptFunctionCall { Target: ScriptVariableGlobal called } && !Analyzers.TemplateVariables.IsBuiltin(called.Name);
                throw new NotCompilableException(expression, Describe(expression), fails);
        }
    }

    private TemplateValue Variable(ScriptVariableGlobal variable)
    {
        if (_scope.TryGetValue(variable.Name, out Stack<TemplateValue>? stack) && stack.Count > 0)
        {
            return stack.Peek();
        }

        // No parameter, loop variable or builtin has the name: rendering fails (PG0101, PG0106 or PG0212).
        throw new NotCompilableException(variable, $"the variable '{variable.Name}', which is not a parameter", failsAtRunTime: !Analyzers.TemplateVariables.IsBuiltin(variable.Name));
    }

    private static TemplateValue Literal(ScriptLiteral literal) => literal.Value switch
    {
        null => new TemplateValue("null", ValueKind.Null, "null"),
        string text => new TemplateValue(SymbolDisplay.FormatLiteral(text, quote: true), ValueKind.String, text),
        bool flag => new TemplateValue(flag ? "true" : "false", ValueKind.Boolean, "bool"),
        int number => new TemplateValue(number.ToString(CultureInfo.InvariantCulture), ValueKind.Int32, "int"),
        long number => new TemplateValue(number.ToString(CultureInfo.InvariantCulture) + "L", ValueKind.Int64, "long"),
        double number when !double.IsNaN(number) && !double.IsInfinity(number) =>
            new TemplateValue(number.ToString("R", CultureInfo.InvariantCulture) + "d", ValueKind.Double, "double"),
        _ => throw new NotCompilableException(literal, $"a literal of type '{literal.Value.GetType().Name}'"),
    };

    private TemplateValue Member(ScriptMemberExpression member)
    {
        TemplateValue target = Compile(member.Target);
        string name = member.Member is ScriptVariable variable ? variable.Name : throw new NotCompilableException(member, Describe(member));
        string path = target.Path + "." + name;

        if (target.Kind.IsNullableValue)
        {
            throw new NotCompilableException(
                member,
                $"a member of the nullable value '{target.Path}'",
                failsAtRunTime: target.Kind.Type is { } nullable && Analyzers.TemplateMemberTypes.MemberlessKind(nullable) is not null);
        }

        string checkedTarget = target.Kind.IsReference
            ? $"{Values}.Member({target.Code}, {TemplateStep.TemplateSourceReference}, {SymbolDisplay.FormatLiteral(target.Path, quote: true)})"
            : target.Code;

        if (name == "size" && target.Kind.SizeMember is { } size)
        {
            return new TemplateValue($"{checkedTarget}.{size}", ValueKind.Int32, path);
        }

        if (TemplateObjectMembers.Find(target.Kind.Type, name) is not { } found)
        {
            // A member of a string, a number or a list, or one a plain object lacks, fails when Scriban renders it (PG0103).
            bool fails = target.Kind.Type is { } type
                && (Analyzers.TemplateMemberTypes.MemberlessKind(type) is not null || Analyzers.TemplateMemberTypes.IsCheckable(type));
            throw new NotCompilableException(member, $"the member '{name}' of a value of type '{target.Kind.DisplayName}'", fails);
        }

        return new TemplateValue($"{checkedTarget}.{found.Identifier}", ValueKind.Of(found.Type), path);
    }

    private TemplateValue Pipe(ScriptPipeCall pipe) => Apply(Compile(pipe.From), pipe.To);

    /// <summary><c>input | f | g</c> parses as <c>input | (f | g)</c>: apply f, then the rest.</summary>
    private TemplateValue Apply(TemplateValue input, ScriptExpression? function) => function is ScriptPipeCall chain
        ? Apply(Apply(input, chain.From), chain.To)
        : ApplyFunction(input, function);

    private TemplateValue ApplyFunction(TemplateValue input, ScriptExpression? to)
    {
        (string? function, List<ScriptExpression> arguments) = to switch
        {
            ScriptFunctionCall { Target: ScriptMemberExpression target } call => (FunctionName(target), call.Arguments.ToList()),
            ScriptMemberExpression target => (FunctionName(target), new List<ScriptExpression>()),
            _ => (null, new List<ScriptExpression>()),
        };
        if (function is null || BuiltinNamespaces.Any(ns => _scope.ContainsKey(ns)))
        {
            // A pipe into a name nothing provides ('| upcase'), or Liquid's 'truncate: 20', fails when it renders (PG0106, PG0101).
            bool fails = to is ScriptNamedArgument
                || (to is ScriptVariableGlobal or ScriptFunctionCall { Target: ScriptVariableGlobal }) && UnknownFunction(to);
            throw new NotCompilableException(to, Describe(to), fails);
        }

        string? argument = arguments.Count == 1 && arguments[0] is ScriptLiteral { Value: string text } ? text : null;
        switch (function)
        {
            case "string.upcase" or "string.downcase" when arguments.Count == 0 && input.Kind.Output == OutputKind.Text:
                string method = function == "string.upcase" ? "Upcase" : "Downcase";
                return new TemplateValue($"{Values}.{method}({input.Code})", ValueKind.String, input.Path);
            case "string.size" when arguments.Count == 0 && input.Kind.Output == OutputKind.Text:
                return new TemplateValue($"{Values}.Size({input.Code})", ValueKind.Int32, input.Path);
            case "array.size" when arguments.Count == 0 && input.Kind.ElementType is not null:
                return new TemplateValue($"{Values}.Size({input.Code})", ValueKind.Int32, input.Path);
            case "array.join" when argument is not null && input.Kind.ElementType is { } element && ValueKind.Of(element).Output != OutputKind.None:
                return new TemplateValue($"{Values}.Join({input.Code}, {SymbolDisplay.FormatLiteral(argument, quote: true)})", ValueKind.String, input.Path);
            case "math.format" when argument is not null && input.Kind.IsNumber && !input.Kind.IsNullableValue:
                return new TemplateValue($"{Values}.Format({input.Code}, {SymbolDisplay.FormatLiteral(argument, quote: true)})", ValueKind.String, input.Path);
            case "date.to_string" when argument is not null && input.Kind.Output == OutputKind.Date && !input.Kind.IsNullableValue && StrftimeFormat.ToDotNet(argument) is { } format:
                return new TemplateValue($"{Values}.Format({input.Code}, {SymbolDisplay.FormatLiteral(format, quote: true)})", ValueKind.String, input.Path);
            default:
                throw new NotCompilableException(to, $"the function '{function}'{(arguments.Count > 0 ? " with these arguments" : string.Empty)} on a value of type '{input.Kind.DisplayName}'");
        }
    }

    private bool UnknownFunction(ScriptExpression? to)
    {
        ScriptVariableGlobal? name = to as ScriptVariableGlobal ?? (to as ScriptFunctionCall)?.Target as ScriptVariableGlobal;
        return name is not null && !_scope.ContainsKey(name.Name) && !Analyzers.TemplateVariables.IsBuiltin(name.Name);
    }

    private static string? FunctionName(ScriptMemberExpression target) =>
        target is { Target: ScriptVariableGlobal ns, Member: ScriptVariable name } ? ns.Name + "." + name.Name : null;

    private TemplateValue Binary(ScriptBinaryExpression binary)
    {
        switch (binary.Operator)
        {
            case ScriptBinaryOperator.And or ScriptBinaryOperator.Or:
                string left = Operand(Truth(Compile(binary.Left), binary.Left));
                string right = Operand(Truth(Compile(binary.Right), binary.Right));
                string op = binary.Operator == ScriptBinaryOperator.And ? "&&" : "||";
                return new TemplateValue($"{left} {op} {right}", ValueKind.Boolean, op);
            case ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual
                or ScriptBinaryOperator.CompareLess or ScriptBinaryOperator.CompareLessOrEqual
                or ScriptBinaryOperator.CompareGreater or ScriptBinaryOperator.CompareGreaterOrEqual:
                return Comparison(binary);
            default:
                throw new NotCompilableException(binary, $"the operator '{binary.Operator}'");
        }
    }

    private TemplateValue Comparison(ScriptBinaryExpression binary)
    {
        TemplateValue left = Compile(binary.Left);
        TemplateValue right = Compile(binary.Right);
        bool equality = binary.Operator is ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual;
        string op = binary.Operator switch
        {
            ScriptBinaryOperator.CompareEqual => "==",
            ScriptBinaryOperator.CompareNotEqual => "!=",
            ScriptBinaryOperator.CompareLess => "<",
            ScriptBinaryOperator.CompareLessOrEqual => "<=",
            ScriptBinaryOperator.CompareGreater => ">",
            _ => ">=",
        };

        if (equality && (left.Kind == ValueKind.Null || right.Kind == ValueKind.Null))
        {
            TemplateValue other = left.Kind == ValueKind.Null ? right : left;
            if (other.Kind == ValueKind.Null || other.Kind.IsReference || other.Kind.IsNullableValue)
            {
                string test = op == "==" ? "is null" : "is not null";
                return new TemplateValue($"{Operand(other.Code)} {test}", ValueKind.Boolean, op);
            }
        }
        else if (left.Kind.IsNumber && right.Kind.IsNumber && !left.Kind.IsNullableValue && !right.Kind.IsNullableValue
            && !(left.Kind.IsDecimal && right.Kind.IsFloating || left.Kind.IsFloating && right.Kind.IsDecimal))
        {
            return new TemplateValue($"{Operand(left.Code)} {op} {Operand(right.Code)}", ValueKind.Boolean, op);
        }
        else if (equality && (left.Kind.Output, right.Kind.Output) is (OutputKind.Text, OutputKind.Text) or (OutputKind.Boolean, OutputKind.Boolean)
            && !left.Kind.IsNullableValue && !right.Kind.IsNullableValue)
        {
            return new TemplateValue($"{Operand(left.Code)} {op} {Operand(right.Code)}", ValueKind.Boolean, op);
        }

        throw new NotCompilableException(binary, $"comparing a '{left.Kind.DisplayName}' with a '{right.Kind.DisplayName}'");
    }

    private static string Truth(TemplateValue value, ScriptExpression? expression)
    {
        if (value.Kind == ValueKind.Boolean || value.Kind.Output == OutputKind.Boolean && !value.Kind.IsNullableValue)
        {
            return value.Code;
        }

        if (value.Kind.Output == OutputKind.Boolean)
        {
            return $"{Operand(value.Code)} == true";
        }

        if (value.Kind.IsReference || value.Kind.IsNullableValue)
        {
            return $"{Operand(value.Code)} is not null";
        }

        throw new NotCompilableException(expression, $"a condition on a value of type '{value.Kind.DisplayName}'");
    }

    /// <summary>An operand of another operator: parenthesized unless it is one name, call chain or literal.</summary>
    private static string Operand(string code) => HasTopLevelSpace(code) ? "(" + code + ")" : code;

    /// <summary>A space outside parentheses and string literals means the code is an operator expression.</summary>
    private static bool HasTopLevelSpace(string code)
    {
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < code.Length; i++)
        {
            char c = code[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ' ' when depth == 0:
                    return true;
            }
        }

        return false;
    }

    private static string Describe(ScriptNode? node) => node switch
    {
        null => "an empty expression",
        ScriptFunctionCall { Target: ScriptMemberExpression target } => $"the function '{FunctionName(target) ?? target.ToString()}'",
        ScriptFunctionCall call => $"the function '{call.Target}'",
        ScriptAssignExpression => "an assignment",
        ScriptArrayInitializerExpression => "an array literal",
        ScriptObjectInitializerExpression => "an object literal",
        ScriptIndexerExpression => "an indexer ('[...]')",
        ScriptConditionalExpression => "a conditional expression ('? :')",
        ScriptUnaryExpression unary => $"the unary operator '{unary.Operator}'",
        ScriptVariableLocal local => $"the local variable '${local.Name}'",
        _ => "'" + node + "'",
    };
}

/// <summary>A compiled expression: its C# code, what it is, and its template path for error messages.</summary>
internal sealed record TemplateValue(string Code, ValueKind Kind, string Path);
