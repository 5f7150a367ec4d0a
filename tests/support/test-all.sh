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
# The tiers run one after another: on two cores, the e2e tier (Chromium) next to the integration tier's child
# processes and key generation missed its 30 s test timeouts, while each tier alone is stable. Every tier runs even
# when an earlier one failed, so one CI log shows all failures.
status=0
npx vitest run --project unit --project dates-utc --project dates-tokyo || status=1
npx vitest run --project integration || status=1
npx vitest run --project e2e || status=1
exit "$status"
