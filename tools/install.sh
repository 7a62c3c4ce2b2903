#!/bin/sh
# Installs what the tests need, each part only when it is missing or out of date, so running it again (or after
# `run` installed the npm packages on first use) costs nothing:
#   the Debian packages of tools/debian-packages.sh (Native AOT toolchains, qemu-user-static);
#   the npm packages of tools/package-lock.json (DynamoDB Local, s3rver, asl-validator, the pulumi-aws types).
set -eu
tools=$(dirname "$0")

sh "$tools/debian-packages.sh"

installed="$tools/node_modules/.package-lock.json"
if [ ! -e "$installed" ] || [ "$tools/package-lock.json" -nt "$installed" ]; then
    npm ci --prefix "$tools" --no-audit --no-fund
fi
