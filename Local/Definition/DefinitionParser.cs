using AslTimestamp = Pipeline.Workflows.Model.AslTimestamp;
using IntegrationArns = Pipeline.Workflows.Model.IntegrationArns;
using JitterStrategy = Pipeline.Workflows.Model.JitterStrategy;
using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Definition;

/// <summary>Reads ASL JSON (JSONPath query language) into the state model and checks its transitions.</summary>
internal static class DefinitionParser
{
    private static readonly string[] UnsupportedStateFields = ["Credentials"];

    public static StateMachine Parse(string definitionJson)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(definitionJson) as JsonObject
                ?? throw new InvalidDefinitionException("The definition must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDefinitionException($"The definition is not valid JSON: {ex.Message}", ex);
        }

        QueryLanguages.Spread(root);
        var timeout = OptionalInt(root, "TimeoutSeconds", "the state machine");
        return new StateMachine(ParseGraph(root, "the state machine"), timeout, definitionJson);
    }

    private static StateGraph ParseGraph(JsonObject node, string owner)
    {
        var startAt = RequiredString(node, "StartAt", owner);
        if (node["States"] is not JsonObject statesNode || statesNode.Count == 0)
        {
            throw new InvalidDefinitionException($"{Capitalize(owner)} must have a non-empty \"States\" object.");
        }

        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, value) in statesNode)
        {
            if (value is not JsonObject stateNode)
            {
                throw new InvalidDefinitionException($"State '{name}' must be a JSON object.");
            }

            states[name] = ParseState(name, stateNode);
        }

        if (!states.ContainsKey(startAt))
        {
            throw new InvalidDefinitionException($"StartAt '{startAt}' of {owner} is not a state.");
        }

        foreach (var state in states.Values)
        {
            CheckTransitions(state, states);
        }

        return new StateGraph(startAt, states);
    }

    private static State ParseState(string name, JsonObject node)
    {
        var owner = $"state '{name}'";
        foreach (var field in UnsupportedStateFields)
        {
            if (node.ContainsKey(field))
            {
                throw new InvalidDefinitionException($"State '{name}': the field \"{field}\" is not supported by the local engine.");
            }
        }

        var jsonata = QueryLanguages.IsJsonata(node);
        var language = jsonata ? Workflows.Model.QueryLanguage.Jsonata : Workflows.Model.QueryLanguage.JsonPath;
        var type = RequiredString(node, "Type", owner);
        if (Workflows.Model.StateFields.FirstInvalid(type, language, node.Select(field => field.Key)) is { } invalid)
        {
            throw new InvalidDefinitionException(!jsonata && Workflows.Model.StateFields.Allows(type, Workflows.Model.QueryLanguage.Jsonata, invalid)
                ? $"State '{name}': the field \"{invalid}\" is for JSONata states; this state's QueryLanguage is JSONPath."
                : $"State '{name}': the field \"{invalid}\" is not valid in a {(jsonata ? "JSONata " : string.Empty)}{type} state (CreateStateMachine: SCHEMA_VALIDATION_FAILED).");
        }

        if (jsonata)
        {
            JsonataSyntax.Check(name, node);
        }
        else
        {
            DefinitionSyntax.Check(name, node);
        }

        State state = type switch
        {
            "Pass" => new PassState
            {
                Name = name,
                Parameters = Clone(node["Parameters"]),
                HasResult = node.ContainsKey("Result"),
                Result = Clone(node["Result"]),
                ResultPath = PathField(node, "ResultPath"),
            },
            "Task" => new TaskState
            {
                Name = name,
                Resource = RequiredString(node, "Resource", owner),
                Parameters = Clone(node["Parameters"]),
                ResultSelector = Clone(node["ResultSelector"]),
                ResultPath = PathField(node, "ResultPath"),
                TimeoutSeconds = OptionalInt(node, "TimeoutSeconds", owner),
                TimeoutSecondsPath = OptionalString(node, "TimeoutSecondsPath", owner),
                Retry = ParseRetry(node, owner),
                Catch = ParseCatch(node, owner),
            },
            "Choice" => new ChoiceState
            {
                Name = name,
                Choices = ParseChoices(node, owner),
                Default = OptionalString(node, "Default", owner),
            },
            "Wait" => ParseWait(name, node, owner),
            "Succeed" => new SucceedState { Name = name },
            "Fail" => new FailState
            {
                Name = name,
                Error = OptionalString(node, "Error", owner),
                ErrorPath = OptionalString(node, "ErrorPath", owner),
                Cause = OptionalString(node, "Cause", owner),
                CausePath = OptionalString(node, "CausePath", owner),
            },
            "Parallel" => new ParallelState
            {
                Name = name,
                Branches = ParseBranches(node, owner),
                Parameters = Clone(node["Parameters"]),
                ResultSelector = Clone(node["ResultSelector"]),
                ResultPath = PathField(node, "ResultPath"),
                Retry = ParseRetry(node, owner),
                Catch = ParseCatch(node, owner),
            },
            "Map" => ParseMap(name, node, owner),
            _ => throw new InvalidDefinitionException($"State '{name}' has an unknown Type '{type}'."),
        };

        var isTerminal = state is ChoiceState or SucceedState or FailState;
        return state with
        {
            Next = isTerminal ? null : OptionalString(node, "Next", owner),
            End = !isTerminal && node["End"]?.GetValue<bool>() == true,
            InputPath = state is FailState ? "$" : PathField(node, "InputPath"),
            OutputPath = state is FailState ? "$" : PathField(node, "OutputPath"),
            Context = jsonata ? ContextUses.OfJsonata(node) : ContextUses.Of(node),
            Jsonata = jsonata,
            Arguments = Clone(node["Arguments"]),
            Output = Clone(node["Output"]),
            Assign = Clone(node["Assign"]) as JsonObject,
        };
    }

    private static WaitState ParseWait(string name, JsonObject node, string owner)
    {
        if (QueryLanguages.IsJsonata(node) && (JsonataTemplate.Expression(node["Seconds"]) ?? JsonataTemplate.Expression(node["Timestamp"])) is not null)
        {
            return new WaitState
            {
                Name = name,
                SecondsExpression = JsonataTemplate.Expression(node["Seconds"]),
                TimestampExpression = JsonataTemplate.Expression(node["Timestamp"]),
            };
        }

        var wait = new WaitState
        {
            Name = name,
            Seconds = OptionalNumber(node, "Seconds", owner),
            SecondsPath = OptionalString(node, "SecondsPath", owner),
            Timestamp = OptionalString(node, "Timestamp", owner) is { } timestamp
                ? AslTimestamp.TryParse(timestamp, out var parsed) ? parsed : throw new InvalidDefinitionException($"State '{name}': Timestamp '{timestamp}' is not an RFC 3339 timestamp.")
                : null,
            TimestampPath = OptionalString(node, "TimestampPath", owner),
        };
        var given = new object?[] { wait.Seconds, wait.SecondsPath, wait.Timestamp, wait.TimestampPath }.Count(v => v is not null);
        return given == 1
            ? wait
            : throw new InvalidDefinitionException($"State '{name}' must have exactly one of Seconds, SecondsPath, Timestamp, TimestampPath.");
    }

    private static MapState ParseMap(string name, JsonObject node, string owner)
    {
        var processorNode = (node["ItemProcessor"] ?? node["Iterator"]) as JsonObject
            ?? throw new InvalidDefinitionException($"State '{name}' must have an ItemProcessor (or Iterator) object.");
        var distributed = processorNode["ProcessorConfig"]?["Mode"]?.GetValue<string>() is "DISTRIBUTED";
        if (!distributed)
        {
            foreach (var field in DistributedOnlyFields.Where(node.ContainsKey))
            {
                throw new InvalidDefinitionException($"State '{name}': \"{field}\" applies only to a distributed Map (ProcessorConfig Mode DISTRIBUTED).");
            }
        }

        var jsonata = QueryLanguages.IsJsonata(node);
        var expressions = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbers = new MapNumbers(jsonata, expressions, owner);
        var percentage = numbers.Number(node, "ToleratedFailurePercentage");
        if (percentage is < 0 or > 100)
        {
            throw new InvalidDefinitionException($"State '{name}': ToleratedFailurePercentage must be between 0 and 100.");
        }

        return new MapState
        {
            Name = name,
            Processor = ParseGraph(processorNode, $"the ItemProcessor of state '{name}'"),
            Distributed = distributed,
            ChildType = processorNode["ProcessorConfig"]?["ExecutionType"]?.GetValue<string>() == "EXPRESS" ? WorkflowVariant.Express : WorkflowVariant.Standard,
            ItemReader = node["ItemReader"] is JsonObject reader ? ParseItemReader(name, reader, numbers) : null,
            ItemBatcher = node["ItemBatcher"] is JsonObject batcher ? ParseItemBatcher(name, batcher, numbers) : null,
            ResultWriter = node["ResultWriter"] is JsonObject writer ? ParseResultWriter(name, writer, jsonata) : null,
            ToleratedFailureCount = numbers.Int(node, "ToleratedFailureCount"),
            ToleratedFailurePercentage = percentage,
            ToleratedFailureCountPath = OptionalString(node, "ToleratedFailureCountPath", owner),
            ToleratedFailurePercentagePath = OptionalString(node, "ToleratedFailurePercentagePath", owner),
            Label = OptionalString(node, "Label", owner),
            ItemsPath = OptionalString(node, "ItemsPath", owner) ?? "$",
            Items = Clone(node["Items"]),
            ItemSelectorReadsInput = ContextUses.ReadsStatesInput(node["ItemSelector"]),
            ItemSelector = Clone(node["ItemSelector"] ?? node["Parameters"]),
            MaxConcurrency = numbers.Int(node, "MaxConcurrency") ?? 0,
            NumberExpressions = expressions,
            MaxConcurrencyPath = OptionalString(node, "MaxConcurrencyPath", owner),
            ResultSelector = Clone(node["ResultSelector"]),
            ResultPath = PathField(node, "ResultPath"),
            Retry = ParseRetry(node, owner),
            Catch = ParseCatch(node, owner),
        };
    }

    private static readonly string[] DistributedOnlyFields =
        ["ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailureCount", "ToleratedFailurePercentage", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "Label"];

    private static ItemReaderConfig ParseItemReader(string name, JsonObject node, MapNumbers numbers)
    {
        var owner = $"the ItemReader of state '{name}'";
        var resource = OptionalString(node, "Resource", owner);
        if (resource != IntegrationArns.S3GetObject)
        {
            throw new InvalidDefinitionException($"State '{name}': the local engine reads items with {IntegrationArns.S3GetObject} only (ItemReader Resource '{resource}').");
        }

        var config = node["ReaderConfig"] as JsonObject ?? [];
        var inputType = OptionalString(config, "InputType", owner) ?? "JSON";
        if (inputType is not ("JSON" or "JSONL" or "CSV" or "MANIFEST"))
        {
            throw new InvalidDefinitionException($"State '{name}': ItemReader InputType '{inputType}' is not supported locally (JSON, JSONL, CSV, MANIFEST).");
        }

        var headers = OptionalString(config, "CSVHeaderLocation", owner) == "GIVEN"
            ? (config["CSVHeaders"] as JsonArray)?.Select(header => header!.GetValue<string>()).ToList()
                ?? throw new InvalidDefinitionException($"State '{name}': CSVHeaderLocation GIVEN needs CSVHeaders.")
            : null;
        var arguments = numbers.Jsonata ? "Arguments" : "Parameters";
        return new ItemReaderConfig(
            resource,
            node[arguments]?.DeepClone() ?? throw new InvalidDefinitionException($"State '{name}': the ItemReader needs {arguments} with Bucket and Key."),
            inputType,
            headers,
            numbers.Int(config, "MaxItems", "ItemReader.ReaderConfig.MaxItems") ?? 0)
        {
            MaxItemsPath = OptionalString(config, "MaxItemsPath", owner),
        };
    }

    private static ItemBatcherConfig ParseItemBatcher(string name, JsonObject node, MapNumbers numbers)
    {
        var items = numbers.Int(node, "MaxItemsPerBatch", "ItemBatcher.MaxItemsPerBatch") ?? 0;
        var bytes = numbers.Int(node, "MaxInputBytesPerBatch", "ItemBatcher.MaxInputBytesPerBatch") ?? 0;
        return items > 0 || bytes > 0 || numbers.Expressions.Keys.Any(key => key.StartsWith("ItemBatcher.", StringComparison.Ordinal))
            ? new ItemBatcherConfig(items, bytes, node["BatchInput"]?.DeepClone())
            : throw new InvalidDefinitionException($"State '{name}': the ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch.");
    }

    private static ResultWriterConfig ParseResultWriter(string name, JsonObject node, bool jsonata)
    {
        var resource = OptionalString(node, "Resource", $"the ResultWriter of state '{name}'");
        var arguments = jsonata ? "Arguments" : "Parameters";
        return resource == IntegrationArns.S3PutObject && node[arguments] is JsonObject parameters
            ? new ResultWriterConfig(resource, parameters.DeepClone())
            : throw new InvalidDefinitionException($"State '{name}': the ResultWriter needs Resource {IntegrationArns.S3PutObject} and {arguments} with Bucket and Prefix.");
    }

    /// <summary>
    /// A Map's numbers (MaxConcurrency, the tolerances, the batch sizes, MaxItems): in a JSONata state each may be a
    /// <c>{% expression %}</c>, kept by its field's path in <see cref="Expressions"/> and evaluated when the state runs.
    /// </summary>
    private sealed record MapNumbers(bool Jsonata, Dictionary<string, string> Expressions, string Owner)
    {
        public int? Int(JsonObject node, string field, string? key = null) =>
            Expression(node, field, key) ? null : OptionalInt(node, field, Owner);

        public double? Number(JsonObject node, string field) =>
            Expression(node, field, null) ? null : OptionalNumber(node, field, Owner);

        private bool Expression(JsonObject node, string field, string? key)
        {
            if (!Jsonata || JsonataTemplate.Expression(node[field]) is not { } expression)
            {
                return false;
            }

            Expressions[key ?? field] = expression;
            return true;
        }
    }

    private static List<StateGraph> ParseBranches(JsonObject node, string owner)
    {
        if (node["Branches"] is not JsonArray branches || branches.Count == 0)
        {
            throw new InvalidDefinitionException($"{Capitalize(owner)} must have a non-empty Branches array.");
        }

        return branches
            .Select((branch, index) => branch is JsonObject obj
                ? ParseGraph(obj, $"branch {index} of {owner}")
                : throw new InvalidDefinitionException($"Branch {index} of {owner} must be a JSON object."))
            .ToList();
    }

    private static List<ChoiceRule> ParseChoices(JsonObject node, string owner)
    {
        if (node["Choices"] is not JsonArray choices || choices.Count == 0)
        {
            throw new InvalidDefinitionException($"{Capitalize(owner)} must have a non-empty Choices array.");
        }

        return choices
            .Select(choice => choice as JsonObject ?? throw new InvalidDefinitionException($"Each choice rule of {owner} must be an object."))
            .Select(choice => new ChoiceRule(
                QueryLanguages.IsJsonata(node) ? new JsonataCondition(Clone(choice["Condition"])) : ParseCondition(choice, owner),
                RequiredString(choice, "Next", $"a choice rule of {owner}"))
            {
                Output = Clone(choice["Output"]),
                Assign = Clone(choice["Assign"]) as JsonObject,
            })
            .ToList();
    }

    private static Condition ParseCondition(JsonObject node, string owner)
    {
        if (node["And"] is JsonArray and)
        {
            return new AndCondition(and.Select(rule => ParseCondition(AsRuleObject(rule, owner), owner)).ToList());
        }

        if (node["Or"] is JsonArray or)
        {
            return new OrCondition(or.Select(rule => ParseCondition(AsRuleObject(rule, owner), owner)).ToList());
        }

        if (node["Not"] is JsonObject not)
        {
            return new NotCondition(ParseCondition(not, owner));
        }

        var variable = RequiredString(node, "Variable", $"a choice rule of {owner}");
        var operators = node
            .Where(field => field.Key is not ("Variable" or "Next" or "Comment" or "Assign"))
            .ToList();
        if (operators.Count != 1 || !ChoiceOperators.IsKnown(operators[0].Key))
        {
            var found = string.Join(", ", operators.Select(o => o.Key));
            throw new InvalidDefinitionException($"A choice rule of {owner} must have exactly one known comparison operator (found: {found}).");
        }

        return new ComparisonCondition(variable, operators[0].Key, Clone(operators[0].Value));
    }

    private static JsonObject AsRuleObject(JsonNode? rule, string owner) =>
        rule as JsonObject ?? throw new InvalidDefinitionException($"A nested choice rule of {owner} must be an object.");

    private static List<Retrier> ParseRetry(JsonObject node, string owner)
    {
        if (node["Retry"] is not JsonArray retry)
        {
            return [];
        }

        return retry.Select(entry =>
        {
            var obj = entry as JsonObject ?? throw new InvalidDefinitionException($"Each Retry entry of {owner} must be an object.");
            return new Retrier(ErrorEquals(obj, owner))
            {
                IntervalSeconds = OptionalNumber(obj, "IntervalSeconds", owner) ?? 1,
                MaxAttempts = OptionalInt(obj, "MaxAttempts", owner) ?? 3,
                BackoffRate = OptionalNumber(obj, "BackoffRate", owner) ?? 2,
                MaxDelaySeconds = OptionalNumber(obj, "MaxDelaySeconds", owner),
                Jitter = OptionalString(obj, "JitterStrategy", owner) switch
                {
                    null or "NONE" => JitterStrategy.None,
                    "FULL" => JitterStrategy.Full,
                    var other => throw new InvalidDefinitionException($"{Capitalize(owner)}: unknown JitterStrategy '{other}'."),
                },
            };
        }).ToList();
    }

    private static List<Catcher> ParseCatch(JsonObject node, string owner)
    {
        if (node["Catch"] is not JsonArray catchers)
        {
            return [];
        }

        return catchers.Select(entry =>
        {
            var obj = entry as JsonObject ?? throw new InvalidDefinitionException($"Each Catch entry of {owner} must be an object.");
            return new Catcher(ErrorEquals(obj, owner), RequiredString(obj, "Next", $"a Catch entry of {owner}"))
            {
                ResultPath = PathField(obj, "ResultPath"),
                Output = Clone(obj["Output"]),
                Assign = Clone(obj["Assign"]) as JsonObject,
            };
        }).ToList();
    }

    private static List<string> ErrorEquals(JsonObject node, string owner)
    {
        if (node["ErrorEquals"] is not JsonArray errors || errors.Count == 0)
        {
            throw new InvalidDefinitionException($"Each Retry and Catch entry of {owner} needs a non-empty ErrorEquals.");
        }

        return errors.Select(e => e?.GetValue<string>() ?? throw new InvalidDefinitionException($"ErrorEquals of {owner} holds a null.")).ToList();
    }

    private static void CheckTransitions(State state, Dictionary<string, State> states)
    {
        void Target(string? next, string field)
        {
            if (next is not null && !states.ContainsKey(next))
            {
                throw new InvalidDefinitionException($"State '{state.Name}': {field} '{next}' is not a state in the same scope.");
            }
        }

        if (state is not (ChoiceState or SucceedState or FailState) && state.Next is null == !state.End)
        {
            throw new InvalidDefinitionException($"State '{state.Name}' must have either Next or \"End\": true.");
        }

        Target(state.Next, "Next");
        switch (state)
        {
            case ChoiceState choice:
                Target(choice.Default, "Default");
                foreach (var branch in choice.Choices)
                {
                    Target(branch.Next, "a choice's Next");
                }

                break;
            case TaskState task:
                task.Catch.ToList().ForEach(c => Target(c.Next, "a Catch's Next"));
                break;
            case ParallelState parallel:
                parallel.Catch.ToList().ForEach(c => Target(c.Next, "a Catch's Next"));
                break;
            case MapState map:
                map.Catch.ToList().ForEach(c => Target(c.Next, "a Catch's Next"));
                break;
        }
    }

    /// <summary>Absent means "$"; an explicit JSON null stays null (ASL gives null a meaning of its own).</summary>
    private static string? PathField(JsonObject node, string field) =>
        !node.TryGetPropertyValue(field, out var value) ? "$"
        : value is null ? null
        : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>()
        : throw new InvalidDefinitionException($"\"{field}\" must be a string or null.");

    private static string RequiredString(JsonObject node, string field, string owner) =>
        OptionalString(node, field, owner) ?? throw new InvalidDefinitionException($"{Capitalize(owner)} must have a string \"{field}\".");

    private static string? OptionalString(JsonObject node, string field, string owner) =>
        node[field] switch
        {
            null => null,
            var value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw new InvalidDefinitionException($"{Capitalize(owner)}: \"{field}\" must be a string."),
        };

    private static int? OptionalInt(JsonObject node, string field, string owner) =>
        OptionalNumber(node, field, owner) switch
        {
            null => null,
            var number when number >= 0 && number <= int.MaxValue && number == Math.Floor(number.Value) => (int)number,
            _ => throw new InvalidDefinitionException($"{Capitalize(owner)}: \"{field}\" must be a non-negative integer."),
        };

    private static double? OptionalNumber(JsonObject node, string field, string owner) =>
        node[field] switch
        {
            null => null,
            var value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
            _ => throw new InvalidDefinitionException($"{Capitalize(owner)}: \"{field}\" must be a number."),
        };

    private static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    private static string Capitalize(string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(text[0])}{text[1..]}");
}
