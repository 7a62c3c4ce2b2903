#!/bin/sh
# Installs, once per machine, the Debian packages the functions' deployment package needs (Debian 12):
#   clang                                         links the Native AOT executable
#   gcc-aarch64-linux-gnu, libc6-dev-arm64-cross  the arm64 toolchain and C library to link the arm64 bootstrap
#   qemu-user-static, libc6:arm64, libssl3:arm64   run that arm64 bootstrap on an x86_64 machine, with the C library
#                                                 and OpenSSL that provided.al2023 has (multiarch packages)
# Does nothing when they are all installed. Run as root or with sudo.
set -eu

packages="clang gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static libc6:arm64 libssl3:arm64"

missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "Installing Debian packages:$missing" >&2
dpkg --print-foreign-architectures | grep -qx arm64 || as_root dpkg --add-architecture arm64
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends $missing >&2
