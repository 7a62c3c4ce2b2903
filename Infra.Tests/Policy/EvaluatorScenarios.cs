using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Policy;

/// <summary>
/// What the independent evaluator decides for one stack: every call the deployed pipeline makes is allowed; the same
/// calls are denied when made from another account, or across the stacks of one account; and actions no principal was
/// granted, on the resources it does use, are denied.
/// </summary>
public static class EvaluatorScenarios
{
    public const string Allowed = "allowed";
    public const string OtherAccount = "another account";
    public const string OtherStack = "another stack";
    public const string Unused = "unused action";
    public const string ForeignAccount = "999999999999";

    public static IReadOnlyList<string> Categories { get; } = [Allowed, OtherAccount, OtherStack, Unused];

    private static readonly Func<string, string> Same = arn => arn;
    private static readonly Func<string, string> Bucket = arn => arn[..arn.IndexOf('/', StringComparison.Ordinal)];
    private static readonly Func<string, string> LogGroup = arn => arn[..arn.IndexOf(":log-stream:", StringComparison.Ordinal)];
    private static readonly Func<string, string> Execution = arn =>
        arn.Contains(":execution:", StringComparison.Ordinal) ? arn : arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":example";

    /// <summary>The machine itself, also when the call was on one of its distributed Map's children (<c>machine/label:id</c>).</summary>
    private static readonly Func<string, string> Machine = arn =>
        arn.IndexOf(":execution:", StringComparison.Ordinal) is var at and >= 0
            ? $"{arn[..at]}:stateMachine:{arn[(at + ":execution:".Length)..].Split('/', ':')[0]}"
            : arn;

    /// <summary>Per service, actions no principal of the pipeline needs, on the resource of a call it makes (or that resource's bucket, log group or executions).</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Action, Func<string, string> On)>> UnusedActions =
        new Dictionary<string, IReadOnlyList<(string Action, Func<string, string> On)>>(StringComparer.Ordinal)
        {
            ["s3"] =
            [
                ("s3:DeleteObject", Same), // would remove uploads, staged chunks or quarantined records
                ("s3:DeleteObjectVersion", Same), // erases a version for good, which versioning otherwise keeps
                ("s3:PutObjectAcl", Same), // could make an object public
                ("s3:GetObject", Same), // a writer reading (Store writes quarantine/ but reads only staging/)
                ("s3:PutObject", Same), // a reader writing (nobody may overwrite incoming/ uploads)
                ("s3:ListBucket", Bucket), // would list every key of every run
                ("s3:PutBucketPolicy", Bucket), // would decide who may do anything with the bucket
                ("s3:DeleteBucket", Bucket),
            ],
            ["dynamodb"] =
            [
                ("dynamodb:GetItem", Same), // no function reads the records back
                ("dynamodb:Scan", Same), // would read the whole table
                ("dynamodb:PutItem", Same), // replaces an item whole; Store only adds and updates in batches
                ("dynamodb:DeleteItem", Same), // would drop stored records
                ("dynamodb:DeleteTable", Same),
                ("dynamodb:UpdateTable", Same), // changes the key, capacity or streams
            ],
            ["kms"] =
            [
                ("kms:Decrypt", Same), // where a principal only generates data keys (or the reverse, below)
                ("kms:GenerateDataKey", Same),
                ("kms:Encrypt", Same), // encrypting arbitrary data under the key: no caller of this pipeline needs it
                ("kms:ReEncryptFrom", Same),
                ("kms:CreateGrant", Same), // with no kms:GrantIsForAWSResource: a grant could hand the key to anyone
                ("kms:ScheduleKeyDeletion", Same), // would make every object, record, message and log unreadable
                ("kms:DisableKey", Same),
                ("kms:PutKeyPolicy", Same), // would decide who may use the key
            ],
            ["sqs"] =
            [
                ("sqs:ReceiveMessage", Same), // EventBridge only delivers dead letters; reading them is for people
                ("sqs:DeleteMessage", Same),
                ("sqs:PurgeQueue", Same), // would drop every dead letter at once
                ("sqs:SetQueueAttributes", Same), // changes the queue's policy, key or retention
            ],
            ["sns"] =
            [
                ("sns:Subscribe", Same), // would add a recipient of every notification
                ("sns:SetTopicAttributes", Same), // changes the topic's policy or key
                ("sns:DeleteTopic", Same),
            ],
            ["states"] =
            [
                ("states:StopExecution", Execution), // EventBridge starts executions, it never stops them
                ("states:StartSyncExecution", Machine), // a start the rules never use, answering with the execution's output
                ("states:UpdateStateMachine", Machine), // would replace the workflow or its role
                ("states:DeleteStateMachine", Machine),
            ],
            ["lambda"] =
            [
                ("lambda:UpdateFunctionCode", Same), // would run other code under the function's role
                ("lambda:UpdateFunctionConfiguration", Same),
                ("lambda:AddPermission", Same), // would open the function to other principals
                ("lambda:GetFunction", Same), // reads the code and the environment
            ],
            ["logs"] =
            [
                ("logs:GetLogEvents", Same), // logs hold execution data; a function only writes its own
                ("logs:DeleteLogStream", Same),
                ("logs:DeleteLogGroup", LogGroup),
                ("logs:PutRetentionPolicy", LogGroup), // would shorten the retention that keeps the evidence
                ("logs:DisassociateKmsKey", LogGroup), // would stop encrypting new events
            ],
            ["sts"] =
            [
                ("sts:TagSession", Same), // session tags would steer tag-based decisions; services only assume the role
                ("sts:SetSourceIdentity", Same),
            ],
        };

    /// <param name="stack">The stack whose policies decide.</param>
    /// <param name="other">The other stack of the account, whose resources and sources <paramref name="stack"/>'s principals must not reach or serve.</param>
    /// <param name="calls">The calls the pipeline makes (<see cref="AccessPaths.For"/> of the stack, or of the stack before a mutation).</param>
    public static IReadOnlyList<IamScenario> For(DeployedPolicies stack, DeployedPolicies other, IReadOnlyList<AccessPath> calls)
    {
        var distinct = calls.DistinctBy(call => (call.Kind, call.Principal, call.Action, call.ResourceArn, Label(call.Context))).ToList();
        return
        [
            .. distinct.Select(call => Scenario(Allowed, stack, call, InputResolver.Account, Resource(stack, call), Physical(stack, call.Context), expectAllowed: true)),
            .. distinct.Select(call => FromOtherAccount(stack, call)).OfType<IamScenario>(),
            .. distinct.Select(call => FromOtherStack(stack, other, call)).OfType<IamScenario>(),
            .. distinct.SelectMany(call => NotGranted(stack, call)).DistinctBy(scenario => scenario.Name),
        ];
    }

    /// <summary>
    /// The call made from <see cref="ForeignAccount"/>: by a role of the same name holding the same policies, or for a
    /// source of that account (its <c>aws:SourceAccount</c>, and its ARNs in the request context).
    /// </summary>
    private static IamScenario? FromOtherAccount(DeployedPolicies stack, AccessPath call)
    {
        var resource = Resource(stack, call);
        if (call.Kind == AccessPathKind.Role)
        {
            // A grant on "*" (X-Ray, log delivery) names nothing of this account: in another account it is that account's own.
            return resource == "*" ? null : Scenario(OtherAccount, stack, call, ForeignAccount, resource, Physical(stack, call.Context), expectAllowed: false);
        }

        var context = Physical(stack, call.Context).ToDictionary(
            pair => pair.Key,
            pair => pair.Key == "aws:SourceAccount" ? ForeignAccount : pair.Value.Replace($":{InputResolver.Account}:", $":{ForeignAccount}:", StringComparison.Ordinal),
            StringComparer.Ordinal);
        return Scenario(OtherAccount, stack, call, InputResolver.Account, resource, context, expectAllowed: false);
    }

    /// <summary>
    /// The call across the stacks of one account: a role of <paramref name="stack"/> calling on <paramref name="other"/>'s
    /// resource (in <paramref name="other"/>'s context), or a service acting on <paramref name="stack"/>'s resource for a
    /// source of <paramref name="other"/>.
    /// </summary>
    private static IamScenario? FromOtherStack(DeployedPolicies stack, DeployedPolicies other, AccessPath call)
    {
        var own = Physical(stack, call.Context);
        var context = own.ToDictionary(pair => pair.Key, pair => stack.InOther(pair.Value, other) ?? pair.Value, StringComparer.Ordinal);
        if (call.Kind == AccessPathKind.Role)
        {
            return stack.InOther(Resource(stack, call), other) is { } resource
                ? Scenario(OtherStack, stack, call, InputResolver.Account, resource, context, expectAllowed: false, resourceStack: other)
                : null;
        }

        // Lambda sends only aws:SourceAccount when it assumes a function's role (TrustPolicyRule): nothing in the request
        // tells one stack's function from another's, and iam:PassRole at deployment, not the trust policy, keeps them apart.
        if (call.Kind == AccessPathKind.AssumeRole && !TrustPolicyRule.ServicesSendingSourceArn.Contains(call.Principal))
        {
            return null;
        }

        return context.Any(pair => pair.Value != own[pair.Key])
            ? Scenario(OtherStack, stack, call, InputResolver.Account, Resource(stack, call), context, expectAllowed: false)
            : null;
    }

    /// <summary>
    /// Actions the principal was not granted (by its identity policies, or for a service by the resource policy naming
    /// it) on the resource of the call, in the call's context; and each KMS call made directly instead of through the
    /// service whose <c>kms:ViaService</c> it carries.
    /// </summary>
    private static IEnumerable<IamScenario> NotGranted(DeployedPolicies stack, AccessPath call)
    {
        var resource = Request(call.ResourceArn);
        if (resource == "*")
        {
            yield break;
        }

        var context = Physical(stack, call.Context);
        foreach (var (action, on) in UnusedActions.GetValueOrDefault(call.Action.Split(':')[0]) ?? [])
        {
            var target = on(resource);
            if (!Grants(stack.Context, call, action, target))
            {
                yield return Scenario(Unused, stack, call with { Action = action }, InputResolver.Account, stack.Physical(target), context, expectAllowed: false);
            }
        }

        if (context.ContainsKey("kms:ViaService"))
        {
            var direct = context.Where(pair => pair.Key != "kms:ViaService").ToDictionary(StringComparer.Ordinal);
            var scenario = Scenario(Unused, stack, call, InputResolver.Account, stack.Physical(resource), direct, expectAllowed: false);
            yield return scenario with { Name = scenario.Name + " (directly, not through the service)" };
        }
    }

    /// <summary>Whether a policy the principal holds, or one naming it, literally grants <paramref name="action"/> on <paramref name="resource"/>, whatever its conditions.</summary>
    private static bool Grants(PolicyContext context, AccessPath call, string action, string resource)
    {
        var statements = call.Kind switch
        {
            AccessPathKind.Role => context.Simulator.IdentityStatements[call.Principal],
            AccessPathKind.AssumeRole => context.Simulator.TrustStatements[call.Resource],
            _ => context.Simulator.ResourceStatements.Where(statement => statement.MatchesPrincipal(ResolvedPrincipal.Service(call.Principal))).ToList(),
        };
        return statements.Any(statement => statement.Effect == PolicyEffect.Allow && statement.MatchesAction(action)
            && (call.Kind == AccessPathKind.AssumeRole || statement.MatchesResource(resource)));
    }

    /// <param name="principalAccount">The account of a role making the call (a service's source account is in the context).</param>
    /// <param name="resource">The request's resource, as deployed (<see cref="DeployedPolicies.Physical"/>).</param>
    /// <param name="context">The request context the call carries, as deployed; what AWS adds to every request is added here.</param>
    /// <param name="resourceStack">The stack owning the resource, when not <paramref name="stack"/>.</param>
    private static IamScenario Scenario(
        string category,
        DeployedPolicies stack,
        AccessPath call,
        string principalAccount,
        string resource,
        IReadOnlyDictionary<string, string> context,
        bool expectAllowed,
        DeployedPolicies? resourceStack = null)
    {
        var request = new Dictionary<string, string>(StringComparer.Ordinal) { ["aws:SecureTransport"] = "true" };
        var principal = call.Principal;
        IReadOnlyList<KeyValuePair<string, JsonObject>> identity = [];
        if (call.Kind == AccessPathKind.Role)
        {
            principal = stack.RoleArn(call.Principal).Replace($"::{InputResolver.Account}:", $"::{principalAccount}:", StringComparison.Ordinal);
            identity = stack.IdentityPolicies(call.Principal);
            request["aws:PrincipalArn"] = principal;
            request["aws:PrincipalAccount"] = principalAccount;

            // KMS alone puts the caller's account in the request; for any other action the evaluator would (rightly) ignore it.
            if (call.Action.StartsWith("kms:", StringComparison.Ordinal))
            {
                request["kms:CallerAccount"] = principalAccount;
            }
        }

        foreach (var (key, value) in context)
        {
            request[key] = value;
        }

        return new IamScenario(
            category,
            principal,
            call.Action,
            resource,
            resource == "*" ? principalAccount : InputResolver.Account,
            request,
            identity,
            (resourceStack ?? stack).ResourcePolicy(resource),
            expectAllowed)
        {
            Name = $"{stack.Name} {category}: {principal} {call.Action} {resource}{Label(context)}",
        };
    }

    private static string Resource(DeployedPolicies stack, AccessPath call) => stack.Physical(Request(call.ResourceArn));

    private static Dictionary<string, string> Physical(DeployedPolicies stack, IReadOnlyDictionary<string, string> context) =>
        context.ToDictionary(pair => pair.Key, pair => stack.Physical(pair.Value), StringComparer.Ordinal);

    private static string Label(IReadOnlyDictionary<string, string> context) =>
        context.Count == 0 ? "" : " [" + string.Join(", ", context.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")) + "]";

    /// <summary>
    /// The ARN a request names for a call of <see cref="AccessPaths"/>, which writes a grant's <c>*</c> as <c>example</c>:
    /// a grant on <c>*</c> is called on <c>*</c>, and a log group's <c>:*</c> covers the streams Lambda writes (<c>:log-stream:&lt;name&gt;</c>).
    /// </summary>
    private static string Request(string resourceArn) =>
        resourceArn == "example" ? "*"
        : resourceArn.Contains(":log-group:", StringComparison.Ordinal) && resourceArn.EndsWith(":example", StringComparison.Ordinal) ? resourceArn[..^"example".Length] + "log-stream:example"
        : resourceArn;
}
