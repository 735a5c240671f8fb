#!/usr/bin/env bash
# Runs every test suite of the site: unit and in-process HTTP tests, and the browser suite (real Chromium
# against a real Kestrel port, with axe-core accessibility rules). Installs what the browser suite needs
# where it is missing: Debian's chromium and chromium-driver, and the axe-core npm package. The store tests run on
# SQLite and on PostgreSQL: a throwaway PostgreSQL server (Debian's postgresql, installed where missing) is started
# in a temporary folder on a free port, named to the tests by GTE_TEST_POSTGRES, and stopped at the end. Last, the
# failover check of scripts/cluster.sh (PostgreSQL, two instances, nginx; one stopped under load) runs once.
# Ends with one line: "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

install_browser() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    return 0
  fi
  say "Installing Chromium and ChromeDriver (Debian packages chromium, chromium-driver)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
  fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
}

if ! install_browser; then
  echo "Chromium and ChromeDriver could not be installed; the browser tests will fail and say so." >&2
fi

if [ ! -f tests/GeneTherapyExplainers.BrowserTests/node_modules/axe-core/axe.min.js ]; then
  say "Installing axe-core (npm)"
  (cd tests/GeneTherapyExplainers.BrowserTests && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "axe-core could not be installed; the accessibility tests will fail and say so." >&2
fi

# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
if [ -n "${GTE_TEST_POSTGRES:-}" ]; then
  say "PostgreSQL tests use the server in GTE_TEST_POSTGRES"
elif pg_start; then
  export GTE_TEST_POSTGRES="$PG_ADMIN"
  say "Started a throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
else
  echo "No PostgreSQL server could be started; the PostgreSQL store tests will fail and say so." >&2
fi

# Many sites run at once in the test process, each watching its settings and its content folder: Linux's default
# of 128 inotify watchers per user can run out (a site then fails to start). Raise it where we may; the content
# watcher itself falls back to checking every 2 s when it gets none.
if [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
  sysctl -qw fs.inotify.max_user_instances=1024 2>/dev/null || sudo -n sysctl -qw fs.inotify.max_user_instances=1024 2>/dev/null \
    || echo "Could not raise fs.inotify.max_user_instances; with many sites at once some may fail to start." >&2
fi

mkdir -p TestResults
rm -f TestResults/summary.txt
log=$(mktemp)
trap 'rm -f "$log"; pg_stop' EXIT

say "Running every test suite"
dotnet test GeneTherapyExplainers.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

if [ -f TestResults/summary.txt ]; then
  say "What was checked"
  axe=$(grep -c '^axe-core: checked' TestResults/summary.txt || true)
  pages=$(grep '^axe-core: checked' TestResults/summary.txt | sed 's/ in [a-z0-9]*\.$//' | sort -u | wc -l)
  echo "axe-core (WCAG 2.2 AA rules) checked $axe page views: $pages page types, each in light mode, dark mode and at 320 px."
  grep '^Hostile content:' TestResults/summary.txt || true
  grep '^Sign-in timing' TestResults/summary.txt || true
  requests=$(grep -c '^Hostile request' TestResults/summary.txt || true)
  echo "Hostile requests tried: $requests kinds (path traversal, NUL bytes, odd methods, over-long lines, unknown hosts, odd headers)."
fi

# Several instances behind nginx, under load, one stopped: no failed request and no lost write (counted as one test).
say "Failover check (scripts/cluster.sh --check)"
cluster_passed=0 cluster_failed=0
if bash scripts/cluster.sh --check; then cluster_passed=1; else cluster_failed=1; status=1; fi

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk -v c="$cluster_passed" '{s+=$2} END {print s+c}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk -v c="$cluster_failed" '{s+=$2} END {print s+c}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
