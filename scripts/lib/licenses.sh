# Shared by package.sh and package-msi.sh (sourced, not run): the licence texts every release ships.
# They come from the machine that builds (the .NET SDK and Debian's common licences), so that no
# third-party text is kept in this repository.
# shellcheck shell=bash

# stage_licenses ROOT DIR: writes the licence files into DIR (created).
stage_licenses() {
  local root=$1 dir=$2 dotnet_root package
  mkdir -p "$dir"
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  cp "$dotnet_root/LICENSE.txt" "$dir/dotnet-runtime.LICENSE.txt"
  cp "$dotnet_root/ThirdPartyNotices.txt" "$dir/dotnet-runtime.ThirdPartyNotices.txt"
  for package in Serilog Serilog.Sinks.Console; do
    {
      echo "$package, Copyright Serilog Contributors, licensed under the Apache License 2.0:"
      echo
      cat /usr/share/common-licenses/Apache-2.0
    } >"$dir/$package.LICENSE.txt"
  done
  cp "$root/LICENSE" "$dir/CloudLink.LICENSE.txt"
}
