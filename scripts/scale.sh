#!/usr/bin/env bash
# Measures how the site copes with size, side by side with static-file servers and Hugo, in one run:
#  1. with the shipped content: the explainer page against the same bytes served as a static file by Kestrel (from
#     content/media, through the site's own middleware) and by nginx, and search against the page (wrk); start to
#     the first answer; the time until a saved file is live;
#  2. with a generated folder of N explainers (copies of the shipped ones): start against Hugo building the same
#     files, resident memory, the time until a saved file is live, the size of every list page, the page and search
#     under load, and the CPU used while idle.
# Installs Debian's wrk, nginx and hugo when missing. Everything runs on loopback, one server at a time, and
# everything started is stopped on exit. The figures are indicative: compare runs on the same machine only.
# Usage: bash scripts/scale.sh [explainers=10000] [seconds=10] [connections=32]
set -euo pipefail
export LC_ALL=C

cd "$(dirname "$0")/.."
repo="$PWD"
total="${1:-10000}"
seconds="${2:-10}"
connections="${3:-32}"
for value in "$total" "$seconds" "$connections"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "usage: bash scripts/scale.sh [explainers=10000] [seconds=10] [connections=32]" >&2; exit 2; }
done
shipped_count=$(find content/explainers -maxdepth 1 -name '*.md' | wc -l)
(( total >= shipped_count + 5 )) || { echo "explainers must be at least $((shipped_count + 5)) (the shipped ones and 5 copies)" >&2; exit 2; }
(( seconds >= 1 && connections >= 1 )) || { echo "seconds and connections must be at least 1" >&2; exit 2; }

die() { echo "scale.sh: $*" >&2; exit 1; }
source "$repo/scripts/scale/lib.sh"

work="$(mktemp -d /tmp/scale.XXXXXX)"
site_pid=""
nginx_pid=""
cleanup() {
  stop_site
  stop_nginx
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Gene Therapy Explainers: scale check with $total explainers, wrk ${seconds}s a run, $connections connections, $(nproc) cores"
echo "This machine may be shared and busy: the figures are indicative; compare runs on the same machine only."
echo
echo "== Installing what is missing (Debian packages)"
ensure_tools
echo "wrk $(wrk -v 2>&1 | awk 'NR==1{print $2}'), $(nginx -v 2>&1 | sed 's/.*: //'), hugo $(hugo version | awk '{print $2}' | cut -d+ -f1), nginx compression: $nginx_encoding"

echo "== Publishing the site (Release, ReadyToRun: compiled ahead, as for a server)"
pub="$work/publish"
dotnet publish src/GeneTherapyExplainers.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$pub" -v quiet -nologo >"$work/publish.log" 2>&1 \
  || { tail -30 "$work/publish.log"; die "the Release build failed"; }
git_rev="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "built from $git_rev"

#### 1. The shipped content ########################################################################################
shipped="$work/shipped"
cp -a content "$shipped"
page=/explainers/gene-therapy-explained
search="/search?q=vectors"

echo
echo "== 1. Shipped content ($shipped_count explainers)"
starts=()
readies=()
for attempt in 1 2 3; do
  (( attempt == 1 )) || stop_site
  start_site "$shipped"
  starts+=("$start_ms")
  readies+=("$ready_ms")
done
shipped_start=$(median "${starts[@]}")
shipped_ready=$(median "${readies[@]}")
printf 'start to first answer (published dll to the first 200 on /, fresh data folder), 3 starts: %s ms; median %s ms\n' \
  "$(echo "${starts[*]}" | sed 's/ /, /g')" "$shipped_start"
printf 'start to ready (/health/ready: the search index built too): median %s ms\n' "$shipped_ready"

curl -fsS "$base$page" -o "$shipped/media/bench-page.html" || die "could not save $page"
static_bytes=$(wc -c <"$shipped/media/bench-page.html")
[ "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$base/media/bench-page.html")" = "200 $static_bytes" ] \
  || die "Kestrel does not serve the saved page at /media/bench-page.html"
echo "saved $page ($static_bytes bytes) as media/bench-page.html"

warm "$base$page" "$base/media/bench-page.html" "$base$search"
load "$base$page" && r_page=("${result[@]}")
load "$base/media/bench-page.html" && r_kstatic=("${result[@]}")
load "$base$search" && r_search=("${result[@]}")

shipped_edits=()
files=("$shipped"/explainers/*.md)
for k in 0 1 2 3 4; do
  file="${files[k % ${#files[@]}]}"
  edit_live "$file" && shipped_edits+=("$live_ms")
done
stop_site

start_nginx "$shipped/media"
warm "$nginx_base/bench-page.html"
load "$nginx_base/bench-page.html" && r_nginx=("${result[@]}")
stop_nginx

echo
printf '%-30s %-16s %9s %7s %9s %9s %9s %9s  %s\n' "answer" "server" "req/s" "x page" "p50 ms" "p95 ms" "p99 ms" "bytes" "encoding"
row "explainer page" "Kestrel, Razor" "${r_page[@]}" "${r_page[0]}"
row "same bytes, static file" "Kestrel" "${r_kstatic[@]}" "${r_page[0]}"
row "same bytes, static file" "nginx" "${r_nginx[@]}" "${r_page[0]}"
row "search ?q=vectors" "Kestrel, Razor" "${r_search[@]}" "${r_page[0]}"
echo "(page: $page; x page = requests a second as a multiple of the page's; bytes = body as sent for 'Accept-Encoding: br, gzip')"
printf 'saved file live (append a sentence, poll the page every 20 ms): %s ms; median %s ms, max %s ms (%d files, the first edited twice)\n' \
  "$(echo "${shipped_edits[*]}" | sed 's/ /, /g')" "$(median "${shipped_edits[@]}")" "$(maximum "${shipped_edits[@]}")" "${#files[@]}"

#### 2. A generated folder of N explainers #########################################################################
echo
echo "== 2. Generated content ($total explainers)"
gen="$work/generated"
cp -a content "$gen"
t0=$(now_ms)
copies=$(perl scripts/scale/generate-explainers.pl "$gen" "$total") || die "could not generate the explainers"
echo "wrote $copies copies of the $shipped_count shipped explainers in $(( $(now_ms) - t0 )) ms: $(find "$gen/explainers" -name '*.md' | wc -l) explainers"

t0=$(now_ms)
set +e
dotnet "$pub/GeneTherapyExplainers.Web.dll" validate "$gen" >"$work/validate.out" 2>&1
validate_rc=$?
set -e
validate_ms=$(( $(now_ms) - t0 ))
validate_errors=$(grep -c ': error: ' "$work/validate.out" || true)
echo "validate: $(tail -1 "$work/validate.out") (exit $validate_rc, $validate_ms ms); errors: $validate_errors"
grep ': error: ' "$work/validate.out" | head -5 || true

# Three of each, taken in turn, so a busy moment on a shared machine weighs on both alike; the medians are compared.
gen_starts=()
gen_readies=()
hugo_runs=()
for attempt in 1 2 3; do
  (( attempt == 1 )) || stop_site
  hugo_site "$gen/explainers"
  hugo_runs+=("$hugo_ms")
  start_site "$gen"
  gen_starts+=("$start_ms")
  gen_readies+=("$ready_ms")
done
gen_start=$(median "${gen_starts[@]}")
gen_ready=$(median "${gen_readies[@]}")
hugo_ms=$(median "${hugo_runs[@]}")
sleep 3
rss_start=$(rss_mb "$site_pid")
hwm_start=$(hwm_mb "$site_pid")

echo
printf '%-52s %12s\n' "start to first answer (median of 3, taken in turn)" "seconds"
printf '%-52s %12.2f   (%s ms)\n' "the site: published dll to the first 200 on /" "$(ms_to_s "$gen_start")" "$(echo "${gen_starts[*]}" | sed 's/ /, /g')"
printf '%-52s %12.2f   (%s ms)\n' "hugo: build $hugo_rendered explainer pages (of $hugo_pages pages)" "$(ms_to_s "$hugo_ms")" "$(echo "${hugo_runs[*]}" | sed 's/ /, /g')"
printf '%-52s %12.2f\n' "site / hugo" "$(ratio "$gen_start" "$hugo_ms")"
printf '%-52s %12.2f\n' "the site: ready (search index built, /health/ready)" "$(ms_to_s "$gen_ready")"
echo "(validate alone, one process reading every file: $(ms_to_s "$validate_ms") s)"

echo
list_pages
echo
echo "resident memory after start (first answer + 3 s): $rss_start MB (peak so far $hwm_start MB)"

gen_edits=()
for k in 1 2 3 4 5; do
  i=$(( copies * k / 6 ))
  file=$(ls "$gen"/explainers/*-"$i".md | head -1)
  curl -s -o /dev/null "$base/explainers/$(basename "$file" .md)"
  edit_live "$file" && gen_edits+=("$live_ms")
done
sleep 2
rss_edits=$(rss_mb "$site_pid")
hwm_edits=$(hwm_mb "$site_pid")
printf 'saved file live: %s ms; median %s ms, max %s ms (with %d explainers: median %s ms, max %s ms)\n' \
  "$(echo "${gen_edits[*]}" | sed 's/ /, /g')" "$(median "${gen_edits[@]}")" "$(maximum "${gen_edits[@]}")" \
  "$shipped_count" "$(median "${shipped_edits[@]}")" "$(maximum "${shipped_edits[@]}")"
echo "resident memory after the 5 edits (+ 2 s): $rss_edits MB (peak $hwm_edits MB)"

warm "$base$page" "$base$search"
load "$base$page" && g_page=("${result[@]}")
load "$base$search" && g_search=("${result[@]}")
echo
printf '%-30s %-16s %9s %7s %9s %9s %9s %9s  %s\n' "answer ($total explainers)" "server" "req/s" "x page" "p50 ms" "p95 ms" "p99 ms" "bytes" "encoding"
row "explainer page" "Kestrel, Razor" "${g_page[@]}" "${g_page[0]}"
row "search ?q=vectors" "Kestrel, Razor" "${g_search[@]}" "${g_page[0]}"
search_share=$(ratio "${g_search[0]}" "${g_page[0]}")
search_p95=$(ratio "${g_search[2]}" "${g_page[2]}")
echo "search: ${search_share} x the page's throughput, p95 ${search_p95} x the page's"

sleep 2
idle=$(idle_cpu "$site_pid" 30)
echo "idle: ${idle} % of one core over 30 s with no requests"
rss_end=$(rss_mb "$site_pid")
stop_site

#### Summary #######################################################################################################
echo
echo "== Summary ($total explainers, built from $git_rev; indicative figures on a shared machine)"
printf '%-56s %-34s %-36s %s\n' "measure" "figure" "goal" "met"
summary "start to first answer, shipped content" "$shipped_start ms" "<= 1 s" "$(le "$shipped_start" 1000)"
summary "start to first answer, $total explainers" "$(ms_to_s "$gen_start") s (hugo $(ms_to_s "$hugo_ms") s)" "sooner than hugo, same run" "$(le "$gen_start" "$hugo_ms")"
summary "validate errors in the generated folder" "$validate_errors" "0" "$(le "$validate_errors" 0)"
summary "resident memory after start" "$rss_start MB" "<= 500 MB" "$(le "$rss_start" 500)"
summary "resident memory after 5 edits" "$rss_edits MB (end: $rss_end MB)" "<= 500 MB" "$(le "$rss_edits" 500)"
gen_live_max=$(maximum "${gen_edits[@]}")
summary "saved file live, median / max" "$(median "${gen_edits[@]}") / $gen_live_max ms" "<= 1 s" "$(le "$gen_live_max" 1000)"
summary "  with $shipped_count explainers, median / max" "$(median "${shipped_edits[@]}") / $(maximum "${shipped_edits[@]}") ms" "no slower than this" \
  "$(le "$(median "${gen_edits[@]}")" "$(( $(median "${shipped_edits[@]}") * 3 / 2 + 50 ))")"
for entry in "${size_summary[@]}"; do
  IFS='|' read -r what figure goal met <<<"$entry"
  summary "$what" "$figure" "$goal" "$met"
done
summary "page req/s vs Kestrel static, shipped" "$(ratio "${r_page[0]}" "${r_kstatic[0]}") x (nginx: $(ratio "${r_page[0]}" "${r_nginx[0]}") x)" "as fast as a static file (1 x)" "$(ge_ratio "${r_page[0]}" "${r_kstatic[0]}" 0.9)"
summary "search throughput / page's, $total" "$search_share x" ">= 0.5 x" "$(ge_ratio "${g_search[0]}" "${g_page[0]}" 0.5)"
summary "search p95 / page's p95, $total" "$search_p95 x" "<= 3 x" "$(ge_ratio "$(( g_page[2] * 3 ))" "${g_search[2]}" 1)"
summary "idle CPU, 30 s" "$idle % of one core" "<= 2 %" "$(awk -v v="$idle" 'BEGIN { print (v <= 2 ? "yes" : "NO") }')"
echo "(\"met\" compares the figure with the goal; 'no slower' allows 1.5 x + 50 ms for the polling and a busy machine)"
