#!/usr/bin/env bats
load helpers

setup() {
  setup_host
  unpack "$OPT/east"
}

@test "uninstall --help explains what stays" {
  run "$SCRIPTS/cloudlink-uninstall.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"--remove-files"* ]]
}

@test "uninstall without a service keeps the files unless asked, and then removes them" {
  run "$SCRIPTS/cloudlink-uninstall.sh" --folder "$OPT/east"
  [ "$status" -eq 0 ]
  [[ "$output" == *"No service is installed for $OPT/east"* ]]
  [ -x "$OPT/east/injixo-cloud-link" ]

  run bash -c "echo n | '$SCRIPTS/cloudlink-uninstall.sh' --folder '$OPT/east' --remove-files"
  [ "$status" -eq 0 ]
  [[ "$output" == *"Files kept"* ]]
  [ -d "$OPT/east" ]

  run "$SCRIPTS/cloudlink-uninstall.sh" --folder "$OPT/east" --remove-files --yes
  [ "$status" -eq 0 ]
  [ ! -e "$OPT/east" ]
}

@test "uninstall of a folder without an instance says so" {
  run "$SCRIPTS/cloudlink-uninstall.sh" --folder "$OPT/none"
  [ "$status" -eq 1 ]
  [[ "$output" == *"$OPT/none holds no CloudLink instance"* ]]
}
