#!/usr/bin/env bats
load helpers

setup() {
  setup_host
  unpack "$OPT/east"
  for day in 01 02 03 04; do
    echo old >"$OPT/east/injixo-cloud-link.2026-01-$day.1.log"
    touch -d "2026-01-$day 23:00" "$OPT/east/injixo-cloud-link.2026-01-$day.1.log"
  done
  echo current >"$OPT/east/injixo-cloud-link.log"
  touch -d "2020-01-01" "$OPT/east/injixo-cloud-link.log"
}

@test "log purge --dry-run lists and deletes nothing" {
  run "$SCRIPTS/cloudlink-log-purge.sh" --folder "$OPT/east" --keep 1 --dry-run
  [ "$status" -eq 0 ]
  [[ "$output" == *"would delete $OPT/east/injixo-cloud-link.2026-01-01.1.log"* ]]
  [[ "$output" == *"3 rotated log(s) would be deleted"* ]]
  [ "$(ls "$OPT/east"/*.log | wc -l)" -eq 5 ]
}

@test "log purge deletes old rotated logs and never the current one" {
  run "$SCRIPTS/cloudlink-log-purge.sh" --folder "$OPT/east" --older-than 1
  [ "$status" -eq 0 ]
  [ "$(ls "$OPT/east"/*.log)" = "$OPT/east/injixo-cloud-link.log" ]
}

@test "log purge --schedule installs a daily timer and --unschedule removes it" {
  run "$SCRIPTS/cloudlink-log-purge.sh" --folder "$OPT/east" --schedule --older-than 30
  [ "$status" -eq 0 ]
  timer="$CLOUDLINK_HOST_ROOT/etc/systemd/system/com.injixo.cloud-link-log-purge.timer"
  grep -qx 'OnCalendar=\*-\*-\* 03:15:00' "$timer"
  grep -q '"logs" "purge" "--older-than" "30"' "${timer%.timer}.service"
  run "$SCRIPTS/cloudlink-log-purge.sh" --folder "$OPT/east" --unschedule
  [ "$status" -eq 0 ]
  [ ! -e "$timer" ]
}

@test "log purge needs an instance folder and an age or count" {
  run "$SCRIPTS/cloudlink-log-purge.sh" --folder "$OPT/none" --keep 1
  [ "$status" -eq 1 ]
  [[ "$output" == *"holds no CloudLink instance"* ]]
  run "$SCRIPTS/cloudlink-log-purge.sh" --folder "$OPT/east"
  [ "$status" -eq 2 ]
  [[ "$output" == *"Give an age"* ]]
}
