# Shared set-up of the script tests: a temporary host root (CLOUDLINK_HOST_ROOT) and folders,
# and the real agent from the release archive (CLOUDLINK_PACKAGE, built by scripts/package.sh).
# shellcheck shell=bash

# shellcheck disable=SC2034 # used by the .bats files that load this
SCRIPTS="$(cd "$BATS_TEST_DIRNAME/../../scripts" && pwd)"

setup_host() {
  if [ -z "${CLOUDLINK_PACKAGE:-}" ] || [ ! -f "$CLOUDLINK_PACKAGE" ]; then
    skip "needs CLOUDLINK_PACKAGE (scripts/package.sh); .ci/run builds it"
  fi
  export CLOUDLINK_HOST_ROOT="$BATS_TEST_TMPDIR/root"
  OPT="$BATS_TEST_TMPDIR/opt"
  mkdir -p "$CLOUDLINK_HOST_ROOT/etc/systemd/system" "$OPT"
}

# Writes the unit 'service install' would write for the instance NAME in FOLDER.
fake_unit() {
  local name=$1 folder=$2
  cat >"$CLOUDLINK_HOST_ROOT/etc/systemd/system/$name.service" <<UNIT
# Written by \`injixo-cloud-link service install\` for the instance in $folder.
[Unit]
Description=injixo Cloud Link ($name)

[Service]
ExecStart="$folder/injixo-cloud-link" "--config" "$folder/injixo-cloud-link.toml" "run"
WorkingDirectory=$folder
UNIT
}

# Unpacks the release into FOLDER without the install script.
unpack() {
  mkdir -p "$1"
  tar -xzf "$CLOUDLINK_PACKAGE" -C "$1"
}
