#!/bin/sh
# Start-up of the compiler against a .NET hello world: the median wall time of RUNS runs of each (default 10), taken
# in turns so that load from other work on the machine falls on both alike, then their ratio. The compiler is the one
# compile.sh publishes (Native AOT, Infra/bin/compiler): compile.sh runs first, so it is published, and the functions'
# package built, when stale, exactly as during `pulumi up`. The hello world is published the ordinary way
# (framework-dependent, Release) in a temporary folder outside the repository and run with `dotnet Hello.dll`. The
# compiler prints the dev program as Pulumi runs it during `pulumi up`: with the stack's config in PULUMI_CONFIG
# (Pulumi.dev.yaml's settings and a notification address), so no stack file is read.
# Run from the repository root: sh Infra/bench-startup.sh
set -eu

runs=${RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet new console -o "$work/hello" -n Hello -v q >&2
dotnet publish "$work/hello/Hello.csproj" -c Release -o "$work/hello/out" -v q -nologo >&2
sh Infra/compile.sh > /dev/null

# Wall time of one run of the command, in milliseconds.
elapsed() {
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

median() {
    sort -n | awk '{ value[NR] = $1 } END { print (NR % 2 ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2) }'
}

export PULUMI_STACK=dev
export PULUMI_CONFIG='{"aws:region":"eu-west-1","pipeline:expressMaxObjectBytes":"1048576","pipeline:logRetentionDays":"14","pipeline:notificationEmail":"ops@example.com"}'
i=0
while [ "$i" -lt "$runs" ]; do
    elapsed dotnet "$work/hello/out/Hello.dll" >> "$work/hello.ms"
    elapsed Infra/bin/compiler/Infra compile >> "$work/compiler.ms"
    i=$((i + 1))
done

hello=$(median < "$work/hello.ms")
compiler=$(median < "$work/compiler.ms")
echo "hello world: ${hello} ms (runs: $(tr '\n' ' ' < "$work/hello.ms"))"
echo "compiler:    ${compiler} ms (runs: $(tr '\n' ' ' < "$work/compiler.ms"))"
awk -v hello="$hello" -v compiler="$compiler" 'BEGIN { printf "ratio:       %.2fx\n", compiler / hello }'
