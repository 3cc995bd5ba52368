#!/usr/bin/env bash
# Installs a CloudLink instance on Linux from the release archive: its own folder, the next free
# [app] name, its systemd service started, and the PIN to link it. The same steps as
# Install-CloudLinkInstance in the PowerShell module.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/cloudlink-common.sh
. "$(dirname "$0")/lib/cloudlink-common.sh"

help() {
  cat <<'TEXT'
Usage: sudo cloudlink-install.sh --archive FILE --folder DIR [options]

Installs an injixo Cloud Link instance from the release archive into its own folder, names it
com.injixo.cloud-link (the first) or com.injixo.cloud-link.instance.N (the next free N),
installs and starts its systemd service and shows the PIN to enter in the cloud. The service
runs as the system user injixo-cloud-link (created when missing) in a sandbox; its state and logs
are that user's, the config root's and readable by the user's group only.

  --archive FILE     injixo-cloud-link-VERSION-linux-x64.tar.gz
  --folder DIR       the instance's folder; refused if it already holds an instance
  --name NAME        the [app] name instead of the next free one; refused if in use
  --cloud-url URL    the cloud to link to (cloud.url)
  --import-dir DIR   the folder scanned for CSV files (app.importDirectory); the service's
                     user needs read access to it (install warns with the fix if not)
  --user NAME        the system user the service runs as (default injixo-cloud-link);
                     'root' runs it as root, with a warning
  --no-start         install the service but do not start it (no PIN shown)
  --no-service       only unpack and configure (no systemd service)
  --help             this text

Exit codes: 0 installed, 1 refused or failed (the message says why), 2 usage error.
TEXT
}

archive="" folder="" name="" cloud_url="" import_dir="" user="" start=1 service=1
while [ $# -gt 0 ]; do
  case $1 in
    --archive) archive=${2:?--archive needs a file}; shift 2 ;;
    --folder) folder=${2:?--folder needs a directory}; shift 2 ;;
    --name) name=${2:?--name needs a name}; shift 2 ;;
    --cloud-url) cloud_url=${2:?--cloud-url needs a URL}; shift 2 ;;
    --import-dir) import_dir=${2:?--import-dir needs a directory}; shift 2 ;;
    --user) user=${2:?--user needs a user name}; shift 2 ;;
    --no-start) start=0; shift ;;
    --no-service) service=0; start=0; shift ;;
    --help|-h) help; exit 0 ;;
    *) usage_error "unknown option '$1'." ;;
  esac
done

[ -n "$archive" ] || usage_error "give the release archive with --archive FILE."
[ -n "$folder" ] || usage_error "give the instance's folder with --folder DIR."
[ -f "$archive" ] || die "the release archive $archive does not exist."
[ "$service" -eq 1 ] || [ -z "$user" ] || usage_error "--user is for the service; leave it out with --no-service."
folder=$(realpath -m "$folder")

installed=$(cloudlink_instances)
while IFS=$'\t' read -r used_name _ used_exec _; do
  [ -n "$used_name" ] || continue
  [ "$(dirname "$used_exec")" != "$folder" ] || die "$folder already holds the instance $used_name; installing there would overwrite it. Choose another folder, or uninstall that instance first."
done <<<"$installed"
for marker in injixo-cloud-link.toml injixo-cloud-link; do
  [ ! -e "$folder/$marker" ] || die "$folder already holds an instance ($folder/$marker); installing there would overwrite it. Choose another folder, or uninstall that instance first."
done

names=$(cut -f 1 <<<"$installed")
if [ -z "$name" ]; then
  name=com.injixo.cloud-link
  n=0
  while grep -qxF "$name" <<<"$names"; do
    n=$((n + 1))
    name=com.injixo.cloud-link.instance.$n
  done
elif grep -qxF "$name" <<<"$names"; then
  die "the name $name is already used by another instance; leave --name out to get the next free one."
fi

mkdir -p "$folder"
tar -xzf "$archive" -C "$folder" --no-same-owner || die "cannot unpack $archive into $folder; check the archive (sha256sum -c) and the free space."
agent=("$folder/injixo-cloud-link" --config "$folder/injixo-cloud-link.toml")
"${agent[@]}" config set app.name "$name" --string >/dev/null
[ -z "$cloud_url" ] || "${agent[@]}" config set cloud.url "$cloud_url" --string >/dev/null
[ -z "$import_dir" ] || "${agent[@]}" config set app.importDirectory "$import_dir" --string >/dev/null
echo "Installed $name in $folder."

if [ "$service" -eq 1 ]; then
  if [ -n "$user" ]; then
    "${agent[@]}" service install --user "$user"
  else
    "${agent[@]}" service install
  fi
  if [ "$start" -eq 1 ]; then
    "${agent[@]}" service start
    "${agent[@]}" pin || echo "No PIN yet (see above); run '${agent[*]} pin' once the cloud is reachable."
  fi
fi
