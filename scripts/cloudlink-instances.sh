#!/usr/bin/env bash
# Lists the CloudLink instances installed on this host (from their systemd units): name, unit,
# state and folder. The counterpart of Get-CloudLinkInstance.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/cloudlink-common.sh
. "$(dirname "$0")/lib/cloudlink-common.sh"

case ${1:-} in
  --help|-h)
    cat <<'TEXT'
Usage: cloudlink-instances.sh

Lists the injixo Cloud Link instances installed on this host: name, systemd unit, state
(active, inactive, failed; "unknown" without systemd) and folder, one per line, tab-separated.
TEXT
    exit 0 ;;
  "") ;;
  *) usage_error "unknown option '$1'." ;;
esac

printf 'NAME\tUNIT\tSTATE\tFOLDER\n'
cloudlink_instances | while IFS=$'\t' read -r name unit executable _; do
  state=unknown
  if [ "$CLOUDLINK_ROOT" = / ] && [ -d /run/systemd/system ]; then
    state=$(systemctl is-active "$unit" 2>/dev/null || true)
  fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$unit" "$state" "$(dirname "$executable")"
done
