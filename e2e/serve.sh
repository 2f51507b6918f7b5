#!/usr/bin/env bash
# The end-to-end web server: one production build shared by every spec, then `next start`
# on a fresh embedded data folder (or DATABASE_URL). PAYUNG_E2E_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
if [ "${PAYUNG_E2E_SKIP_BUILD:-}" != "1" ] || [ ! -f .next/BUILD_ID ]; then
  npx next build
fi
if [ -z "${DATABASE_URL:-}" ]; then
  rm -rf "${PGLITE_DIR:?}"
fi
exec npx next start -H 127.0.0.1 -p "$PORT"
