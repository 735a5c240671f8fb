#!/usr/bin/env bash
# Runs the site as it runs in production, on this machine: a throwaway PostgreSQL, two instances of the site
# (Release build, Production environment, one shared database) and nginx in front of them.
#
#   bash scripts/cluster.sh           start everything, show a review recorded through one instance appear
#                                     through the other, print the addresses, and run until Ctrl-C
#   bash scripts/cluster.sh --check   start everything, then put it under load through nginx, stop one instance
#                                     in the middle, and check that no request failed and no write was lost;
#                                     exits non-zero if any did
#
# Installs Debian's postgresql and nginx where missing. Everything lives in one temporary folder, removed on exit.
# The instances are reached over plain HTTP (nginx on loopback, no certificate), so they run with
# Accounts:SecureCookies=false: the session and antiforgery cookies lose their Secure flag and __Host- prefix,
# and forms work over HTTP. A real deployment terminates TLS in the proxy and keeps the default (see docs/operating.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mode="${1:-run}"
case "$mode" in run | --check) ;; *) echo "usage: bash scripts/cluster.sh [--check]" >&2; exit 2 ;; esac

# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=cluster/lib.sh
source scripts/cluster/lib.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/gte-cluster.XXXXXX")
chmod 755 "$work"
pids=()
cleanup() {
  trap - EXIT INT TERM
  say "Stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_nginx

say "Starting PostgreSQL"
pg_start
database="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=gte_cluster"
pg_as_owner "$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres gte_cluster

say "Building the site (Release)"
dotnet publish src/GeneTherapyExplainers.Web -c Release -o "$work/site" -v quiet -nologo >/dev/null

# Both instances start at once on the empty database: one migrates and seeds, the other waits for it.
say "Starting two instances (Production, one shared database)"
port_a=$(free_port); start_instance a "$port_a"
port_b=$(free_port); start_instance b "$port_b"
wait_ready a "$port_a"
wait_ready b "$port_b"

say "Starting nginx in front of them"
port_n=$(free_port)
start_nginx "$port_n" "$port_a" "$port_b"
base="http://localhost:$port_n"

say "Making a reviewer account (reviewer@example.org)"
password="cluster demo password $RANDOM$RANDOM"
printf '%s\n%s\n' "$password" "$password" | site_command users add --email reviewer@example.org --role Reviewer --person georgios-anagas >/dev/null

if [ "$mode" = --check ]; then
  failover_check "$base" "$port_a"
  exit $?
fi

demo_review "$port_a" "$port_b"

cat <<EOF

The cluster is running (Ctrl-C stops it and removes everything):

  the site, through nginx   $base/
  instance a                http://127.0.0.1:$port_a/   (log: $work/a/site.out)
  instance b                http://127.0.0.1:$port_b/   (log: $work/b/site.out)
  PostgreSQL                psql -h 127.0.0.1 -p $PG_PORT -U postgres gte_cluster
  health                    $base/health/ready

Watch it yourself: open http://127.0.0.1:$port_a/explainers/gene-therapy-explained in one window, sign in on
instance b at http://127.0.0.1:$port_b/account/sign-in as reviewer@example.org with the password
  $password
record a review of "Gene Therapy Explained" at http://127.0.0.1:$port_b/review/explainers/gene-therapy-explained,
then reload the page on instance a: the review is there (its cache was evicted by a PostgreSQL notification).
Through nginx ($base) requests alternate between the two instances and one sign-in serves both.
EOF
while :; do sleep 1; done
