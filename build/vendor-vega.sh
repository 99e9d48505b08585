#!/usr/bin/env bash
# Vendors the Vega and Vega-Lite runtimes that report.html embeds (src/DataGate.Core/Resources/vega/).
# Run it only to change the pinned versions; the files it writes are committed, so builds never fetch anything.
# Needs npm (the npm registry). Checks each tarball against the integrity npm records, copies the minified UMD
# build and the licence, drops the source-map comment (the map is not shipped) and prints the SHA-256 of each file.
set -euo pipefail
VEGA_VERSION=6.4.0
VEGA_LITE_VERSION=6.5.0
cd "$(dirname "$0")/.."
dest=src/DataGate.Core/Resources/vega
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # name version build-file
  local name=$1 version=$2 file=$3
  (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  mkdir -p "$work/$name"
  tar xzf "$work/$name-$version.tgz" -C "$work/$name"
  sed '/^\/\/# sourceMappingURL=/d' "$work/$name/package/build/$file" > "$dest/$file"
  cp "$work/$name/package/LICENSE" "$dest/$name.LICENSE"
  printf '%s %s\n' "$name" "$version" >> "$dest/VERSIONS"
}

mkdir -p "$dest"
rm -f "$dest/VERSIONS"
fetch vega "$VEGA_VERSION" vega.min.js
fetch vega-lite "$VEGA_LITE_VERSION" vega-lite.min.js
if grep -qi '</script' "$dest/vega.min.js" "$dest/vega-lite.min.js"; then
  echo "a runtime contains '</script': it cannot be inlined as is" >&2
  exit 1
fi
(cd "$dest" && sha256sum vega.min.js vega-lite.min.js)
