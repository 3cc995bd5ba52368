#!/usr/bin/env bash
# Builds the Windows installer artifacts/injixo-cloud-link-<version>-win-x64.msi and its SHA-256
# file: the self-contained win-x64 agent, the commented default injixo-cloud-link.toml and
# licenses/, the automatic service "injixo Cloud Link", and the eight embedded instance transforms
# instance.1 ... instance.8 (src/CloudLink.Installer). Needs wixl and msibuild (Debian: wixl,
# msitools) and libgsf-1-114. Prints the MSI's path.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/package-msi.sh [--version X.Y.Z] [--agent injixo-cloud-link.exe] [--output FILE.msi]
  --version  product version (default: <Version> of Directory.Build.props); a new version is a major upgrade
  --agent    a win-x64 agent already published (default: publish src/CloudLink.Agent for win-x64)
  --output   where to write the MSI (default: artifacts/injixo-cloud-link-<version>-win-x64.msi)
USAGE
}

root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")
agent=""
output=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; usage; exit 0 ;;
    --version) version=${2:?--version needs a value}; shift 2 ;;
    --agent) agent=${2:?--agent needs a file}; shift 2 ;;
    --output) output=${2:?--output needs a file}; shift 2 ;;
    *) echo "package-msi.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
valid_version() { # Windows Installer compares X.Y.Z with X, Y up to 255 and Z up to 65535
  [[ $1 =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,5})$ ]] || return 1
  [ "${BASH_REMATCH[1]}" -le 255 ] && [ "${BASH_REMATCH[2]}" -le 255 ] && [ "${BASH_REMATCH[3]}" -le 65535 ]
}
if ! valid_version "$version"; then
  echo "package-msi.sh: version '$version' is not X.Y.Z with X, Y up to 255 and Z up to 65535, as Windows Installer needs" >&2
  exit 2
fi
if [ -n "$agent" ] && [ ! -f "$agent" ]; then
  echo "package-msi.sh: --agent $agent: no such file; publish it with: dotnet publish src/CloudLink.Agent -c Release -r win-x64" >&2
  exit 2
fi
for tool in wixl msibuild; do
  command -v "$tool" >/dev/null || { echo "package-msi.sh: $tool is missing: apt-get install wixl msitools" >&2; exit 1; }
done
output=${output:-$root/artifacts/injixo-cloud-link-$version-win-x64.msi}
mkdir -p "$(dirname "$output")"

# shellcheck source=SCRIPTDIR/lib/licenses.sh
. "$root/scripts/lib/licenses.sh"
stage=$(mktemp -d "${TMPDIR:-/tmp}/cloudlink-msi.XXXXXX")
trap 'rm -rf "$stage"' EXIT

if [ -z "$agent" ]; then
  # IncludeAllContentForSelfExtract: the bundle's native libraries are unpacked beside it at the first start,
  # which is how the agent runs under Wine too (the Windows tests run this very executable).
  dotnet publish "$root/src/CloudLink.Agent" -c Release -r win-x64 -p:IncludeAllContentForSelfExtract=true -p:DebugType=none \
    -nologo -v quiet -o "$stage/publish"
  agent=$stage/publish/injixo-cloud-link.exe
fi
cp "$agent" "$stage/injixo-cloud-link.exe"
cp "$root/src/CloudLink.Core/Config/injixo-cloud-link.default.toml" "$stage/injixo-cloud-link.toml"
stage_licenses "$root" "$stage/licenses"

dotnet publish "$root/src/CloudLink.Installer" -c Release -nologo -v quiet -o "$stage/tool"
cloudlink_msi() { dotnet "$stage/tool/cloudlink-msi.dll" "$@"; }

msi=$stage/injixo-cloud-link.msi
(cd "$stage" && wixl -a x64 -D "Version=$version" -D "ProductCode=$(cloudlink_msi product-code "$version")" \
  -o "$msi" "$root/src/CloudLink.Installer/Product/injixo-cloud-link.wxs")
# What wixl cannot say: the config component is Permanent and NeverOverwrite (0x10 | 0x80, beside
# its 64-bit flag 0x100), and a major upgrade removes the old version before installing (right
# after InstallValidate), so the config left behind is the one the new version finds.
msibuild "$msi" -q "UPDATE \`Component\` SET \`Attributes\` = 400 WHERE \`Component\` = 'Config'"
msibuild "$msi" -q "UPDATE \`InstallExecuteSequence\` SET \`Sequence\` = 1401 WHERE \`Action\` = 'RemoveExistingProducts'"
cloudlink_msi embed "$msi" >/dev/null

mv "$msi" "$output"
(cd "$(dirname "$output")" && sha256sum "$(basename "$output")" >"$(basename "$output").sha256")
echo "$output"
