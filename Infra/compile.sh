#!/bin/sh
# The Pulumi compiler command (Pulumi.yaml), run without a shell of its own from the project root two or three
# times per `pulumi up`. It publishes the Lambda code (linux-arm64) to Functions/bin/publish and the compiler,
# ahead-of-time compiled (ReadyToRun), to Infra/bin/compiler, each only when a source of it changed since its last
# publish, so the later runs of one `pulumi up` go straight to printing the program for PULUMI_STACK.
# Every build message goes to stderr: stdout holds only the program.
set -eu

# True when $1 (a stamp written after a publish) is missing or any file under the other arguments is newer.
stale() {
    stamp=$1
    shift
    [ ! -e "$stamp" ] || [ -n "$(find "$@" \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print | head -n 1)" ]
}

shared="Directory.Build.props Directory.Packages.props"

if stale Functions/bin/publish/.published Functions $shared; then
    dotnet publish Functions/Functions.csproj -c Release -r linux-arm64 --self-contained false -o Functions/bin/publish -v q -nologo 1>&2
    touch Functions/bin/publish/.published
fi

if stale Infra/bin/compiler/.published Infra Workflows Functions $shared; then
    dotnet publish Infra/Infra.csproj -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o Infra/bin/compiler -v q -nologo 1>&2
    touch Infra/bin/compiler/.published
fi

exec dotnet Infra/bin/compiler/Infra.dll compile
