#!/usr/bin/env bash
# Uninstalls a CloudLink instance: its service, proxy drop-in and log purge timer; with
# --remove-files also its folder (config, state, logs).
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/cloudlink-common.sh
. "$(dirname "$0")/lib/cloudlink-common.sh"

help() {
  cat <<'TEXT'
Usage: sudo cloudlink-uninstall.sh --folder DIR [--remove-files [--yes]]

Stops and removes the service of the instance in DIR, its proxy drop-in and its log purge
timer. Its folder (config, credentials, import ledger, logs) stays unless --remove-files is
given; that asks first unless --yes is given too.

Exit codes: 0 done, 1 failed (the message says why), 2 usage error.
TEXT
}

folder="" remove=0 yes=0
while [ $# -gt 0 ]; do
  case $1 in
    --folder) folder=${2:?--folder needs a directory}; shift 2 ;;
    --remove-files) remove=1; shift ;;
    --yes) yes=1; shift ;;
    --help|-h) help; exit 0 ;;
    *) usage_error "unknown option '$1'." ;;
  esac
done

agent=$(cloudlink_folder_agent "$folder")
config="$folder/injixo-cloud-link.toml"
"$agent" --config "$config" logs unschedule
if [ -f "$folder/state/service.json" ]; then
  "$agent" --config "$config" service uninstall
else
  echo "No service is installed for $folder."
fi

if [ "$remove" -eq 1 ]; then
  if [ "$yes" -ne 1 ]; then
    read -r -p "Delete $folder with its config, state and logs? [y/N] " answer
    [ "$answer" = y ] || [ "$answer" = Y ] || { echo "Files kept in $folder."; exit 0; }
  fi
  rm -rf -- "$folder"
  echo "Deleted $folder."
fi
