#!/usr/bin/env bash
# Packs every packable project under src/ (the `datagate` tool, DataGate.MSBuild, DataGate.ML and the DataGate.Core
# library they share) into one local feed, with one version. See docs/packaging.md.
#
# Usage: build/pack.sh [VERSION] [--output DIR] [--artifacts DIR]
#   VERSION      package version; default: from git (MinVer: the latest vX.Y.Z tag and the height above it)
#   --output     the feed folder (default artifacts/feed)
#   --artifacts  the build's intermediate folder (default artifacts/pack); never the projects' own bin/obj, so
#                packing does not disturb a build or test run in the same clone
# Prints "packed <id> <version>" per package and writes the version to <feed>/version.txt (examples/GatedTraining
# reads it). A repacked version is also removed from the NuGet global packages folder, so the next restore takes it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

version=""
feed="artifacts/feed"
work="artifacts/pack"
while [ $# -gt 0 ]; do
  case "$1" in
    --output) feed="${2:?--output needs a folder}"; shift 2 ;;
    --artifacts) work="${2:?--artifacts needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "pack.sh: unknown option '$1' (valid: --output, --artifacts)" >&2; exit 2 ;;
    *)
      if [ -n "$version" ]; then echo "pack.sh: one VERSION only, got '$version' and '$1'" >&2; exit 2; fi
      version="$1"; shift ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
mkdir -p "$feed" "$work"
feed="$(cd "$feed" && pwd)"
work="$(cd "$work" && pwd)"

# One solution of every project under src/ (generated, so a new package needs no edit here): one restore, one build
# of DataGate.Core, the packages built in parallel.
projects=(src/*/*.csproj)
rm -f "$work/packages.slnx"
dotnet new sln --format slnx --name packages --output "$work" >/dev/null
dotnet sln "$work/packages.slnx" add "${projects[@]}" >/dev/null

# A fresh folder for this run's packages: only what this run packed is reported and moved into the feed.
out="$work/out"
rm -rf "$out"
args=(-c Release -p:PackageOutputPath="$out" -p:UseArtifactsOutput=true -p:ArtifactsPath="$work"
  -p:ContinuousIntegrationBuild=true)
if [ -n "$version" ]; then
  args+=(-p:Version="$version")
fi
dotnet pack "$work/packages.slnx" "${args[@]}"

shopt -s nullglob
packed=("$out"/*.nupkg)
if [ ${#packed[@]} -eq 0 ]; then
  echo "pack.sh: no package was produced" >&2
  exit 1
fi

packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
first_version=""
for nupkg in "${packed[@]}"; do
  # <id>.<version>.nupkg: the nuspec inside is the authority for both.
  nuspec="$(unzip -p "$nupkg" '*.nuspec')"
  id="$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' <<<"$nuspec" | head -1)"
  packed_version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' <<<"$nuspec" | head -1)"
  if [ -n "$first_version" ] && [ "$packed_version" != "$first_version" ]; then
    echo "pack.sh: $id has version $packed_version, the others $first_version: one version for all packages" >&2
    exit 1
  fi
  first_version="$packed_version"
  mv -f "$nupkg" "$feed/"
  rm -rf "$packages/${id,,}/${packed_version,,}"
  echo "packed $id $packed_version"
done
printf '%s\n' "$packed_version" >"$feed/version.txt"
echo "feed: $feed"
