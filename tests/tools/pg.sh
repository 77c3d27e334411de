# pg.sh - a throwaway PostgreSQL server for tests and benchmarks: sourced, it defines
#   pg_start        starts a cluster in a new temporary folder, listening on 127.0.0.1 on a
#                   free port; sets PG_DIR, PG_PORT and PG_URL (the "postgres" database)
#   pg_createdb N   makes database N and prints its URL
#   pg_stop         stops the server at once and removes the folder
# Needs Debian's postgresql package (initdb and pg_ctl in /usr/lib/postgresql/VERSION/bin).
# PostgreSQL refuses to run as root: as root the server runs as the "postgres" user.
# pg_start returns 1 (PG_WHY says why) when no server can be started.
pg_bin=
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && pg_bin=$d; done
pg_as() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
pg_start() {
    PG_WHY=
    if [ -z "$pg_bin" ]; then PG_WHY="PostgreSQL is not installed (apt-get install postgresql)"; return 1; fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then PG_WHY="no postgres user"; return 1; fi
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-pg.XXXXXX") || return 1
    chmod 755 "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    if ! pg_as "$pg_bin/initdb" -D "$PG_DIR/data" -U sitrep -A trust -E UTF8 --locale=C.UTF-8 \
        >"$PG_DIR/initdb.log" 2>&1; then
        PG_WHY="initdb failed: $(tail -3 "$PG_DIR/initdb.log")"; rm -rf "$PG_DIR"; return 1
    fi
    # a free port: the server tells when one is taken, then the next is tried
    tries=0
    PG_PORT=$(( 20000 + ($$ * 7 + $(date +%N | sed 's/^0*//;s/^$/0/')) % 30000 ))
    while [ $tries -lt 20 ]; do
        if pg_as "$pg_bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=60 ${PG_OPTIONS:-}" \
            start >/dev/null 2>&1; then
            PG_URL="postgresql://sitrep@127.0.0.1:$PG_PORT/postgres"
            return 0
        fi
        tries=$((tries + 1)); PG_PORT=$((PG_PORT + 1))
    done
    PG_WHY="the server did not start: $(tail -3 "$PG_DIR/server.log" 2>/dev/null)"
    rm -rf "$PG_DIR"
    return 1
}
pg_createdb() {
    "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U sitrep -E UTF8 -T template0 "$1" >/dev/null &&
        echo "postgresql://sitrep@127.0.0.1:$PG_PORT/$1"
}
pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    pg_as "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$PG_DIR"
    PG_DIR=
}
