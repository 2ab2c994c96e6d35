#!/usr/bin/env bash
# Runs the catalog benchmarks recorded in docs/BENCHMARKS.md: import time and
# index size for NASA's file and for a generated catalog of 100,000 offers,
# and search latency at that size.
#
#   bench/run.sh [BUILD_DIR]      (default: build; `make bench` builds first)
set -euo pipefail

build_dir=${1:-build}
shared=${SHARED_DATA:-../shared/data}
count=${BENCH_OFFERS:-100000}
work=$(mktemp -d /tmp/techmarket-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

techmarket="$build_dir/techmarket"

timed_import() {
  local data_dir=$1 file=$2
  local start end
  start=$(date +%s.%N)
  if ! "$techmarket" import offers "$file" --data-dir "$data_dir" > /dev/null; then
    echo "bench: importing $file failed" >&2
    return 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"

"$techmarket" import reference "$shared" --data-dir "$work/nasa" > /dev/null
seconds=$(timed_import "$work/nasa" "$shared/tech_offers/nasa_t2_portfolio_2025-05-10.jsonl")
echo "nasa: records=3954 import_seconds=$seconds index_bytes=$(du -sb "$work/nasa/index" | cut -f1) db_bytes=$(du -sb "$work/nasa/techmarket.db" | cut -f1)"

zstd -dc "$shared/vi_text/viwiki_7862.jsonl.zst" |
  python3 bench/generate_catalog.py --count "$count" --offers "$work/offers.jsonl" \
    --queries "$work/queries.txt"
seconds=$(timed_import "$work/generated" "$work/offers.jsonl")
echo "generated: records=$count import_seconds=$seconds index_bytes=$(du -sb "$work/generated/index" | cut -f1) db_bytes=$(du -sb "$work/generated/techmarket.db" | cut -f1)"
"$build_dir/search_latency" "$work/generated/index" "$work/queries.txt"
