#!/usr/bin/env bats
# scripts/package-msi.sh's arguments, refused before anything is built (the MSI itself is tested by
# ProductMsiTests and ProductMsiWineTests in xunit).
load helpers

@test "package-msi --help says what the installer holds and the options" {
  run "$SCRIPTS/package-msi.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"instance.1 ... instance.8"* ]]
  [[ "$output" == *"--version"* && "$output" == *"--agent"* && "$output" == *"--output"* ]]
}

@test "package-msi refuses a version Windows Installer cannot compare, naming the rule" {
  run "$SCRIPTS/package-msi.sh" --version 1.2 --output "$BATS_TEST_TMPDIR/x.msi"
  [ "$status" -eq 2 ]
  [[ "$output" == *"version '1.2' is not X.Y.Z"* ]]
  [ ! -e "$BATS_TEST_TMPDIR/x.msi" ]

  run "$SCRIPTS/package-msi.sh" --version 256.0.0
  [ "$status" -eq 2 ]
}

@test "package-msi refuses an unknown argument with the usage" {
  run "$SCRIPTS/package-msi.sh" --sign
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown argument '--sign'"* ]]
  [[ "$output" == *"Usage: scripts/package-msi.sh"* ]]
}

@test "package-msi refuses an agent that is not there, saying how to publish one" {
  run "$SCRIPTS/package-msi.sh" --agent "$BATS_TEST_TMPDIR/none.exe"
  [ "$status" -eq 2 ]
  [[ "$output" == *"--agent $BATS_TEST_TMPDIR/none.exe: no such file"* ]]
  [[ "$output" == *"dotnet publish src/CloudLink.Agent"* ]]
}
