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
  {
    # CsvHelper is dual-licensed (MS-PL or Apache 2.0); it is shipped under the Apache License 2.0.
    echo "CsvHelper, Copyright Josh Close, licensed under the Apache License 2.0 (or MS-PL):"
    echo
    cat /usr/share/common-licenses/Apache-2.0
  } >"$dir/CsvHelper.LICENSE.txt"
  bsd_2_clause "Tomlyn" "Copyright (c) 2019-2026, Alexandre Mutel" >"$dir/Tomlyn.LICENSE.txt"
  cp "$root/LICENSE" "$dir/CloudLink.LICENSE.txt"
}

# bsd_2_clause PACKAGE COPYRIGHT: the BSD 2-Clause licence, which Debian's common licences lack.
bsd_2_clause() {
  cat <<EOF
$1, licensed under the BSD 2-Clause License:

$2
All rights reserved.

Redistribution and use in source and binary forms, with or without modification, are permitted
provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of conditions
   and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice, this list of
   conditions and the following disclaimer in the documentation and/or other materials provided
   with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR
CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT
OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
EOF
}
