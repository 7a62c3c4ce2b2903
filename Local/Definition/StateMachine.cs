using System.Text;

namespace Pipeline.Local.Definition;

/// <summary>A parsed ASL state machine: the rendered JSON that deploys, ready to run on the local engine.</summary>
public sealed record StateMachine(StateGraph Graph, int? TimeoutSeconds, string DefinitionJson)
{
    /// <summary>Size of the definition in bytes, which Express workflows bill as memory.</summary>
    public int DefinitionBytes => Encoding.UTF8.GetByteCount(DefinitionJson);

    /// <summary>Parses and checks an ASL definition; errors name the state they concern.</summary>
    public static StateMachine Parse(string definitionJson) => DefinitionParser.Parse(definitionJson);
}

/// <summary>A set of states and where to start: the machine itself, a Parallel branch or a Map processor.</summary>
public sealed record StateGraph(string StartAt, IReadOnlyDictionary<string, State> States);
