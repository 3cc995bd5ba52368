# Shared by the cloudlink-*.sh scripts (sourced, not run): messages, the host root, and the
# instances found from the systemd units that 'injixo-cloud-link service install' writes.
# shellcheck shell=bash

CLOUDLINK_ROOT=${CLOUDLINK_HOST_ROOT:-/}
CLOUDLINK_UNITS="${CLOUDLINK_ROOT%/}/etc/systemd/system"
# shellcheck disable=SC2016 # the backquotes are literal text of the unit's first line
CLOUDLINK_MARKER='# Written by `injixo-cloud-link service install`'

die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}

usage_error() {
  printf '%s: %s\nRun %s --help for the options.\n' "$(basename "$0")" "$*" "$(basename "$0")" >&2
  exit 2
}

# Prints "NAME<TAB>UNIT<TAB>EXECUTABLE<TAB>CONFIG" for each installed instance.
cloudlink_instances() {
  local unit name exec_line executable config
  [ -d "$CLOUDLINK_UNITS" ] || return 0
  for unit in "$CLOUDLINK_UNITS"/*.service; do
    [ -f "$unit" ] || continue
    case $(head -n 1 "$unit") in
      "$CLOUDLINK_MARKER"*) ;;
      *) continue ;;
    esac
    name=$(sed -n 's/^Description=injixo Cloud Link (\(.*\))$/\1/p' "$unit" | sed 's/%%/%/g')
    exec_line=$(sed -n 's/^ExecStart=//p' "$unit")
    executable=$(printf '%s\n' "$exec_line" | sed 's/^"\([^"]*\)".*/\1/')
    config=$(printf '%s\n' "$exec_line" | sed -n 's/.*"--config" "\([^"]*\)".*/\1/p')
    printf '%s\t%s\t%s\t%s\n' "$name" "$(basename "$unit")" "$executable" "$config"
  done
}

# The agent to run for host-wide commands: --agent, else the first installed instance's.
cloudlink_any_agent() {
  local given=$1 executable
  if [ -n "$given" ]; then
    [ -x "$given" ] || die "$given is not an executable injixo-cloud-link."
    printf '%s\n' "$given"
    return
  fi

  executable=$(cloudlink_instances | head -n 1 | cut -f 3)
  [ -n "$executable" ] || die "no CloudLink instance is installed here; pass --agent PATH (the injixo-cloud-link of an unpacked release)."
  printf '%s\n' "$executable"
}

# The agent and config of the instance in FOLDER.
cloudlink_folder_agent() {
  local folder=$1
  [ -n "$folder" ] || usage_error "give the instance's folder with --folder DIR."
  [ -x "$folder/injixo-cloud-link" ] || die "$folder holds no CloudLink instance (no executable injixo-cloud-link there)."
  printf '%s\n' "$folder/injixo-cloud-link"
}
