#!/usr/bin/env bash
# Measures how fast the site answers: builds a Release copy, starts it in Production on a loopback port with a
# fresh data folder, then loads each kind of page with wrk (Debian's `wrk` package; installed if missing).
# Usage: bash scripts/bench.sh [seconds-per-page] [connections]
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-16}"
port=5099
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  echo "== Installing wrk"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

echo "== Building (Release)"
out="$(mktemp -d)"
data="$(mktemp -d)"
trap 'kill "$site" 2>/dev/null || true; rm -rf "$out" "$data"' EXIT
dotnet publish src/GeneTherapyExplainers.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -v quiet -nologo >/dev/null

echo "== Starting the site on $base (Production, fresh database)"
start=$(date +%s%N)
ASPNETCORE_ENVIRONMENT=Production Site__DataPath="$data" Site__ContentPath="$PWD/content" \
  Serilog__MinimumLevel__Default=Warning \
  dotnet "$out/GeneTherapyExplainers.Web.dll" --urls "$base" --contentRoot "$out" >"$data/site.out" 2>&1 &
site=$!
until curl -fs -o /dev/null "$base/"; do
  if ! kill -0 "$site" 2>/dev/null; then cat "$data/site.out"; exit 1; fi
  sleep 0.1
done
echo "ready in $(( ($(date +%s%N) - start) / 1000000 )) ms (start, migrate, seed, read content)"

pages=(/ /explainers /explainers/gene-therapy-explained /glossary /glossary/aav /people/georgios-anagas "/search?q=vectors" /feed.atom /sitemap.xml /css/site.css)
printf '\n%-36s %10s %10s %10s %10s %12s\n' page "req/s" "p50" "p90" "p99" "bytes (br)"
# Warm up every page first (views compiled, code re-jitted at full optimisation), so the figures are the
# steady state of a running site rather than its first seconds.
for page in "${pages[@]}"; do
  wrk -t1 -c2 -d2s "$base$page" >/dev/null 2>&1 || true
done
for page in "${pages[@]}"; do
  wrk -t2 -c"$connections" -d"${seconds}s" -H 'Accept-Encoding: br, gzip' --latency "$base$page" >"$data/wrk.out" 2>&1 || true
  bytes=$(curl -s -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$base$page")
  awk -v page="$page" -v bytes="$bytes" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%-36s %10s %10s %10s %10s %12s%s\n", page, rps, p50, p90, p99, bytes, (bad ? "  NON-2XX: " bad : "") }
  ' "$data/wrk.out"
done
echo
echo "$connections connections, ${seconds}s a page, $(nproc) cores; latency is for the whole answer on loopback."
