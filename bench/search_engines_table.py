#!/usr/bin/env python3
"""Print the results of bench/search_engines.sh as a Markdown table.

Reads the key=value lines that bench/search_engines prints, one build line
and one query line per engine, and writes one column per engine.

    bench/search_engines_table.py results.txt
"""

import sys

ENGINES = ["xapian", "sqlite", "postgres"]
HEADINGS = {"xapian": "techmarket (Xapian)", "sqlite": "SQLite FTS5",
            "postgres": "PostgreSQL FTS + unaccent"}


def read_results(path):
    results = {}
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            fields = dict(pair.split("=", 1) for pair in line.split())
            results.setdefault(fields["engine"], {}).update(fields)
    return results


def main():
    results = read_results(sys.argv[1])
    engines = [e for e in ENGINES if e in results]
    rows = [
        ("documents", lambda r: f"{int(r['documents']):,}"),
        ("index build time", lambda r: f"{float(r['build_seconds']):.0f} s"),
        ("index build CPU time", lambda r: f"{float(r['build_cpu_seconds']):.0f} s"),
        ("index size", lambda r: f"{int(r['index_bytes']) / 2**20:,.0f} MiB"),
        ("peak resident memory, build", lambda r: f"{int(r['build_peak_rss_kib']) / 1024:,.0f} MiB"),
        ("peak resident memory, queries", lambda r: f"{int(r['query_peak_rss_kib']) / 1024:,.0f} MiB"),
        ("queries with hits", lambda r: f"{r['queries_with_hits']} of {r['queries']}"),
        ("p50 latency", lambda r: f"{float(r['p50_ms']):.2f} ms"),
        ("p99 latency", lambda r: f"{float(r['p99_ms']):.2f} ms"),
        ("mean latency", lambda r: f"{float(r['mean_ms']):.2f} ms"),
        ("p50 CPU time per query", lambda r: f"{float(r['cpu_p50_ms']):.2f} ms"),
        ("p99 CPU time per query", lambda r: f"{float(r['cpu_p99_ms']):.2f} ms"),
        ("p50 latency with facets", lambda r: f"{float(r['facets_p50_ms']):.2f} ms"),
        ("p99 latency with facets", lambda r: f"{float(r['facets_p99_ms']):.2f} ms"),
        ("p50 CPU time with facets", lambda r: f"{float(r['facets_cpu_p50_ms']):.2f} ms"),
        ("p99 CPU time with facets", lambda r: f"{float(r['facets_cpu_p99_ms']):.2f} ms"),
        ("MRR@10, judged set, all classes", lambda r: f"{float(r['mrr_all']):.3f}"),
    ]
    classes = sorted({k[4:] for r in results.values() for k in r
                      if k.startswith("mrr_") and k != "mrr_all"})
    for query_class in classes:
        rows.append((f"MRR@10, {query_class}",
                     lambda r, c=query_class: f"{float(r['mrr_' + c]):.3f}"))

    print("| | " + " | ".join(HEADINGS[e] for e in engines) + " |")
    print("|---|" + "---|" * len(engines))
    for label, render in rows:
        cells = []
        for engine in engines:
            try:
                cells.append(render(results[engine]))
            except KeyError:
                cells.append("n/a")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
