using System.Text;
using Pipeline.Workflows.Model;

namespace Pipeline.Infra.Emit;

/// <summary>
/// A Mermaid flowchart of a workflow definition: one node per state, solid edges for normal flow, dotted
/// edges for Catch handlers, and a subgraph per Parallel branch and Map item processor.
/// </summary>
public static class WorkflowDiagram
{
    public static string Render(StateMachineDefinition definition)
    {
        var text = new StringBuilder("flowchart TD\n");
        text.Append("    start((Start)) --> ").Append(Id(definition.StartAt)).Append('\n');
        AppendGraph(text, definition.Graph, "    ", isTop: true);
        return text.ToString();
    }

    private static void AppendGraph(StringBuilder text, StateGraph graph, string indent, bool isTop)
    {
        foreach (var state in graph.States)
        {
            text.Append(indent).Append(Id(state.Name)).Append(Shape(state)).Append('\n');
        }

        foreach (var state in graph.States)
        {
            foreach (var nested in state.NestedGraphs())
            {
                var subgraph = $"{Id(state.Name)}_{Sanitize(nested.Field)}";
                text.Append(indent).Append("subgraph ").Append(subgraph).Append(" [\"").Append(state.Name).Append(": ").Append(nested.Field).Append("\"]\n");
                AppendGraph(text, nested.Graph, indent + "    ", isTop: false);
                text.Append(indent).Append("end\n");
                text.Append(indent).Append(Id(state.Name)).Append(" --> ").Append(subgraph).Append('\n');
            }

            foreach (var transition in state.Transitions())
            {
                var arrow = transition.IsErrorHandler ? " -.->" : " -->";
                var label = transition.Field == "Next" ? string.Empty : $"|{transition.Field}|";
                text.Append(indent).Append(Id(state.Name)).Append(arrow).Append(label).Append(' ').Append(Id(transition.Target)).Append('\n');
            }

            if (isTop && Ends(state))
            {
                text.Append(indent).Append(Id(state.Name)).Append(" --> finish((End))\n");
            }
        }
    }

    private static bool Ends(State state) => state switch
    {
        FlowState flow => flow.End,
        SucceedState or FailState => true,
        _ => false,
    };

    private static string Shape(State state) => state switch
    {
        ChoiceState => $"{{\"{state.Name}\"}}",
        SucceedState or FailState => $"([\"{state.Name}\"])",
        _ => $"[\"{state.Name} ({state.Type})\"]",
    };

    private static string Id(string name) => "s_" + Sanitize(name);

    private static string Sanitize(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}
