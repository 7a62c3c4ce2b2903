#!/bin/sh
# The Pulumi compiler command (Pulumi.yaml), run without a shell of its own from the project root two or three
# times per `pulumi up`. It publishes the compiler as a Native AOT executable for this machine to Infra/bin/compiler
# when a source of it changed since its last publish (a minute or two; its own obj and bin under Infra/bin/aot, so the
# IDE build is left alone); the compiler's `package` command then rebuilds the functions' deployment package (Native
# AOT for the functions' architecture, zipped with Unix modes) when a source, the package settings or this script
# changed; then the program for PULUMI_STACK is printed. The later runs of one `pulumi up` go straight to printing,
# with no runtime to start and nothing to compile just in time. Every build message goes to stderr: stdout holds only
# the program.
set -eu

# True when $1 (a stamp written after a publish) is missing or any file under the other arguments is newer.
stale() {
    stamp=$1
    shift
    [ ! -e "$stamp" ] || [ -n "$(find "$@" \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print | head -n 1)" ]
}

shared="Directory.Build.props Directory.Packages.props"

if stale Infra/bin/compiler/.published Infra Infra.Generators Workflows Functions $shared; then
    echo "Publishing the compiler (Native AOT) to Infra/bin/compiler..." >&2
    rm -rf Infra/bin/compiler
    dotnet publish Infra/Infra.csproj -c Release --use-current-runtime -p:PublishAot=true --artifacts-path Infra/bin/aot -o Infra/bin/compiler -v q -nologo 1>&2
    touch Infra/bin/compiler/.published
fi

# package prints the zip's path on stdout, which is not the program; its build messages go to stderr.
Infra/bin/compiler/Infra package > /dev/null
exec Infra/bin/compiler/Infra compile
