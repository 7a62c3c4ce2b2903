// An independent IAM evaluator for the tests: runs each scenario read from stdin through @cloud-copilot/iam-simulate
// (AGPL-3.0-or-later: a test tool only, run in its own process and never shipped) and prints the verdicts as JSON.
//
// stdin:  { "scenarios": [ { "name", "principal", "action", "resource", "accountId", "context": { key: value },
//           "identityPolicies": [ { "name", "policy" } ], "resourcePolicy": policy | null, "expect": "Allowed" | "Denied" } ] }
// stdout: [ { "name", "expect", "result", "ignoredContextKeys", "errors" } ]
//   result is "Allowed", "ImplicitlyDenied" or "ExplicitlyDenied" (null when errors says why the request is invalid);
//   ignoredContextKeys are the request's context keys the evaluator did not use, which the caller must inspect.
//
// Workaround: iam-simulate 0.1.173 recognizes a variable condition key only in the `prefix/name` form
// (aws:PrincipalTag/x); KMS's `kms:EncryptionContext:<name>` keys (the key policy's bindings to the queue, the log
// groups, the state machines) come back in ignoredContextKeys and a condition on them never matches. Every such key,
// in the policies' conditions and in the request context alike, is renamed to
// `aws:RequestTag/kms-encryption-context/<name>`: the global aws:RequestTag/ family, which it evaluates for every
// action, with the same string semantics (StringEquals, ArnLike ... on one value). Checked: with the renamed key a
// matching value is Allowed, another is ImplicitlyDenied, and the key is not ignored; the tests fail on any key still
// ignored, and a mutation that drops such a condition from the key policy turns the denials it guarded into Allowed.
import { runSimulation } from '@cloud-copilot/iam-simulate'

const encryptionContext = /^kms:EncryptionContext:(.+)$/i
const renamed = (key) => key.replace(encryptionContext, 'aws:RequestTag/kms-encryption-context/$1')

function renameKeys(object) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [renamed(key), value]))
}

function renamePolicy(policy) {
  if (!policy) {
    return undefined
  }

  const statements = [policy.Statement].flat().map((statement) => statement.Condition
    ? { ...statement, Condition: Object.fromEntries(Object.entries(statement.Condition).map(([operator, keys]) => [operator, renameKeys(keys)])) }
    : statement)
  return { ...policy, Statement: statements }
}

async function evaluate(scenario) {
  const simulation = await runSimulation({
    identityPolicies: scenario.identityPolicies.map(({ name, policy }) => ({ name, policy: renamePolicy(policy) })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: renamePolicy(scenario.resourcePolicy),
    request: {
      principal: scenario.principal,
      action: scenario.action,
      resource: { resource: scenario.resource, accountId: scenario.accountId },
      contextVariables: renameKeys(scenario.context ?? {}),
    },
  }, {})
  const verdict = { name: scenario.name, expect: scenario.expect, result: null, ignoredContextKeys: [], errors: null }
  if (simulation.resultType === 'error' || simulation.errors) {
    return { ...verdict, errors: simulation.errors }
  }

  // A `*` resource of an action that has resource types is simulated once per type ('wildcard'); otherwise 'single'.
  const ignored = simulation.resultType === 'single'
    ? simulation.result.ignoredContextKeys
    : simulation.results.flatMap((result) => result.ignoredContextKeys)
  return { ...verdict, result: simulation.overallResult, ignoredContextKeys: [...new Set(ignored)] }
}

let input = ''
for await (const chunk of process.stdin) {
  input += chunk
}

const verdicts = []
for (const scenario of JSON.parse(input).scenarios) {
  verdicts.push(await evaluate(scenario))
}

process.stdout.write(JSON.stringify(verdicts))
