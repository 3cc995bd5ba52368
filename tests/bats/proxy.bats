#!/usr/bin/env bats
load helpers

setup() {
  setup_host
  unpack "$OPT/east"
  fake_unit com.injixo.cloud-link "$OPT/east"
}

@test "proxy --help explains set, show and unset" {
  run "$SCRIPTS/cloudlink-proxy.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"set URL"* ]]
}

@test "proxy set writes the private environment file and a drop-in per instance, show masks the password" {
  run bash -c "printf 'p@ss w0rd\n' | '$SCRIPTS/cloudlink-proxy.sh' set http://proxy.corp:3128 --user svc --no-proxy localhost,.corp"
  [ "$status" -eq 0 ]
  [[ "$output" == *"http://svc:****@proxy.corp:3128"* ]]
  [[ "$output" != *"w0rd"* ]]
  env_file="$CLOUDLINK_HOST_ROOT/etc/injixo-cloud-link/proxy.env"
  [ "$(stat -c %a "$env_file")" = 600 ]
  grep -qx "HTTPS_PROXY='http://svc:p%40ss%20w0rd@proxy.corp:3128'" "$env_file"
  grep -qx "NO_PROXY='localhost,.corp'" "$env_file"
  grep -qx "EnvironmentFile=/etc/injixo-cloud-link/proxy.env" "$CLOUDLINK_HOST_ROOT/etc/systemd/system/com.injixo.cloud-link.service.d/proxy.conf"

  run "$SCRIPTS/cloudlink-proxy.sh" show
  [ "$status" -eq 0 ]
  [[ "$output" == *"http://svc:****@proxy.corp:3128 (not for localhost,.corp)"* ]]

  run "$SCRIPTS/cloudlink-proxy.sh" unset
  [ "$status" -eq 0 ]
  [ ! -e "$env_file" ]
  [ ! -e "$CLOUDLINK_HOST_ROOT/etc/systemd/system/com.injixo.cloud-link.service.d" ]
}

@test "proxy set refuses a URL without a scheme and writes nothing" {
  run "$SCRIPTS/cloudlink-proxy.sh" set proxy.corp:3128
  [ "$status" -eq 3 ]
  [[ "$output" == *"has no scheme"* ]]
  [ ! -e "$CLOUDLINK_HOST_ROOT/etc/injixo-cloud-link" ]
}

@test "proxy without an installed instance asks for --agent" {
  rm "$CLOUDLINK_HOST_ROOT/etc/systemd/system/com.injixo.cloud-link.service"
  run "$SCRIPTS/cloudlink-proxy.sh" show
  [ "$status" -eq 1 ]
  [[ "$output" == *"pass --agent PATH"* ]]
  run "$SCRIPTS/cloudlink-proxy.sh" show --agent "$OPT/east/injixo-cloud-link"
  [ "$status" -eq 0 ]
  [[ "$output" == *"No proxy is set"* ]]
}
