# Sourced by ./test.sh and bench/probe-postgres.sh: a throwaway PostgreSQL 15 from Debian's binaries,
# on a free loopback port, with logical replication on (the CDC checks need slots) and fsync off
# (nothing here must survive). The server refuses to run as root, so as root it runs as the
# postgres user (created if missing).
#
#   start_throwaway_postgres PREFIX   sets pg_dir, pg_port, pg_log; returns 1 after saying why
#   stop_throwaway_postgres           stops it and removes its folder (safe to call twice)
#
# The caller defines log() and pg_bin (the folder holding initdb, postgres and pg_ctl).

if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

pg_dir=""

start_throwaway_postgres() {
  [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres; }
  pg_dir="$(mktemp -d "/tmp/$1.XXXXXX")"
  chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  pg_port=""
  local candidate
  for candidate in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
  done
  [ -n "$pg_port" ] || { log "no free port for PostgreSQL"; return 1; }
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; log "initdb failed"; return 1; }
  cat >>"$pg_dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_dir'
wal_level = logical
max_replication_slots = 10
max_wal_senders = 10
fsync = off
CONF
  pg_log="$pg_dir/server.log"
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_log" -w -t 30 start >/dev/null \
    || { cat "$pg_log" >&2; log "PostgreSQL did not start"; return 1; }
  log "PostgreSQL 15 on 127.0.0.1:$pg_port"
}

stop_throwaway_postgres() {
  [ -n "$pg_dir" ] || return 0
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=""
}
