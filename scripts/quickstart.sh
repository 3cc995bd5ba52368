#!/usr/bin/env bash
# Quick start: builds CloudLink and runs the main job end to end on this machine.
# Starts the reference cloud on 127.0.0.1 (SQLite), creates an agent instance in a temporary
# folder, pairs it by PIN as a person would on the integrations page, drops sample CSV files
# into its import folder, waits until the cloud has them, prints what arrived, and stops
# everything it started. Needs the .NET SDK and curl. KEEP=1 keeps the temporary folder.
set -euo pipefail

usage() {
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  echo "Usage: scripts/quickstart.sh [--help]"
}
case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) echo "quickstart.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/cloudlink-quickstart.XXXXXX")
cloud_pid=""
agent_pid=""

cleanup() {
  local status=$?
  [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null
  [ -n "$cloud_pid" ] && kill "$cloud_pid" 2>/dev/null && wait "$cloud_pid" 2>/dev/null
  if [ "${KEEP:-0}" = 1 ]; then
    echo "Kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT INT TERM

fail() {
  echo "quickstart.sh: $*" >&2
  exit 1
}

command -v dotnet >/dev/null || fail "the .NET SDK is missing: install dotnet-sdk-10.0, then run this again."
if ! command -v curl >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq curl >/dev/null || fail "cannot install curl; run 'apt-get install curl'."
  else
    fail "curl is missing: run 'sudo apt-get install curl', then run this again."
  fi
fi

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s until it succeeds.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local tries=$((seconds * 5))
  until "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || fail "timed out after ${seconds}s waiting for $what (logs in $work; run with KEEP=1 to keep them)."
    sleep 0.2
  done
}

echo "==> Building (Release)"
dotnet build "$root/CloudLinkPS.sln" -c Release -nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; fail "the build failed."; }
cloud_dll="$root/src/CloudLink.Cloud/bin/Release/net10.0/cloudlink-cloud.dll"
agent_dll="$root/src/CloudLink.Agent/bin/Release/net10.0/injixo-cloud-link.dll"

echo "==> Creating an account in the reference cloud (SQLite in $work/cloud)"
# The last line of 'account create' is the account's first API token; curl reads it from a
# private header file, so it is on no command line.
token=$(dotnet "$cloud_dll" account create "Quick start" quickstart@example.com --Cloud:DataDirectory="$work/cloud" </dev/null | tail -n 1) ||
  fail "the cloud could not create the account."
(umask 077 && printf 'Authorization: Bearer %s\n' "$token" >"$work/token.header")
unset token
people=(-H "@$work/token.header")

echo "==> Starting the reference cloud on 127.0.0.1"
dotnet "$cloud_dll" --urls http://127.0.0.1:0 --Cloud:DataDirectory="$work/cloud" \
  --Cloud:AddressFile="$work/cloud.address" >"$work/cloud.log" 2>&1 &
cloud_pid=$!
wait_for 30 "the cloud to listen" test -s "$work/cloud.address"
cloud=$(cat "$work/cloud.address")
echo "    listening on $cloud"

echo "==> Creating a CSV integration"
integration=$(curl -fsS -X POST "$cloud/api/v1/integrations" "${people[@]}" -H 'Content-Type: application/json' \
  -d '{"name":"Quick start ACD export","type":"csv"}')
integration_id=$(printf '%s' "$integration" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
[ -n "$integration_id" ] || fail "unexpected answer from the cloud: $integration"
echo "    integration $integration_id"

echo "==> Creating an agent instance in $work/instance"
mkdir -p "$work/instance/import"
cat >"$work/instance/injixo-cloud-link.toml" <<TOML
# Quick start instance
[app]
name = "com.injixo.cloud-link"
importDirectory = "import"

[cloud]
url = "$cloud"

[csv]
settleSeconds = 1
scanSeconds = 0.5
TOML
dotnet "$agent_dll" --config "$work/instance/injixo-cloud-link.toml" run >"$work/agent.log" 2>&1 &
agent_pid=$!

wait_for 30 "the agent's PIN" test -s "$work/instance/state/pin.json"
pin=$(sed -n 's/.*"pin":"\([0-9]\{6\}\)".*/\1/p' "$work/instance/state/pin.json")
echo "==> The agent shows:"
grep '^\*\*' "$work/agent.log" | tail -n 6 | sed 's/^/    /'

echo "==> Entering PIN $pin on the integration, as a person would"
preview=$(curl -fsS -X POST "$cloud/api/v1/integrations/$integration_id/pin-preview" "${people[@]}" \
  -H 'Content-Type: application/json' -d "{\"pin\":\"$pin\"}")
echo "    PIN belongs to: $preview"
curl -fsS -X POST "$cloud/api/v1/integrations/$integration_id/connect" "${people[@]}" \
  -H 'Content-Type: application/json' -d "{\"pin\":\"$pin\"}" >/dev/null
wait_for 30 "the agent to link" grep -q '"linked":true' "$work/instance/state/credentials.json"
echo "    linked"

echo "==> Dropping sample CSV files into the import folder"
printf 'queueidentifier;queuename;timestamp;offered;answered;handlingtime\r\n1;Sales;2026-11-21T08:00:00;12;11;2310\r\n2;Support;2026-11-21T08:00:00;30;28;5012\r\n' \
  >"$work/instance/import/contacts-2026-11-21.csv"
printf 'agentidentifier,starttime,endtime,activity\n42,2026-11-21T08:00:00,2026-11-21T08:15:00,"Pause, M\xfcller"\n' \
  >"$work/instance/import/agentstatus-latin1.csv"
cp "$work/instance/import/contacts-2026-11-21.csv" "$work/instance/import/contacts-copy.csv"
echo "    3 files (one an exact copy, which is not imported twice)"

received() { curl -fsS "${people[@]}" "$cloud/api/v1/received?integrationId=$integration_id"; }
has_two() { [ "$(received | grep -o '"sha256"' | wc -l)" -ge 2 ]; }
wait_for 60 "the files to arrive in the cloud" has_two
sleep 1

echo "==> The cloud received:"
received | sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sed 's/^/    /'
echo
echo "==> Agent status:"
dotnet "$agent_dll" --config "$work/instance/injixo-cloud-link.toml" status | sed 's/^/    /'
count=$(received | grep -o '"sha256"' | wc -l)
[ "$count" -eq 2 ] || fail "expected 2 files in the cloud, found $count."
echo "==> Done: 2 files imported, the copy recognised, nothing sent twice."
