#!/usr/bin/env bash
# `npm test`: every suite, in one command, on a fresh Debian machine.
# Builds both targets, then runs each suite even if an earlier one failed, so
# one run shows everything that is broken. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh || exit 1

passed=0
failed=0
failures=()

step() {
  local name=$1
  shift
  printf '\n━━ %s\n' "$name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    printf '━━ %s: passed in %ss\n' "$name" $((SECONDS - start))
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf '━━ %s: FAILED in %ss\n' "$name" $((SECONDS - start))
  fi
}

# `npm run zip` builds both targets into .output/ and packages them for the stores.
step "build and store packages (npm run zip: Chrome MV3, Firefox MV3, sources)" npm run --silent zip
step "store packages (manifest, icons, sources)" npx tsx scripts/check-packages.ts
step "type check (tsc, strict)" npx tsc --noEmit
step "unit tests (vitest)" npx vitest run
step "content script size" npx tsx scripts/content-script-size.ts
step "Firefox linter (addons-linter on the Firefox ZIP)" npx tsx scripts/lint-firefox.ts --package
step "database tests (pgTAP on PostgreSQL 15)" npm run --silent test:db
step "integration tests (Supabase test double, PostgreSQL)" npm run --silent test:integration
step "browser tests (Playwright, Chromium)" npm run --silent test:browser
step "Firefox tests (puppeteer-core, Firefox ESR)" npm run --silent test:firefox

echo
for name in "${failures[@]}"; do echo "failed: $name"; done
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
