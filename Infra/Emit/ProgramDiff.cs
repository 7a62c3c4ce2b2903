using System.Globalization;
using System.Text;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>What differs between two stacks' programs, entry by entry: the promotion review.</summary>
public sealed record ProgramDiff(string From, string To, IReadOnlyList<EntryChange> Changes, int UnchangedResources)
{
    public const string StackPrefixPlaceholder = "pipeline-<stack>";

    private static readonly string[] Sections = ["resources", "config", "variables", "outputs"];

    /// <param name="beforePrefix">The stack's name prefix (<c>pipeline-dev</c>); it and <paramref name="afterPrefix"/> read as
    /// <c>pipeline-&lt;stack&gt;</c>, so names that differ only by stack do not show as changes.</param>
    public static ProgramDiff Compare(string from, ObjectNode before, string to, ObjectNode after, string? beforePrefix = null, string? afterPrefix = null)
    {
        var changes = new List<EntryChange>();
        var unchanged = 0;
        foreach (var section in Sections)
        {
            var left = (before[section] as ObjectNode)?.Members ?? [];
            var right = (after[section] as ObjectNode)?.Members ?? [];
            var leftByName = left.ToDictionary(member => member.Key, member => member.Value, StringComparer.Ordinal);
            var rightByName = right.ToDictionary(member => member.Key, member => member.Value, StringComparer.Ordinal);
            var names = left.Select(member => member.Key).Concat(right.Select(member => member.Key)).Distinct(StringComparer.Ordinal);

            foreach (var name in names)
            {
                leftByName.TryGetValue(name, out var leftValue);
                rightByName.TryGetValue(name, out var rightValue);
                var type = TypeOf(rightValue ?? leftValue);
                if (leftValue is null || rightValue is null)
                {
                    changes.Add(new EntryChange(section, name, type, leftValue is null ? ChangeKind.Added : ChangeKind.Removed, []));
                    continue;
                }

                var values = Differences(Flatten(leftValue, beforePrefix), Flatten(rightValue, afterPrefix));
                if (values.Count > 0)
                {
                    changes.Add(new EntryChange(section, name, type, ChangeKind.Changed, values));
                }
                else if (section == "resources")
                {
                    unchanged++;
                }
            }
        }

        return new ProgramDiff(from, to, changes, unchanged);
    }

    public string Format()
    {
        var text = new StringBuilder();
        var resources = Changes.Where(change => change.Section == "resources").ToList();
        text.Append(CultureInfo.InvariantCulture, $"Promotion review: {From} -> {To}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"resources: {resources.Count(c => c.Kind == ChangeKind.Added)} added, {resources.Count(c => c.Kind == ChangeKind.Removed)} removed, "
            + $"{resources.Count(c => c.Kind == ChangeKind.Changed)} changed, {UnchangedResources} unchanged\n");

        foreach (var change in Changes)
        {
            var sign = change.Kind switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", _ => "~" };
            text.Append('\n').Append(sign).Append(' ').Append(change.Section).Append('.').Append(change.Name);
            if (change.Type is not null)
            {
                text.Append(" (").Append(change.Type).Append(')');
            }

            text.Append('\n');
            foreach (var value in change.Values)
            {
                text.Append("    ").Append(value.Path).Append(": ").Append(Show(value.Before)).Append(" -> ").Append(Show(value.After)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Show(string? value) => value switch
    {
        null => "(absent)",
        { Length: > 120 } => value[..100] + $"... ({value.Length} chars)",
        _ => value,
    };

    private static string? TypeOf(Node? entry) =>
        entry is ObjectNode obj && obj["type"] is StringNode { Text: Literal type } && obj["properties"] is not null ? type.Value : null;

    private static List<ValueChange> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal)
            .Select(path => new ValueChange(path, before.GetValueOrDefault(path), after.GetValueOrDefault(path)))
            .Where(change => change.Before != change.After)
            .SelectMany(LineChanges)
            .ToList();

    /// <summary>A multi-line value (the ASL definition) is compared line by line when its shape is unchanged.</summary>
    private static IEnumerable<ValueChange> LineChanges(ValueChange change)
    {
        var before = change.Before?.Split('\n');
        var after = change.After?.Split('\n');
        if (before is null || after is null || before.Length == 1 || before.Length != after.Length)
        {
            return [change];
        }

        return Enumerable.Range(0, before.Length)
            .Where(line => before[line] != after[line])
            .Select(line => new ValueChange($"{change.Path} line {line + 1}", before[line].Trim(), after[line].Trim()));
    }

    private static Dictionary<string, string> Flatten(Node node, string? stackPrefix)
    {
        string Normalize(string text) => stackPrefix is null ? text : text.Replace(stackPrefix, StackPrefixPlaceholder, StringComparison.Ordinal);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);

        void Walk(Node current, string path)
        {
            switch (current)
            {
                case ObjectNode obj:
                    foreach (var (key, value) in obj.Members)
                    {
                        Walk(value, path.Length == 0 ? key : $"{path}.{key}");
                    }

                    break;
                case ArrayNode array:
                    for (var index = 0; index < array.Items.Count; index++)
                    {
                        Walk(array.Items[index], $"{path}[{index}]");
                    }

                    break;
                case FunctionNode function:
                    Walk(function.Argument, $"{path}.{function.Function}");
                    break;
                case StringNode text:
                    values[path] = Normalize(PulumiText.Render(text.Text));
                    break;
                case NumberNode number:
                    values[path] = number.Value.ToString(CultureInfo.InvariantCulture);
                    break;
                case BoolNode flag:
                    values[path] = flag.Value ? "true" : "false";
                    break;
            }
        }

        Walk(node, string.Empty);
        return values;
    }
}
