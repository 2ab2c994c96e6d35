#!/usr/bin/env python3
"""Write the judged known-item queries of the search relevance test.

Each query targets one document: a Vietnamese Wikipedia article, queried by its
title typed in one of several ways, or a NASA technology record, queried by its
English title or part of it. The output is a TSV file with the columns
query_class, target and query, where target is `wiki:<article id>` or
`nasa:<case number>`. The same seed writes the same file.

    tests/search/judged/make_judged_queries.py \
        --shared-data ../shared/data --output tests/search/judged/queries.tsv
"""

import argparse
import json
import random
import re
import subprocess
import unicodedata

QUERIES_PER_CLASS = 200

# Combining marks of Vietnamese letters, after NFD decomposition.
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
TONE_MARKS = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}
# Keys for the tones sắc, huyền, hỏi, ngã, nặng, in the order of TONE_MARKS.
TELEX_TONE_KEYS = "sfrxj"
VNI_TONE_KEYS = "12345"
TELEX_SHAPE_KEYS = {CIRCUMFLEX: None, BREVE: "w", HORN: "w"}  # None: double the vowel
VNI_SHAPE_KEYS = {CIRCUMFLEX: "6", BREVE: "8", HORN: "7"}

# Syllables whose tone mark the two conventions place differently: the vowel
# pairs oa, oe and uy with no final consonant (hòa/hoà, khỏe/khoẻ, thúy/thuý).
SWAPPABLE = re.compile(r"^([bcdđghklmnprstvx]*)(oa|oe|uy)$")

ENGLISH_STOPWORDS = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with", "via", "using", "based", "system", "method",
}


def fold(text):
    """Return `text` without diacritics, lower case, with đ as d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def split_letter(char):
    """Split one NFC letter into its base letter, shape mark and tone index."""
    if char in "đĐ":
        return char, "đ", None
    base, shape, tone = "", None, None
    for part in unicodedata.normalize("NFD", char):
        if part in TONE_MARKS:
            tone = TONE_MARKS[part]
        elif part in TELEX_SHAPE_KEYS:
            shape = part
        else:
            base += part
    return base, shape, tone


def type_word(word, shape_keys, tone_keys, stroke_key):
    """Return the keystrokes that type `word` with a Telex or VNI input method
    switched off: shape keys follow their vowel, the tone key ends the word."""
    typed, tone = [], None
    for char in word:
        base, shape, char_tone = split_letter(char)
        if shape == "đ":
            typed.append(base.replace("đ", "d").replace("Đ", "D") + stroke_key)
            continue
        typed.append(base)
        if shape is not None:
            key = shape_keys[shape]
            typed.append(base.lower() if key is None else key)
        if char_tone is not None:
            tone = char_tone
    if tone is not None:
        last_letter = max(i for i, part in enumerate(typed) if part.isalnum())
        typed.insert(last_letter + 1, tone_keys[tone])
    return "".join(typed)


def to_telex(title):
    return " ".join(type_word(w, TELEX_SHAPE_KEYS, TELEX_TONE_KEYS, "d") for w in title.split())


def to_vni(title):
    return " ".join(type_word(w, VNI_SHAPE_KEYS, VNI_TONE_KEYS, "9") for w in title.split())


def swap_tone_placement(word):
    """Return `word` with its tone mark on the other vowel of oa, oe or uy, or
    None when the word has no such syllable."""
    letters = [split_letter(c) for c in word.lower()]
    tones = [i for i, (_, _, tone) in enumerate(letters) if tone is not None]
    if len(tones) != 1 or any(shape is not None for _, shape, _ in letters if shape != "đ"):
        return None
    bare = "".join("đ" if shape == "đ" else base for base, shape, _ in letters)
    match = SWAPPABLE.match(bare)
    if not match or match.group(1) in ("q", "gi"):
        return None
    first = len(match.group(1))
    marked = tones[0]
    if marked not in (first, first + 1):
        return None
    target = first + 1 if marked == first else first
    tone_mark = next(m for m, i in TONE_MARKS.items() if i == letters[marked][2])
    result = list(bare)
    result[target] = unicodedata.normalize("NFC", result[target] + tone_mark)
    if word[:1].isupper():
        result[0] = result[0].upper()
    return "".join(result)


def other_tone_placement(title):
    words = title.split()
    swapped = [swap_tone_placement(w) for w in words]
    if all(s is None for s in swapped):
        return None
    return " ".join(s if s is not None else w for w, s in zip(words, swapped))


def with_typo(title, rng):
    """Return `title` with one edit (deletion, substitution, transposition or
    insertion) inside one of its words of four letters or more."""
    words = title.split()
    long_words = [i for i, w in enumerate(words) if sum(c.isalpha() for c in w) >= 4]
    if not long_words:
        return None
    index = rng.choice(long_words)
    word = list(words[index])
    position = rng.randrange(1, len(word) - 1)
    edit = rng.choice(["delete", "substitute", "transpose", "insert"])
    if edit == "delete":
        del word[position]
    elif edit == "substitute":
        word[position] = rng.choice([c for c in "abcdeghiklmnopqrstuvxy" if c != word[position]])
    elif edit == "transpose":
        word[position], word[position + 1] = word[position + 1], word[position]
    else:
        word.insert(position, rng.choice("abcdeghiklmnopqrstuvxy"))
    typo = "".join(word)
    if typo == words[index]:
        return None
    words[index] = typo
    return " ".join(words)


def read_articles(shared_data):
    path = f"{shared_data}/vi_text/viwiki_7862.jsonl.zst"
    output = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
    # Split at newlines only: splitlines() also splits at U+2028 inside the text.
    lines = output.decode("utf-8").split("\n")
    return [json.loads(line) for line in lines if line.strip()]


def read_nasa(shared_data):
    path = f"{shared_data}/tech_offers/nasa_t2_portfolio_2025-05-10.jsonl"
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def wiki_queries(articles, rng):
    titles = [unicodedata.normalize("NFC", a["title"]).strip() for a in articles]
    folded_count = {}
    for title in titles:
        folded_count[fold(title)] = folded_count.get(fold(title), 0) + 1
    # Known items need one right answer, and diacritics to drop or retype.
    eligible = [(a["id"], t) for a, t in zip(articles, titles)
                if folded_count[fold(t)] == 1 and fold(t) != t.lower()
                and any(c.isalpha() for c in t)]
    rows = []
    for article_id, title in rng.sample(eligible, QUERIES_PER_CLASS):
        target = f"wiki:{article_id}"
        rows.append(("wiki_title", target, title))
        rows.append(("wiki_no_diacritics", target, fold(title)))
        rows.append(("wiki_telex", target, to_telex(title)))
        rows.append(("wiki_vni", target, to_vni(title)))
        rows.append(("wiki_nfd", target, unicodedata.normalize("NFD", title)))

    with_long_word = [(i, t) for i, t in eligible if with_typo(t, random.Random(0)) is not None]
    for article_id, title in rng.sample(with_long_word, QUERIES_PER_CLASS):
        rows.append(("wiki_typo", f"wiki:{article_id}", with_typo(title, rng)))

    swappable = [(i, t) for i, t in eligible if other_tone_placement(t) is not None]
    for article_id, title in rng.sample(swappable, min(QUERIES_PER_CLASS, len(swappable))):
        rows.append(("wiki_other_tone_placement", f"wiki:{article_id}",
                     other_tone_placement(title)))
    return rows


def partial_title(title, rng):
    """Return a run of about half the words of `title` with at least two
    words that are not stop words, or None."""
    words = title.split()
    if len(words) < 4:
        return None
    length = max(2, len(words) // 2)
    starts = [s for s in range(len(words) - length + 1)
              if sum(w.lower().strip(",.:;()") not in ENGLISH_STOPWORDS
                     for w in words[s:s + length]) >= 2]
    if not starts:
        return None
    start = rng.choice(starts)
    return " ".join(words[start:start + length])


def nasa_queries(records, rng):
    title_count = {}
    for record in records:
        key = record["title"].strip().lower()
        title_count[key] = title_count.get(key, 0) + 1
    unique = [r for r in records if title_count[r["title"].strip().lower()] == 1]
    rows = []
    for record in rng.sample(unique, QUERIES_PER_CLASS):
        rows.append(("nasa_title", f"nasa:{record['case_number']}", record["title"].strip()))
    long_titles = [r for r in unique if partial_title(r["title"], random.Random(0)) is not None]
    for record in rng.sample(long_titles, QUERIES_PER_CLASS):
        rows.append(("nasa_partial_title", f"nasa:{record['case_number']}",
                      partial_title(record["title"].strip(), rng)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", default="../shared/data",
                        help="folder that contains vi_text/ and tech_offers/")
    parser.add_argument("--output", required=True, help="TSV file to write")
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    rows = wiki_queries(read_articles(args.shared_data), rng)
    rows += nasa_queries(read_nasa(args.shared_data), rng)
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write("query_class\ttarget\tquery\n")
        for query_class, target, query in rows:
            query = " ".join(query.replace("\t", " ").split())
            out.write(f"{query_class}\t{target}\t{query}\n")


if __name__ == "__main__":
    main()
