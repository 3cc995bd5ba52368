#!/usr/bin/env bash
# Builds the releases: the Windows installer artifacts/injixo-cloud-link-<version>-win-x64.msi
# (scripts/package-msi.sh) and the Linux archive artifacts/injixo-cloud-link-<version>-linux-x64.tar.gz:
# the native agent (NativeAOT, built with gcc and zlib1g-dev), the commented default injixo-cloud-link.toml,
# licenses/ with the licence text of every shipped open-source dependency; each with a SHA-256
# file. Prints the MSI's path, then the archive's (the last line).
set -euo pipefail

case "${1:-}" in
  -h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; echo "Usage: scripts/package.sh [--help]"; exit 0 ;;
  "") ;;
  *) echo "package.sh: unknown argument '$1'" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=SCRIPTDIR/lib/licenses.sh
. "$root/scripts/lib/licenses.sh"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")
name="injixo-cloud-link-$version-linux-x64"
stage=$(mktemp -d "${TMPDIR:-/tmp}/cloudlink-package.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$root/artifacts"

dotnet publish "$root/src/CloudLink.Agent" -c Release -r linux-x64 -p:DebugType=none -nologo -v quiet -o "$stage/publish"
install -m 0755 "$stage/publish/injixo-cloud-link" "$stage/injixo-cloud-link"
install -m 0644 "$root/src/CloudLink.Core/Config/injixo-cloud-link.default.toml" "$stage/injixo-cloud-link.toml"
rm -rf "$stage/publish"

stage_licenses "$root" "$stage/licenses"

tar -czf "$root/artifacts/$name.tar.gz" -C "$stage" --owner=0 --group=0 injixo-cloud-link injixo-cloud-link.toml licenses
(cd "$root/artifacts" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
"$root/scripts/package-msi.sh" | tail -n 1
echo "$root/artifacts/$name.tar.gz"
