#!/usr/bin/env bash
# Packs DataGate.MSBuild into the local feed artifacts/feed (used by examples/GatedTraining).
# Usage: build/pack.sh [VERSION]   (default 0.1.0-local)
# A repacked version is also removed from the NuGet global packages folder, so the next restore takes the new one.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-0.1.0-local}"
feed="artifacts/feed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
mkdir -p "$feed"
rm -f "$feed/DataGate.MSBuild.$version.nupkg"
dotnet pack src/DataGate.MSBuild/DataGate.MSBuild.csproj -c Release -o "$feed" -p:Version="$version"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf "$packages/datagate.msbuild/$version"
echo "packed $feed/DataGate.MSBuild.$version.nupkg"
