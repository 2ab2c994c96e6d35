#!/usr/bin/env python3
"""Generate a catalog of Vietnamese offers for benchmarks.

Recombines sentences of the Vietnamese Wikipedia sample into offers in the
API's JSONL form, and writes a file of search queries drawn from the titles
(half of them folded to ASCII, the way users type without a Vietnamese
keyboard). The output is the same for the same --seed.

    zstd -dc ../shared/data/vi_text/viwiki_7862.jsonl.zst |
      bench/generate_catalog.py --count 100000 --offers offers.jsonl --queries queries.txt
"""

import argparse
import json
import random
import re
import sys
import unicodedata

KINDS = ["technology", "research_result", "ip_asset", "equipment", "service"]
TOP_FIELDS = ["1", "2", "3", "4", "5", "6"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def without_invisible(text):
    """Drops control and format characters (DEL, C1 controls, zero-width
    marks) that the article dump holds and that the API rejects."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))


def read_sentences(stream):
    sentences = []
    for line in stream:
        article = json.loads(line)
        for paragraph in article["text"].split("\n"):
            if paragraph.startswith("=="):
                continue
            for sentence in SENTENCE_END.split(paragraph):
                words = sentence.split()
                if 6 <= len(words) <= 60:
                    sentences.append(without_invisible(sentence).strip())
    return sentences


def make_offer(number, sentences, rng):
    first = rng.choice(sentences)
    words = first.split()
    start = rng.randrange(0, max(1, len(words) - 8))
    title = " ".join(words[start:start + rng.randint(4, 9)]).strip(" ,;:.()")
    summary = " ".join(rng.choice(sentences) for _ in range(2))[:2900]
    description = " ".join(rng.choice(sentences) for _ in range(6))[:20000]
    keywords = sorted({w.strip(" ,;:.()").lower() for w in rng.sample(words, min(3, len(words)))}
                      - {""})
    return {
        "external_id": f"gen-{number:07d}",
        "kind": rng.choice(KINDS),
        "title": title or f"Công nghệ {number}",
        "summary": summary,
        "description": description,
        "st_field": rng.choice(TOP_FIELDS),
        "trl": rng.randint(1, 9),
        "keywords": [k[:100] for k in keywords][:5],
        "status": "published",
    }


def make_query(offer, rng):
    words = [w for w in offer["title"].split() if len(w) > 1]
    if not words:
        return None
    start = rng.randrange(0, len(words))
    query = " ".join(words[start:start + rng.randint(1, 3)])
    return fold(query) if rng.random() < 0.5 else query


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100000, help="offers to write")
    parser.add_argument("--queries-count", type=int, default=1000, help="queries to write")
    parser.add_argument("--offers", required=True, help="output JSONL file of offers")
    parser.add_argument("--queries", required=True, help="output file, one query a line")
    parser.add_argument("--seed", type=int, default=5008)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    sentences = read_sentences(sys.stdin)
    offers = []
    with open(args.offers, "w", encoding="utf-8") as out:
        for number in range(1, args.count + 1):
            offer = make_offer(number, sentences, rng)
            offers.append(offer)
            out.write(json.dumps(offer, ensure_ascii=False) + "\n")

    with open(args.queries, "w", encoding="utf-8") as out:
        written = 0
        while written < args.queries_count:
            query = make_query(rng.choice(offers), rng)
            if query:
                out.write(query + "\n")
                written += 1
    print(f"{len(sentences)} sentences, {args.count} offers, {args.queries_count} queries",
          file=sys.stderr)


if __name__ == "__main__":
    main()
