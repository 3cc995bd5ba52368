#!/usr/bin/env bats
load helpers

setup() { setup_host; }

@test "instances lists the units service install wrote and nothing else" {
  fake_unit com.injixo.cloud-link "$OPT/east"
  fake_unit com.injixo.cloud-link.instance.1 "$OPT/west"
  printf '[Service]\nExecStart=/usr/sbin/nginx\nWorkingDirectory=/srv\n' >"$CLOUDLINK_HOST_ROOT/etc/systemd/system/nginx.service"

  run "$SCRIPTS/cloudlink-instances.sh"
  [ "$status" -eq 0 ]
  [ "${#lines[@]}" -eq 3 ]
  # in unit-file order: "com.injixo.cloud-link.instance.1.service" sorts before "com.injixo.cloud-link.service"
  [ "${lines[1]}" = "$(printf 'com.injixo.cloud-link.instance.1\tcom.injixo.cloud-link.instance.1.service\tunknown\t%s' "$OPT/west")" ]
  [ "${lines[2]}" = "$(printf 'com.injixo.cloud-link\tcom.injixo.cloud-link.service\tunknown\t%s' "$OPT/east")" ]
}

@test "instances --help and a bad option" {
  run "$SCRIPTS/cloudlink-instances.sh" --help
  [ "$status" -eq 0 ]
  run "$SCRIPTS/cloudlink-instances.sh" --all
  [ "$status" -eq 2 ]
}
