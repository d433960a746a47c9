# A throwaway PostgreSQL 15 cluster on a Unix socket, run as the postgres user. Sourced.
PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT=${PG_PORT:-55432}

start_postgres() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    apt-get update -qq && apt-get install -y -qq postgresql-15
  fi
  PG_DIR=$(mktemp -d /tmp/sentencing-pg.XXXXXX)
  chown postgres "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 --no-sync >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/log" start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses='' -c fsync=off" >/dev/null
  # The database the settings name (the tests create their own beside it).
  runuser -u postgres -- "$PG_BIN/createdb" -h "$PG_DIR" -p "$PG_PORT" sentencing_desk
  POSTGRES_URL="postgres://postgres@${PG_DIR//\//%2F}:$PG_PORT/sentencing_desk"
  export PG_DIR POSTGRES_URL
}

stop_postgres() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null || true
  rm -rf "$PG_DIR"
}
