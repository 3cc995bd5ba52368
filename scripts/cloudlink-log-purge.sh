#!/usr/bin/env bash
# Deletes rotated logs of a CloudLink instance by age and/or count (dry run first), or installs
# a daily systemd timer that does it. The current log is never deleted.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/cloudlink-common.sh
. "$(dirname "$0")/lib/cloudlink-common.sh"

help() {
  cat <<'TEXT'
Usage: cloudlink-log-purge.sh --folder DIR [--older-than DAYS] [--keep N] [--dry-run]
       sudo cloudlink-log-purge.sh --folder DIR --schedule [--older-than DAYS] [--keep N]
       sudo cloudlink-log-purge.sh --folder DIR --unschedule

Deletes the rotated logs (injixo-cloud-link.YYYY-MM-DD.N.log) of the instance in DIR that are
older than DAYS and/or not among the N newest (with both: old and beyond N). The current log
is never deleted. --dry-run lists what would go. --schedule installs a daily timer at 03:15
(UNIT-log-purge.timer) that runs the same purge; --unschedule removes it.

Exit codes: 0 done, 1 failed, 2 usage error.
TEXT
}

folder="" mode=purge args=()
while [ $# -gt 0 ]; do
  case $1 in
    --folder) folder=${2:?--folder needs a directory}; shift 2 ;;
    --older-than) args+=(--older-than "${2:?--older-than needs days}"); shift 2 ;;
    --keep) args+=(--keep "${2:?--keep needs a count}"); shift 2 ;;
    --dry-run) args+=(--dry-run); shift ;;
    --schedule) mode=schedule; shift ;;
    --unschedule) mode=unschedule; shift ;;
    --help|-h) help; exit 0 ;;
    *) usage_error "unknown option '$1'." ;;
  esac
done

agent=$(cloudlink_folder_agent "$folder")
"$agent" --config "$folder/injixo-cloud-link.toml" logs "$mode" "${args[@]}"
