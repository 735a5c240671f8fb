# Helpers for scripts/scale.sh (sourced; uses its variables: work, pub, repo, seconds, connections).

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }

# Numbers: the median and maximum of integers, seconds from milliseconds, a ratio, and yes/NO checks.
median() {
  (( $# )) || { echo n/a; return; }
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'
}
maximum() { (( $# )) || { echo n/a; return; }; printf '%s\n' "$@" | sort -n | tail -1; }
ms_to_s() { awk -v v="$1" 'BEGIN { printf "%.2f", v / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0 || a !~ /^[0-9.]+$/) print "n/a"; else printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/) print "n/a"; else print (a + 0 <= b + 0 ? "yes" : "NO") }'; }
ge_ratio() { awk -v a="$1" -v b="$2" -v m="$3" 'BEGIN { if (b + 0 == 0) print "n/a"; else print (a / b >= m ? "yes" : "NO") }'; }
kb() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1024 }'; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >>"$work/apt.log" 2>&1 && return 0
  as_root apt-get update -qq >>"$work/apt.log" 2>&1 || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >>"$work/apt.log" 2>&1
}

# wrk, nginx (with the Brotli filter module when Debian has it) and hugo; dotnet, curl and perl must be there.
ensure_tools() {
  local tool missing=()
  for tool in dotnet curl perl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed and is not installed"
  done
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  command -v hugo >/dev/null 2>&1 || missing+=(hugo)
  if (( ${#missing[@]} )); then
    echo "installing ${missing[*]}"
    apt_install "${missing[@]}" || { tail -5 "$work/apt.log" >&2; die "could not install ${missing[*]} with apt-get (see above); install them and run again"; }
  fi
  brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so
  if [ ! -e "$brotli_module" ]; then
    apt_install libnginx-mod-http-brotli-filter || true
  fi
  if [ -e "$brotli_module" ]; then nginx_encoding="br (level 1, on the fly, like Kestrel's Fastest)"; else nginx_encoding="gzip only (no Brotli module could be installed)"; fi
}

# A free loopback port below the usual ephemeral range (32768 and up), so no outgoing connection holds it.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 12000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# Starts the published site on a free loopback port with a fresh data folder, content from $1; waits for the first
# 200 on / and sets site_pid, base and start_ms (launch to first answer), then for /health/ready and sets ready_ms
# (launch to ready: the search index built too, which fills in the background after the first answer).
start_site() {
  local content="$1" data port t0 code
  data="$(mktemp -d "$work/data.XXXXXX")"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  site_log="$data/site.out"
  t0=${EPOCHREALTIME/./}
  ASPNETCORE_ENVIRONMENT=Production Site__DataPath="$data" Site__ContentPath="$content" \
    Serilog__MinimumLevel__Default=Warning \
    dotnet "$pub/GeneTherapyExplainers.Web.dll" --urls "$base" --contentRoot "$pub" >"$site_log" 2>&1 &
  site_pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$base/" || true)
    [ "$code" = 200 ] && break
    kill -0 "$site_pid" 2>/dev/null || { tail -30 "$site_log" >&2; site_pid=""; die "the site stopped before its first answer"; }
    (( ${EPOCHREALTIME/./} - t0 < 900000000 )) || die "no 200 on / within 15 minutes (last status $code)"
    sleep 0.05
  done
  start_ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$base/health/ready" || true)" = 200 ]; do
    kill -0 "$site_pid" 2>/dev/null || { tail -30 "$site_log" >&2; site_pid=""; die "the site stopped before it was ready"; }
    (( ${EPOCHREALTIME/./} - t0 < 900000000 )) || die "/health/ready not 200 within 15 minutes"
    sleep 0.05
  done
  ready_ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
}

stop_site() {
  [ -n "${site_pid:-}" ] || return 0
  kill "$site_pid" 2>/dev/null || true
  wait "$site_pid" 2>/dev/null || true
  site_pid=""
}

# nginx on a free loopback port serving $1, with a throwaway prefix, config and pid file under $work; no daemon.
start_nginx() {
  local root="$1" dir="$work/nginx" port i attempt
  mkdir -p "$dir"
  for attempt in 1 2 3; do
    try_nginx "$root" "$dir" && return 0
  done
  cat "$dir/stdout" "$dir/error.log" >&2 2>/dev/null || true
  die "nginx did not start"
}

try_nginx() {
  local root="$1" dir="$2" port i
  port=$(free_port)
  nginx_base="http://127.0.0.1:$port"
  {
    [ -e "$brotli_module" ] && echo "load_module $brotli_module;"
    cat <<EOF
daemon off;
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 1024; }
http {
  types { text/html html; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  gzip on;
  gzip_comp_level 1;
  $( [ -e "$brotli_module" ] && echo "brotli on; brotli_comp_level 1;" )
  server {
    listen 127.0.0.1:$port;
    root $root;
  }
}
EOF
  } >"$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout" 2>&1 &
  nginx_pid=$!
  for i in $(seq 100); do
    curl -fs -o /dev/null "$nginx_base/bench-page.html" && return 0
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.05
  done
  stop_nginx
  return 1
}

stop_nginx() {
  [ -n "${nginx_pid:-}" ] || return 0
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
}

# Warm-up: views compiled, code re-jitted, caches filled, before anything is measured.
warm() {
  local url
  for url in "$@"; do
    wrk -t1 -c2 -d2s -H 'Accept-Encoding: br, gzip' "$url" >/dev/null 2>&1 || true
  done
}

# Loads one URL with wrk; sets result=(req/s p50-us p95-us p99-us bytes encoding failures).
load() {
  local url="$1" threads=2 line bytes encoding
  (( connections >= 2 )) || threads=1
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency --timeout 30s -s "$repo/scripts/scale/latency.lua" \
    -H 'Accept-Encoding: br, gzip' "$url" >"$work/wrk.out" 2>&1 || true
  line=$(grep '^RESULT' "$work/wrk.out" || true)
  [ -n "$line" ] || { cat "$work/wrk.out" >&2; die "wrk gave no result for $url"; }
  bytes=$(curl -s -H 'Accept-Encoding: br, gzip' -D "$work/headers" -o /dev/null -w '%{size_download}' "$url")
  encoding=$(tr -d '\r' <"$work/headers" | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
  result=(
    "$(sed 's/.*rps=\([0-9]*\).*/\1/' <<<"$line")" "$(sed 's/.*p50=\([0-9]*\).*/\1/' <<<"$line")"
    "$(sed 's/.*p95=\([0-9]*\).*/\1/' <<<"$line")" "$(sed 's/.*p99=\([0-9]*\).*/\1/' <<<"$line")"
    "$bytes" "${encoding:-identity}"
    "$(( $(sed 's/.*non2xx=\([0-9]*\).*/\1/' <<<"$line") + $(sed 's/.*socket_errors=\([0-9]*\).*/\1/' <<<"$line") ))"
  )
}

# One table row: label server req/s p50 p95 p99 bytes encoding failures page-req/s.
row() {
  local bad=""
  (( $9 == 0 )) || bad="  FAILED ANSWERS: $9"
  printf '%-30s %-16s %9s %7s %9.2f %9.2f %9.2f %9s  %s%s\n' "$1" "$2" "$3" "$(ratio "$3" "${10}")" \
    "$(awk -v v="$4" 'BEGIN { print v / 1000 }')" "$(awk -v v="$5" 'BEGIN { print v / 1000 }')" \
    "$(awk -v v="$6" 'BEGIN { print v / 1000 }')" "$7" "$8" "$bad"
}

summary() { printf '%-56s %-34s %-36s %s\n' "$1" "$2" "$3" "$4"; }

# Appends a unique sentence to an explainer and polls its page every 20 ms (plain GET) until the sentence shows;
# sets live_ms (save to first answer that shows it). Gives up after 5 minutes.
edit_live() {
  local file="$1" slug token url t0 code
  slug=$(basename "$file" .md)
  url="$base/explainers/$slug"
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "warning: $url answers $code before the edit; skipped" >&2; return 1; }
  token="scalecheck${RANDOM}x$(now_ms)"
  t0=${EPOCHREALTIME/./}
  printf '\nThis sentence was added by the scale check as %s.\n' "$token" >>"$file"
  until curl -s --max-time 30 "$url" | grep -q "$token"; do
    if (( ${EPOCHREALTIME/./} - t0 > 300000000 )); then
      echo "warning: the edit of $slug was not live after 300 s" >&2
      live_ms=300000
      return 0
    fi
    sleep 0.02
  done
  live_ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
  sleep 0.5
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# CPU used by a process over $2 seconds, as a percentage of one core (utime + stime from /proc/<pid>/stat).
idle_cpu() {
  local pid="$1" span="$2" before after ticks
  ticks=$(getconf CLK_TCK)
  before=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')
  sleep "$span"
  after=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')
  awk -v d="$((after - before))" -v t="$ticks" -v s="$span" 'BEGIN { printf "%.2f", d / t / s * 100 }'
}

# Builds the explainers in $1 with Hugo and a minimal layout; sets hugo_ms, hugo_pages (Hugo's own count) and
# hugo_rendered (explainer pages written).
hugo_site() {
  local dir="$work/hugo" t0
  rm -rf "$dir" # a fresh build each time: no output or cache of an earlier one
  cp -a "$repo/scripts/scale/hugo" "$dir"
  mkdir -p "$dir/content"
  cp -al "$1" "$dir/content/explainers" 2>/dev/null || cp -a "$1" "$dir/content/explainers"
  t0=$(now_ms)
  hugo --source "$dir" --destination "$dir/public" --cacheDir "$dir/cache" >"$dir/hugo.out" 2>&1 \
    || { tail -20 "$dir/hugo.out" >&2; die "hugo could not build the generated explainers"; }
  hugo_ms=$(( $(now_ms) - t0 ))
  hugo_pages=$(awk -F'|' '$1 ~ /^ *Pages *$/ { gsub(/ /, "", $2); print $2 }' "$dir/hugo.out")
  hugo_rendered=$(find "$dir/public/explainers" -mindepth 2 -maxdepth 2 -name index.html | wc -l)
}

# Sizes of every list page, uncompressed and Brotli, with the goals; fills size_summary for the final table.
list_pages() {
  local listing="$work/explainers.html" again="$work/explainers-again.html" category paged path status bytes br
  local encoding limit goal note met body="$work/page.body"
  curl -s "$base/explainers" -o "$listing"
  curl -s "$base/explainers" -o "$again"
  category=$(grep -o 'category=[A-Za-z0-9_%-]*' "$listing" | head -1 | cut -d= -f2 || true)
  [ -n "$category" ] || category=$(grep -o 'id="cat-[^"]*"' "$listing" | head -1 | sed 's/id="cat-//; s/"$//' || true)
  paged="/explainers?category=${category:-none}&page=2"
  size_summary=()
  printf '%-44s %6s %10s %10s  %-28s %-4s %s\n' "list page" status bytes "br bytes" goal met note
  for path in / /explainers "$paged" /feed.atom /sitemap.xml /glossary /glossary/vector /people/georgios-anagas; do
    read -r status bytes < <(curl -s -o "$body" -w '%{http_code} %{size_download}\n' "$base$path")
    br=$(curl -s -H 'Accept-Encoding: br' -D "$work/headers" -o /dev/null -w '%{size_download}' "$base$path")
    encoding=$(tr -d '\r' <"$work/headers" | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
    [ "$encoding" = br ] || br="$br (${encoding:-not compressed})"
    limit=$((150 * 1024)); goal="<= 150 KB"; note=""
    case "$path" in
      /feed.atom)
        limit=$((200 * 1024)); goal="<= 200 KB"
        note="$(grep -o '<entry[ >]' "$body" | wc -l) entries" ;;
      /sitemap.xml)
        note="$(grep -o '<loc>' "$body" | wc -l) URLs"
        grep -q '<sitemapindex' "$body" && note="$note (a sitemap index)"
        limit=""; goal="an index before 50,000 URLs" ;;
      "$paged")
        note="category '$category'"
        if cmp -s "$listing" "$again" && cmp -s "$listing" "$body"; then note="$note; same as /explainers: the query is ignored"; fi ;;
    esac
    if [ "$status" != 200 ]; then met=n/a
    elif [ -z "$limit" ]; then met=$(le "${note%% *}" 49999)
    else met=$(le "$bytes" "$limit"); fi
    printf '%-44s %6s %10s %10s  %-28s %-4s %s\n' "$path" "$status" "$bytes" "$br" "$goal" "$met" "$note"
    if [ -z "$limit" ]; then
      size_summary+=("sitemap.xml|${note}|$goal|$met")
    else
      size_summary+=("size of $path|$(kb "$bytes") KB ($(kb "${br%% *}") KB br)$([ "$status" = 200 ] || echo ", $status")|$goal|$met")
    fi
  done
  echo "(bytes: the body with no Accept-Encoding; br bytes: with 'Accept-Encoding: br'; KB = 1,024 bytes)"
}
