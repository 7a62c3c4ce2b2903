using System.Collections.Concurrent;
using Pipeline.Local.Errors;
using Pipeline.Workflows.Paths;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;

namespace Pipeline.Local.Paths;

/// <summary>
/// Texts parsed once per process: they are a loaded definition's, checked when it loaded, and a state of a large Map
/// evaluates the same few for every item. A malformed text, which a loaded definition does not hold, fails with
/// States.Runtime, its cause worded by <paramref name="cause"/>.
/// </summary>
internal sealed class ParsedTexts<T>(Func<string, T> parse, Func<string, PathSyntaxException, string> cause)
{
    private readonly ConcurrentDictionary<string, T> parsed = new(StringComparer.Ordinal);

    public T Get(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (parsed.TryGetValue(text, out var known))
        {
            return known;
        }

        try
        {
            return parsed.GetOrAdd(text, parse(text));
        }
        catch (PathSyntaxException ex)
        {
            throw new StatesErrorException(ErrorNames.Runtime, cause(text, ex));
        }
    }
}
