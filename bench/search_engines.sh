#!/usr/bin/env bash
# Runs the search-engine comparison recorded in docs/BENCHMARKS.md: our Xapian
# engine, SQLite FTS5 and PostgreSQL full-text search with unaccent, on the
# same generated documents, each on one CPU core. Starts its own PostgreSQL
# server on 127.0.0.1 in a temporary directory and stops it at the end.
#
#   bench/search_engines.sh [BUILD_DIR]      (default: build)
#
# Settings from the environment:
#   SEARCH_BENCH_DOCUMENTS  documents in each index, default 1000000
#   SEARCH_BENCH_ENGINES    engines to run, default "xapian sqlite postgres"; the
#                           PostgreSQL server is started only for postgres
#   SEARCH_BENCH_CPU        the CPU core every process is pinned to, default 1
#   SEARCH_BENCH_PG_PORT    port of the temporary PostgreSQL server, default 55432
#   SEARCH_BENCH_WORK       work folder (an estimated 7 GB at 1,000,000 documents),
#                           default a new folder under /tmp, removed at the end
#   SHARED_DATA             default ../shared/data
set -euo pipefail

build_dir=${1:-build}
shared=${SHARED_DATA:-../shared/data}
documents=${SEARCH_BENCH_DOCUMENTS:-1000000}
cpu=${SEARCH_BENCH_CPU:-1}
port=${SEARCH_BENCH_PG_PORT:-55432}
engines=${SEARCH_BENCH_ENGINES:-xapian sqlite postgres}
judged=tests/search/judged/queries.tsv
nasa="$shared/tech_offers/nasa_t2_portfolio_2025-05-10.jsonl"
bench="$build_dir/search_engines"
# The Wikipedia articles and NASA records of the judged set are indexed first.
originals=$((7862 + 3954))

if [[ ! -x $bench ]]; then
  echo "search_engines.sh: $bench not found; build first (make build)" >&2
  exit 1
fi
pg_bin=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | tail -1)

if [[ -n ${SEARCH_BENCH_WORK:-} ]]; then
  work=$SEARCH_BENCH_WORK
  mkdir -p "$work"
  keep_work=1
else
  work=$(mktemp -d /tmp/techmarket-search-bench.XXXXXX)
  keep_work=0
fi
chmod 755 "$work"

# PostgreSQL rejects running as root, so as root the server runs as user postgres.
as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
  as_postgres=(runuser -u postgres --)
fi
pg_data="$work/postgres"
server_started=0
stop_server() {
  if ((server_started)); then
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop > /dev/null
  fi
  if ((!keep_work)); then
    rm -rf "$work"
  fi
}
trap stop_server EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB," \
  "$(lscpu | sed -n 's/^Model name: *//p'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "documents: $documents ($originals judged-set originals, the rest generated)"

if [[ ! -s $work/documents.tsv ]]; then
  zstd -dc "$shared/vi_text/viwiki_7862.jsonl.zst" |
    python3 bench/generate_search_corpus.py --count $((documents - originals)) \
      --documents "$work/documents.tsv" --queries "$work/queries.txt" \
      --judged "$judged" --nasa "$nasa"
fi

if [[ " $engines " == *" postgres "* ]]; then
  # The server's socket and log go in a folder its user can write to.
  pg_run="$work/postgres-run"
  mkdir -p "$pg_data" "$pg_run"
  if ((${#as_postgres[@]})); then
    chown postgres: "$pg_data" "$pg_run"
  fi
  "${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 > "$work/initdb.log"
  # One core for the server as for the other engines: no parallel workers, no JIT.
  taskset -c "$cpu" "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_run/server.log" \
    -w -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$pg_run" \
    -o "-c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0 -c jit=off" \
    -o "-c maintenance_work_mem=512MB" start > /dev/null
  server_started=1
fi
conninfo="host=127.0.0.1 port=$port user=postgres dbname=postgres"

results="$work/results.txt"
: > "$results"
for engine in $engines; do
  taskset -c "$cpu" "$bench" build "$engine" --work "$work" --shared-data "$shared" \
    --generated "$work/documents.tsv" --postgres "$conninfo" | tee -a "$results"
  # A fresh process for the queries, so that its memory is that of searching alone.
  taskset -c "$cpu" "$bench" query "$engine" --work "$work" --queries "$work/queries.txt" \
    --judged "$judged" --postgres "$conninfo" | tee -a "$results"
done

python3 bench/search_engines_table.py "$results"
