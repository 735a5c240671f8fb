# A throwaway PostgreSQL server for tests and the local cluster: source this file, then
#   pg_start          installs Debian's postgresql where missing, runs initdb into a temporary folder and starts the
#                     server on a free port of 127.0.0.1 (as the user "postgres" when run as root, since PostgreSQL
#                     refuses to run as root). Sets PG_PORT, PG_DIR and PG_ADMIN (an Npgsql connection string).
#   pg_stop           stops it and removes the folder.
# Nothing is kept: the server is for one run. fsync is off, which is fine for data nobody keeps.

pg_say() { printf '== %s\n' "$*" >&2; }

pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

pg_install() {
  pg_bindir >/dev/null && return 0
  pg_say "Installing PostgreSQL (Debian package postgresql)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
  fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  pg_bindir >/dev/null
}

# Runs a command as the server's owner: "postgres" when we are root, else ourselves.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A random port that nothing listens on, below the kernel's range for outgoing connections (which a listener
# could otherwise collide with).
pg_random_port() {
  local low
  low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 20000 ] 2>/dev/null || low=32768
  echo $(( 15000 + RANDOM % (low - 15000) ))
}

pg_start() {
  if ! pg_install; then
    pg_say "PostgreSQL could not be installed (apt-get install postgresql failed)."
    return 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    pg_say "There is no 'postgres' user to run the server as; the Debian package postgresql makes one."
    return 1
  fi
  local bin
  bin=$(pg_bindir)
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gte-postgres.XXXXXX")
  chmod 755 "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
  if ! pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1; then
    pg_say "initdb failed:"; cat "$PG_DIR/initdb.log" >&2
    return 1
  fi
  local try
  for try in 1 2 3 4 5; do
    PG_PORT=$(pg_random_port)
    pg_port_free "$PG_PORT" || continue
    if pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null; then
      PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
      export PG_PORT PG_DIR PG_ADMIN
      return 0
    fi
  done
  pg_say "PostgreSQL did not start:"; tail -20 "$PG_DIR/server.log" >&2
  return 1
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  local bin
  bin=$(pg_bindir) && pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
  PG_DIR=""
}
