#!/usr/bin/env bash
# The README's "install everything and run all tests" command, and exactly what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash tests/support/system-packages.sh
# Electron's binary cannot be downloaded on the build machines; everything else installs from the npm registry.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-fund --no-audit
npm run build
npm run typecheck
npm run lint
# Installer configuration, fuses, shims and the example configuration (no Electron download needed).
npm run dist:check
npx vitest run
