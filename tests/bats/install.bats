#!/usr/bin/env bats
load helpers

setup() { setup_host; }

@test "install --help explains the options and exits 0" {
  run "$SCRIPTS/cloudlink-install.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"--archive FILE"* ]]
  [[ "$output" == *"--user NAME"* ]]
  [[ "$output" == *"Exit codes"* ]]
}

@test "install without an archive or folder is a usage error" {
  run "$SCRIPTS/cloudlink-install.sh" --folder "$OPT/a"
  [ "$status" -eq 2 ]
  [[ "$output" == *"--archive FILE"* ]]
  run "$SCRIPTS/cloudlink-install.sh" --archive "$CLOUDLINK_PACKAGE" --bogus
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown option '--bogus'"* ]]
  run "$SCRIPTS/cloudlink-install.sh" --archive "$CLOUDLINK_PACKAGE" --folder "$OPT/a" --user svc --no-service
  [ "$status" -eq 2 ]
  [[ "$output" == *"--user is for the service"* ]]
  [ ! -e "$OPT/a" ]
}

@test "install of a missing archive names it" {
  run "$SCRIPTS/cloudlink-install.sh" --archive "$OPT/none.tar.gz" --folder "$OPT/a"
  [ "$status" -eq 1 ]
  [[ "$output" == *"$OPT/none.tar.gz does not exist"* ]]
  [ ! -e "$OPT/a" ]
}

@test "the first instance gets the default name, the next the first free instance number" {
  run "$SCRIPTS/cloudlink-install.sh" --archive "$CLOUDLINK_PACKAGE" --folder "$OPT/east" --cloud-url http://127.0.0.1:5080/ --no-service
  [ "$status" -eq 0 ]
  [[ "$output" == *"Installed com.injixo.cloud-link in $OPT/east"* ]]
  grep -qx 'name = "com.injixo.cloud-link"' "$OPT/east/injixo-cloud-link.toml"
  grep -qx 'url = "http://127.0.0.1:5080/"' "$OPT/east/injixo-cloud-link.toml"
  fake_unit com.injixo.cloud-link "$OPT/east"
  fake_unit com.injixo.cloud-link.instance.1 "$OPT/one"

  run "$SCRIPTS/cloudlink-install.sh" --archive "$CLOUDLINK_PACKAGE" --folder "$OPT/west" --import-dir exports --no-service
  [ "$status" -eq 0 ]
  grep -qx 'name = "com.injixo.cloud-link.instance.2"' "$OPT/west/injixo-cloud-link.toml"
  grep -qx 'importDirectory = "exports"' "$OPT/west/injixo-cloud-link.toml"
  [ -x "$OPT/west/injixo-cloud-link" ]
  [ -f "$OPT/west/licenses/Serilog.LICENSE.txt" ]
}

@test "a folder that holds an instance and a name in use are refused, nothing overwritten" {
  "$SCRIPTS/cloudlink-install.sh" --archive "$CLOUDLINK_PACKAGE" --folder "$OPT/east" --no-service
  echo "# mine" >>"$OPT/east/injixo-cloud-link.toml"
  fake_unit com.injixo.cloud-link "$OPT/east"

  run "$SCRIPTS/cloudlink-install.sh" --archive "$CLOUDLINK_PACKAGE" --folder "$OPT/east" --no-service
  [ "$status" -eq 1 ]
  [[ "$output" == *"$OPT/east already holds the instance com.injixo.cloud-link"* ]]
  tail -n 1 "$OPT/east/injixo-cloud-link.toml" | grep -qx '# mine'

  run "$SCRIPTS/cloudlink-install.sh" --archive "$CLOUDLINK_PACKAGE" --folder "$OPT/north" --name com.injixo.cloud-link --no-service
  [ "$status" -eq 1 ]
  [[ "$output" == *"the name com.injixo.cloud-link is already used"* ]]
  [ ! -e "$OPT/north" ]
}
