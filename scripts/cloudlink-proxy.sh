#!/usr/bin/env bash
# Sets, shows or removes the proxy every CloudLink instance on this host uses: the same files as
# Set-CloudLinkProxy (/etc/injixo-cloud-link/proxy.env and a drop-in per instance's unit).
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/cloudlink-common.sh
. "$(dirname "$0")/lib/cloudlink-common.sh"

help() {
  cat <<'TEXT'
Usage: sudo cloudlink-proxy.sh set URL [--user NAME] [--no-proxy HOSTS] [--agent PATH]
       cloudlink-proxy.sh show [--agent PATH]
       sudo cloudlink-proxy.sh unset [--agent PATH]

  set      URL is http://host:port (or https://); a URL without a scheme is refused. With
           --user, the password is asked for (or read from standard input) and URL-encoded;
           it is never shown. Writes /etc/injixo-cloud-link/proxy.env (mode 0600) and a
           systemd drop-in for each instance, then reloads systemd. Restart the instances.
  show     The proxy, password masked.
  unset    Removes the proxy and the drop-ins.
  --agent  The injixo-cloud-link to run (default: the first installed instance's).

Exit codes: 0 done, 1 failed, 2 usage error, 3 invalid proxy URL.
TEXT
}

[ $# -gt 0 ] || usage_error "give set, show or unset."
case $1 in --help|-h) help; exit 0 ;; esac
action=$1
shift
args=() agent_path="" user=""
while [ $# -gt 0 ]; do
  case $1 in
    --agent) agent_path=${2:?--agent needs a path}; shift 2 ;;
    --user) user=${2:?--user needs a name}; args+=(--user "$user"); shift 2 ;;
    --no-proxy) args+=(--no-proxy "${2:?--no-proxy needs hosts}"); shift 2 ;;
    --help|-h) help; exit 0 ;;
    -*) usage_error "unknown option '$1'." ;;
    *) args=("$1" "${args[@]}"); shift ;;
  esac
done

case $action in
  set|show|unset) ;;
  *) usage_error "unknown action '$action'; give set, show or unset." ;;
esac

agent=$(cloudlink_any_agent "$agent_path")
if [ "$action" = set ] && [ -n "$user" ] && [ -t 0 ]; then
  read -r -s -p "Password for $user: " password
  echo >&2
  printf '%s\n' "$password" | "$agent" proxy set "${args[@]}"
else
  "$agent" proxy "$action" "${args[@]}"
fi
