#!/usr/bin/env python3
"""Generate the documents and queries of the search-engine benchmark.

Writes DOCUMENTS documents made by recombining sentences of the Vietnamese
Wikipedia sample (read from standard input), as a TSV file with the columns
title, keywords (joined by " ; "), summary and body, and a file of 1,000
mixed queries, one a line: fragments of the generated titles with and without
diacritics, known-item queries of the judged set and fragments of NASA's
English titles. The output is the same for the same --seed.

    zstd -dc ../shared/data/vi_text/viwiki_7862.jsonl.zst |
      bench/generate_search_corpus.py --count 988184 --documents docs.tsv \
        --queries queries.txt --judged tests/search/judged/queries.tsv \
        --nasa ../shared/data/tech_offers/nasa_t2_portfolio_2025-05-10.jsonl
"""

import argparse
import json
import random
import sys

from generate_catalog import fold, read_sentences

QUERY_COUNT = 1000
# Shares of the query mix, in this order: generated title fragments as
# written, the same without diacritics, judged-set queries, NASA fragments.
QUERY_MIX = (0.40, 0.30, 0.15, 0.15)


def clean(text):
    return " ".join(text.replace("\t", " ").split())


def make_document(sentences, rng):
    words = rng.choice(sentences).split()
    start = rng.randrange(0, max(1, len(words) - 8))
    title = " ".join(words[start:start + rng.randint(4, 9)]).strip(" ,;:.()")
    keywords = [w.strip(" ,;:.()").lower() for w in rng.sample(words, min(2, len(words)))]
    summary = rng.choice(sentences)
    body = " ".join(rng.choice(sentences) for _ in range(2))[:600]
    return [clean(title), " ; ".join(k for k in keywords if k), clean(summary), clean(body)]


def title_fragment(title, rng):
    words = [w for w in title.split() if len(w) > 1]
    if not words:
        return None
    start = rng.randrange(0, len(words))
    return " ".join(words[start:start + rng.randint(1, 3)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="documents to write")
    parser.add_argument("--documents", required=True, help="output TSV file of documents")
    parser.add_argument("--queries", required=True, help="output file, one query a line")
    parser.add_argument("--judged", required=True, help="tests/search/judged/queries.tsv")
    parser.add_argument("--nasa", required=True, help="NASA's JSONL file")
    parser.add_argument("--seed", type=int, default=1000000)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    sentences = read_sentences(sys.stdin)
    titles = []
    with open(args.documents, "w", encoding="utf-8", newline="\n") as out:
        for _ in range(args.count):
            document = make_document(sentences, rng)
            if len(titles) < 200000:
                titles.append(document[0])
            out.write("\t".join(document) + "\n")

    with open(args.judged, encoding="utf-8") as stream:
        judged = [line.rstrip("\n").split("\t")[2] for line in stream][1:]
    with open(args.nasa, encoding="utf-8") as stream:
        nasa_titles = [json.loads(line)["title"] for line in stream if line.strip()]

    counts = [int(share * QUERY_COUNT) for share in QUERY_MIX]
    queries = []
    while len(queries) < counts[0]:
        fragment = title_fragment(rng.choice(titles), rng)
        if fragment:
            queries.append(fragment)
    while len(queries) < counts[0] + counts[1]:
        fragment = title_fragment(rng.choice(titles), rng)
        if fragment:
            queries.append(fold(fragment))
    queries += rng.sample(judged, counts[2])
    while len(queries) < QUERY_COUNT:
        fragment = title_fragment(rng.choice(nasa_titles), rng)
        if fragment:
            queries.append(fragment)
    rng.shuffle(queries)
    with open(args.queries, "w", encoding="utf-8", newline="\n") as out:
        for query in queries:
            out.write(clean(query) + "\n")
    print(f"{len(sentences)} sentences, {args.count} documents, {len(queries)} queries",
          file=sys.stderr)


if __name__ == "__main__":
    main()
