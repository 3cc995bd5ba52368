#!/usr/bin/env bash
# Builds the Linux release archive artifacts/injixo-cloud-link-<version>-linux-x64.tar.gz:
# the trimmed self-contained single-file agent, the commented default injixo-cloud-link.toml,
# licenses/ with the licence text of every shipped open-source dependency, and a SHA-256 file.
set -euo pipefail

case "${1:-}" in
  -h | --help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; echo "Usage: scripts/package.sh [--help]"; exit 0 ;;
  "") ;;
  *) echo "package.sh: unknown argument '$1'" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")
name="injixo-cloud-link-$version-linux-x64"
stage=$(mktemp -d "${TMPDIR:-/tmp}/cloudlink-package.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$root/artifacts" "$stage/licenses"

dotnet publish "$root/src/CloudLink.Agent" -c Release -r linux-x64 -p:DebugType=none -nologo -v quiet -o "$stage/publish"
install -m 0755 "$stage/publish/injixo-cloud-link" "$stage/injixo-cloud-link"
install -m 0644 "$root/src/CloudLink.Core/Config/injixo-cloud-link.default.toml" "$stage/injixo-cloud-link.toml"
rm -rf "$stage/publish"

# Licence texts come from the machine that builds (the .NET SDK and Debian's common licences),
# so that no third-party text is kept in this repository.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
cp "$dotnet_root/LICENSE.txt" "$stage/licenses/dotnet-runtime.LICENSE.txt"
cp "$dotnet_root/ThirdPartyNotices.txt" "$stage/licenses/dotnet-runtime.ThirdPartyNotices.txt"
for package in Serilog Serilog.Sinks.Console; do
  {
    echo "$package, Copyright Serilog Contributors, licensed under the Apache License 2.0:"
    echo
    cat /usr/share/common-licenses/Apache-2.0
  } >"$stage/licenses/$package.LICENSE.txt"
done
cp "$root/LICENSE" "$stage/licenses/CloudLink.LICENSE.txt"

tar -czf "$root/artifacts/$name.tar.gz" -C "$stage" --owner=0 --group=0 injixo-cloud-link injixo-cloud-link.toml licenses
(cd "$root/artifacts" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$root/artifacts/$name.tar.gz"
