#!/usr/bin/env bash
# The end-to-end web server: one production build shared by every spec, then `next start`
# on a fresh embedded data folder (or DATABASE_URL). PAYUNG_E2E_SKIP_BUILD=1 reuses the last build.
# Everything the server prints is kept in $E2E_SERVER_LOG too: the suite's teardown
# (e2e/server-log.ts) fails when an identity the tests typed appears in it.
set -euo pipefail
if [ "${PAYUNG_E2E_SKIP_BUILD:-}" != "1" ] || [ ! -f .next/BUILD_ID ]; then
  npx next build
fi
if [ -z "${DATABASE_URL:-}" ]; then
  rm -rf "${PGLITE_DIR:?}"
fi
mkdir -p "$(dirname "$E2E_SERVER_LOG")"
: > "$E2E_SERVER_LOG"
exec npx next start -H 127.0.0.1 -p "$PORT" > >(tee -a "$E2E_SERVER_LOG") 2> >(tee -a "$E2E_SERVER_LOG" >&2)
