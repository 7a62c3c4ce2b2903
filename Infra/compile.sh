#!/bin/sh
# The Pulumi compiler command (Pulumi.yaml), run without a shell of its own from the project root two or three
# times per `pulumi up`. It publishes the compiler, ahead-of-time compiled (ReadyToRun), to Infra/bin/compiler when a
# source of it changed since its last publish; the compiler's `package` command then rebuilds the functions'
# deployment package (Native AOT for the functions' architecture, zipped with Unix modes) when a source, the package
# settings or this script changed; then the program for PULUMI_STACK is printed. The later runs of one `pulumi up` go
# straight to printing. Every build message goes to stderr: stdout holds only the program.
set -eu

# True when $1 (a stamp written after a publish) is missing or any file under the other arguments is newer.
stale() {
    stamp=$1
    shift
    [ ! -e "$stamp" ] || [ -n "$(find "$@" \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print | head -n 1)" ]
}

shared="Directory.Build.props Directory.Packages.props"

if stale Infra/bin/compiler/.published Infra Infra.Generators Workflows Functions $shared; then
    dotnet publish Infra/Infra.csproj -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o Infra/bin/compiler -v q -nologo 1>&2
    touch Infra/bin/compiler/.published
fi

dotnet Infra/bin/compiler/Infra.dll package 1>&2
exec dotnet Infra/bin/compiler/Infra.dll compile
