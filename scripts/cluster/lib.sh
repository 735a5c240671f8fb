# Functions of scripts/cluster.sh. Expects: root, work, pids, database, PG_* (from scripts/lib/postgres.sh).

say() { printf '\n== %s\n' "$*"; }

install_nginx() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] && return 0
  say "Installing nginx (Debian package nginx)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
}

free_port() {
  local port
  while :; do
    port=$(pg_random_port)
    pg_port_free "$port" && { echo "$port"; return; }
  done
}

# The environment every instance (and every command of the site) runs with.
site_env() {
  site_vars=(ASPNETCORE_ENVIRONMENT=Production
    Store__Provider=PostgreSQL "ConnectionStrings__Editorial=$database"
    "Site__ContentPath=$root/content" Accounts__SecureCookies=false
    Serilog__MinimumLevel__Default=Warning)
}

site_command() {
  site_env
  mkdir -p "$work/commands"
  (cd "$work/site" && exec env "${site_vars[@]}" "Site__DataPath=$work/commands" dotnet GeneTherapyExplainers.Web.dll "$@")
}

# Starts instance $1 on port $2 in the background; its process id goes to pid_$1.
start_instance() {
  local name=$1 port=$2
  site_env
  mkdir -p "$work/$name"
  (cd "$work/site" && exec env "${site_vars[@]}" "Site__DataPath=$work/$name" \
    dotnet GeneTherapyExplainers.Web.dll --urls "http://127.0.0.1:$port" >"$work/$name/site.out" 2>&1) &
  pids+=($!)
  printf -v "pid_$name" '%s' "$!"
}

wait_ready() {
  local name=$1 port=$2 i
  for i in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && { echo "instance $name ready on 127.0.0.1:$port"; return 0; }
    sleep 0.1
  done
  echo "instance $name did not become ready:" >&2
  grep -v '^ *at ' "$work/$name/site.out" | tail -20 >&2
  return 1
}

start_nginx() {
  local port=$1 a=$2 b=$3
  mkdir -p "$work/nginx/tmp"
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  upstream site {
    # An instance that refuses a connection is skipped for 10 s; the request goes to the other one.
    server 127.0.0.1:$a max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$b max_fails=1 fail_timeout=10s;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://site;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A request the stopped instance never received is safe to send to the other, POSTs included.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
EOF
  chmod -R a+rwX "$work/nginx"
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log"
  local i
  for i in $(seq 1 50); do
    curl -fs -o /dev/null "http://localhost:$port/health/ready" && { echo "nginx on http://localhost:$port"; return 0; }
    sleep 0.1
  done
  echo "nginx did not start:" >&2
  cat "$work/nginx/error.log" >&2
  return 1
}

# Signs in at $1 with the cookie jar $2.
sign_in() {
  local base=$1 jar=$2 token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/account/sign-in" | form_token)
  curl -fs -o /dev/null -c "$jar" -b "$jar" -w '%{http_code}' "$base/account/sign-in" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=reviewer@example.org" \
    --data-urlencode "Input.Password=$password"
}

form_token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }

# The one-time key of a review form (Input.SubmissionId), so a retried post records once.
form_submission() { grep -o 'name="Input.SubmissionId"[^>]*' | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -1; }

review_line() { curl -fs "$1/explainers/gene-therapy-explained" | tr '\n' ' ' | sed -n 's/.*class="review-line"[^>]*>\(.*\)/\1/p' | sed 's/<[^>]*>//g; s/  */ /g' | cut -c1-90; }

# Records a review on instance b with a form and a sign-in from instance a, and shows it on instance a.
demo_review() {
  local a="http://127.0.0.1:$1" b="http://127.0.0.1:$2" jar="$work/demo.cookies" form token submission today status i
  say "A review recorded through instance b shows on instance a"
  echo "instance a says before:  $(review_line "$a")"
  [ "$(sign_in "$a" "$jar")" = 302 ] || { echo "signing in on instance a failed" >&2; return 1; }
  echo "signed in on instance a"
  form=$(curl -fs -c "$jar" -b "$jar" "$a/review/explainers/gene-therapy-explained")
  token=$(form_token <<<"$form")
  submission=$(form_submission <<<"$form")
  echo "review form loaded from instance a"
  today=$(date -u +%F)
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$b/review/explainers/gene-therapy-explained" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.SubmissionId=$submission" \
    --data-urlencode "Input.Kind=Editorial" --data-urlencode "Input.ReviewedOn=$today" \
    --data-urlencode "Input.Notes=Recorded through instance b by scripts/cluster.sh.")
  echo "posted to instance b with the same cookie and form: HTTP $status"
  for i in $(seq 1 20); do
    review_line "$a" | grep -q "$(date -u +'%-d %B %Y')" && break
    sleep 0.1
  done
  echo "instance a says after:   $(review_line "$a")"
}

# Load through nginx, stop instance a in the middle, then count failures and look for every acknowledged write.
failover_check() {
  local base=$1 port_a=$2 jar="$work/check.cookies" token today out="$work/check" w
  mkdir -p "$out"
  [ "$(sign_in "$base" "$jar")" = 302 ] || { echo "signing in through nginx failed" >&2; return 1; }
  token=$(curl -fs -c "$jar" -b "$jar" "$base/review/explainers/gene-therapy-explained" | form_token)
  today=$(date -u +%F)
  say "Load through nginx: 4 readers and 2 writers for 12 s; instance a is stopped (SIGTERM) after 4 s"
  local stop_at=$(( $(date +%s) + 12 )) load=()
  for w in 1 2 3 4; do
    (while [ "$(date +%s)" -lt "$stop_at" ]; do
       for page in / /explainers/gene-therapy-explained /people/georgios-anagas /glossary "/search?q=vector"; do
         curl -s -o /dev/null -w '%{http_code} GET\n' --max-time 10 "$base$page"
       done
     done >"$out/reader-$w") &
    load+=($!)
  done
  for w in 1 2; do
    (n=0
     while [ "$(date +%s)" -lt "$stop_at" ]; do
       n=$((n + 1)); note="load write $w-$n"
       # Each write as from a newly loaded form: its own one-time key.
       code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -b "$jar" "$base/review/explainers/gene-therapy-explained" \
         --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Kind=Technical" \
         --data-urlencode "Input.SubmissionId=$(cat /proc/sys/kernel/random/uuid)" \
         --data-urlencode "Input.ReviewedOn=$today" --data-urlencode "Input.Notes=$note")
       echo "$code POST $note"
     done >"$out/writer-$w") &
    load+=($!)
  done
  sleep 4
  echo "stopping instance a"
  kill -TERM "$pid_a"
  wait "${load[@]}"
  local total failed writes acknowledged stored missing
  total=$(cat "$out"/reader-* "$out"/writer-* | wc -l)
  # A read fails unless it is 200; a write fails unless it is 302 (recorded, then sent on to the page).
  failed=$( (awk '$1 != 200' "$out"/reader-*; awk '$1 != 302' "$out"/writer-*) | wc -l)
  writes=$(cat "$out"/writer-* | wc -l)
  acknowledged=$(cat "$out"/writer-* | awk '$1 == 302' | sed 's/^302 POST //' | sort)
  stored=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d gte_cluster -At \
    -c "SELECT \"Notes\" FROM \"ReviewRecords\" WHERE \"Notes\" LIKE 'load write %'" | sort)
  missing=$(comm -23 <(echo "$acknowledged" | sed '/^$/d') <(echo "$stored" | sed '/^$/d') | wc -l)
  echo "requests: $total ($writes review writes), failed: $failed"
  echo "writes acknowledged: $(echo "$acknowledged" | sed '/^$/d' | wc -l), found in the database: $(echo "$stored" | sed '/^$/d' | wc -l), lost: $missing"
  grep -c "127.0.0.1:$port_a" "$work/nginx/error.log" >/dev/null 2>&1 && echo "nginx noticed: $(grep -m1 "127.0.0.1:$port_a" "$work/nginx/error.log" | cut -c1-160)"
  if [ "$failed" -ne 0 ] || [ "$missing" -ne 0 ] || [ "$writes" -eq 0 ]; then
    (awk '$1 != 200' "$out"/reader-*; awk '$1 != 302' "$out"/writer-*) | cut -d' ' -f1,2 | sort | uniq -c | head >&2
    echo "Failover check: FAILED"
    return 1
  fi
  echo "Failover check: passed (no request failed, no write lost)"
}
