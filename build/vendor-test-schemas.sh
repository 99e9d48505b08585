#!/usr/bin/env bash
# Vendors the SARIF 2.1.0 JSON schema the SARIF contract test validates against (tests/fixtures/schemas/).
# Source: the npm package @microsoft/jest-sarif (MIT), which ships the SARIF 2.1.0 (rtm.5) schema of the OASIS
# SARIF technical committee. Run it only to change the pinned version; the file is committed.
# (tests/fixtures/schemas/junit-10.xsd is the Jenkins xUnit plugin's JUnit schema, MIT, copied as published; see
# THIRD-PARTY-NOTICES.md.)
set -euo pipefail
JEST_SARIF_VERSION=1.0.0-beta.0
cd "$(dirname "$0")/.."
dest=tests/fixtures/schemas
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@microsoft/jest-sarif@$JEST_SARIF_VERSION" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$dest"
cp "$work/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$dest/sarif-2.1.0-rtm.5.json"
sha256sum "$dest/sarif-2.1.0-rtm.5.json"
