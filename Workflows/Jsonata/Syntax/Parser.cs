namespace Pipeline.Workflows.Jsonata.Syntax;

/// <summary>A top-down operator precedence parser producing the raw syntax tree, before <see cref="TreeRewriter"/>.</summary>
internal sealed class Parser
{
    private static readonly Dictionary<string, int> BindingPowers = new()
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0, ["@"] = 80,
        ["#"] = 80, [";"] = 80, [":"] = 80, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60,
        ["|"] = 20, ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60, [".."] = 20, [":="] = 10,
        ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["and"] = 30, ["or"] = 25, ["in"] = 40, ["&"] = 50,
        ["!"] = 0, ["~"] = 0,
    };

    private static readonly HashSet<string> InfixOperators =
        [".", "+", "-", "*", "/", "%", "=", "<", ">", "!=", "<=", ">=", "&", "and", "or", "in", "~>"];

    private static readonly HashSet<string> LeftDenotations =
        [.. InfixOperators, "[", "{", "(", "@", "#", "?", "^", ":="];

    private readonly Tokenizer tokenizer;
    private Token current;

    private Parser(string source)
    {
        tokenizer = new Tokenizer(source);
        current = tokenizer.Next(prefix: true);
    }

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        var root = parser.Expression(0);
        if (parser.current.Type != TokenType.End)
            throw new JsonataException("S0201", $"Syntax error: \"{parser.current.Text}\"", parser.current.Position, parser.current.Text);
        return root;
    }

    private bool Is(string op) => current.Type == TokenType.Operator && (string)current.Value! == op;

    private int LeftBindingPower => current.Type switch
    {
        TokenType.Operator when LeftDenotations.Contains((string)current.Value!) => BindingPowers[(string)current.Value!],
        _ => 0,
    };

    private Token Advance(string? expected = null)
    {
        if (expected is not null && !Is(expected))
        {
            if (current.Type == TokenType.End)
                throw new JsonataException("S0203", $"Expected \"{expected}\" before end of expression", current.Position, expected);
            throw new JsonataException("S0202", $"Expected \"{expected}\", got \"{current.Text}\"", current.Position, current.Text);
        }

        var previous = current;
        var prefix = previous.Type == TokenType.Operator && (string)previous.Value! is not (")" or "]" or "}");
        current = tokenizer.Next(prefix);
        if (current.Type == TokenType.Operator && (string)current.Value! is "!" or "~")
            throw new JsonataException("S0204", $"Unknown operator: \"{current.Text}\"", current.Position, current.Text);
        return previous;
    }

    private Node Expression(int rightBindingPower)
    {
        var token = Advance();
        var left = Prefix(token);
        while (rightBindingPower < LeftBindingPower)
        {
            token = Advance();
            left = Infix(token, left);
        }

        return left;
    }

    private Node Prefix(Token token)
    {
        switch (token.Type)
        {
            case TokenType.End:
                throw new JsonataException("S0207", "Unexpected end of expression", token.Position, "(end)");
            case TokenType.Name:
                return new Node(NodeType.Name, token.Value, token.Position);
            case TokenType.Variable:
                return new Node(NodeType.Variable, token.Value, token.Position);
            case TokenType.String:
                return new Node(NodeType.String, token.Value, token.Position);
            case TokenType.Number:
                return new Node(NodeType.Number, token.Value, token.Position);
            case TokenType.Value:
                return new Node(NodeType.Value, token.Value, token.Position);
            case TokenType.Regex:
                return new Node(NodeType.Regex, token.Value, token.Position);
        }

        var op = (string)token.Value!;
        switch (op)
        {
            case "-":
                return new Node(NodeType.Negate, op, token.Position) { Lhs = Expression(70) };
            case "*":
                return new Node(NodeType.Wildcard, op, token.Position);
            case "**":
                return new Node(NodeType.Descendant, op, token.Position);
            case "%":
                return new Node(NodeType.Parent, op, token.Position);
            case "and" or "or" or "in" or "?":
                return new Node(NodeType.Operator, op, token.Position);
            case "(":
                var block = new Node(NodeType.Block, op, token.Position);
                while (!Is(")"))
                {
                    block.Expressions.Add(Expression(0));
                    if (!Is(";"))
                        break;
                    Advance(";");
                }

                Advance(")");
                return block;
            case "[":
                var array = new Node(NodeType.ArrayConstructor, op, token.Position);
                if (!Is("]"))
                {
                    while (true)
                    {
                        var item = Expression(0);
                        if (Is(".."))
                        {
                            var range = Advance("..");
                            item = new Node(NodeType.Binary, "..", range.Position) { Lhs = item, Rhs = Expression(0) };
                        }

                        array.Expressions.Add(item);
                        if (!Is(","))
                            break;
                        Advance(",");
                    }
                }

                Advance("]");
                return array;
            case "{":
                return new Node(NodeType.ObjectConstructor, op, token.Position) { Pairs = ObjectPairs() };
            case "|":
                var transform = new Node(NodeType.Transform, op, token.Position) { Lhs = Expression(0) };
                Advance("|");
                transform.Rhs = Expression(0);
                if (Is(","))
                {
                    Advance(",");
                    transform.Else = Expression(0);
                }

                Advance("|");
                return transform;
            default:
                throw new JsonataException("S0211", $"The symbol {op} cannot be used as a unary operator", token.Position, op);
        }
    }

    private List<(Node, Node)> ObjectPairs()
    {
        var pairs = new List<(Node, Node)>();
        if (!Is("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Advance(":");
                pairs.Add((key, Expression(0)));
                if (!Is(","))
                    break;
                Advance(",");
            }
        }

        Advance("}");
        return pairs;
    }

    private Node Infix(Token token, Node left)
    {
        var op = (string)token.Value!;
        var bindingPower = BindingPowers[op];
        switch (op)
        {
            case "(":
                return Call(token, left);
            case "[":
                if (Is("]"))
                {
                    var step = left;
                    while (step.Type == NodeType.Binary && (string?)step.Value == "[")
                        step = step.Lhs!;
                    step.KeepArray = true;
                    Advance("]");
                    return left;
                }

                var predicate = new Node(NodeType.Binary, op, token.Position) { Lhs = left, Rhs = Expression(BindingPowers["]"]) };
                Advance("]");
                return predicate;
            case "{":
                return new Node(NodeType.Binary, op, token.Position) { Lhs = left, Pairs = ObjectPairs() };
            case "^":
                Advance("(");
                var sort = new Node(NodeType.Binary, op, token.Position) { Lhs = left };
                while (true)
                {
                    var descending = false;
                    if (Is("<"))
                    {
                        Advance("<");
                    }
                    else if (Is(">"))
                    {
                        descending = true;
                        Advance(">");
                    }

                    sort.Terms.Add(new SortTerm(Expression(0), descending));
                    if (!Is(","))
                        break;
                    Advance(",");
                }

                Advance(")");
                return sort;
            case ":=":
                if (left.Type != NodeType.Variable)
                    throw new JsonataException("S0212", "The left side of := must be a variable name (start with $)", left.Position, left.Text);
                return new Node(NodeType.Binary, op, token.Position) { Lhs = left, Rhs = Expression(bindingPower - 1) };
            case "@" or "#":
                var binding = new Node(NodeType.Binary, op, token.Position) { Lhs = left, Rhs = Expression(bindingPower) };
                if (binding.Rhs.Type != NodeType.Variable)
                    throw new JsonataException("S0214", $"The right side of {op} must be a variable name (start with $)", binding.Rhs.Position, op);
                return binding;
            case "?":
                var condition = new Node(NodeType.Condition, op, token.Position) { Condition = left, Then = Expression(0) };
                if (Is(":"))
                {
                    Advance(":");
                    condition.Else = Expression(0);
                }

                return condition;
            default:
                if (!InfixOperators.Contains(op))
                    throw new JsonataException("S0201", $"Syntax error: \"{op}\"", token.Position, op);
                return new Node(NodeType.Binary, op, token.Position) { Lhs = left, Rhs = Expression(bindingPower) };
        }
    }

    private Node Call(Token token, Node left)
    {
        var call = new Node(NodeType.Function, "(", token.Position) { Procedure = left };
        if (!Is(")"))
        {
            while (true)
            {
                if (Is("?"))
                {
                    call.Type = NodeType.Partial;
                    var placeholder = Advance("?");
                    call.Expressions.Add(new Node(NodeType.Placeholder, "?", placeholder.Position));
                }
                else
                {
                    call.Expressions.Add(Expression(0));
                }

                if (!Is(","))
                    break;
                Advance(",");
            }
        }

        Advance(")");
        if (left.Type != NodeType.Name || (string)left.Value! is not ("function" or "λ"))
            return call;

        foreach (var argument in call.Expressions)
        {
            if (argument.Type != NodeType.Variable)
                throw new JsonataException("S0208", $"Parameter {argument.Text} of function definition must be a variable name (start with $)", argument.Position, argument.Text);
        }

        var lambda = new Node(NodeType.Lambda, "function", token.Position) { Expressions = call.Expressions };
        if (Is("<"))
        {
            Advance("<");
            var depth = 1;
            var text = "<";
            while (depth > 0 && !Is("{") && current.Type != TokenType.End)
            {
                if (Is(">"))
                    depth--;
                else if (Is("<"))
                    depth++;
                text += current.Text;
                Advance();
            }

            if (depth > 0)
                Advance(">");
            lambda.Signature = Signature.Parse(text);
        }

        Advance("{");
        lambda.Body = Expression(0);
        Advance("}");
        return lambda;
    }
}
