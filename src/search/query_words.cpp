#include "search/query_words.h"

#include <algorithm>
#include <map>

#include "text/fold.h"
#include "text/input_method.h"
#include "text/syllable.h"

namespace techmarket::search {
namespace {

// How much the ranking boosts weigh against the BM25 weight of the words.
constexpr double kAdjacencyScale = 1.0;
// At most this many adjacent pairs of spellings are boosted per pair of words.
constexpr std::size_t kMaxBigramsPerPair = 4;

void add_words(std::string_view segment, int phrase, ParsedQuery& parsed) {
  auto tokens = text::tokenize(segment);
  auto codes = text::find_codes(segment, tokens);
  std::size_t next_code = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    QueryWord word;
    word.phrase = phrase;
    if (next_code < codes.size() && codes[next_code].first == i) {
      const auto& code = codes[next_code++];
      const auto& last = tokens[i + code.count - 1];
      word.typed = std::string(segment.substr(tokens[i].begin, last.end - tokens[i].begin));
      word.folded = code.term;
      word.is_code = true;
      i += code.count - 1;
    } else {
      word.typed = std::string(segment.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
      word.folded = tokens[i].folded;
      word.exact = tokens[i].exact;
    }
    parsed.words.push_back(std::move(word));
  }
}

Xapian::Query word_query(const QueryWord& word, const Xapian::Stem& stemmer) {
  std::vector<Xapian::Query> spellings = {Xapian::Query(match_term(word.folded, stemmer))};
  for (const auto& alternative : word.alternatives) {
    auto space = alternative.find(' ');
    if (space == std::string::npos) {
      spellings.emplace_back(match_term(alternative, stemmer));
      continue;
    }
    Xapian::Query parts[] = {Xapian::Query(match_term(alternative.substr(0, space), stemmer)),
                             Xapian::Query(match_term(alternative.substr(space + 1), stemmer))};
    spellings.emplace_back(Xapian::Query::OP_PHRASE, std::begin(parts), std::end(parts), 2);
  }
  if (spellings.size() == 1) return spellings.front();
  return Xapian::Query(Xapian::Query::OP_OR, spellings.begin(), spellings.end());
}

std::vector<std::string> spellings_of(const QueryWord& word) {
  std::vector<std::string> spellings = {word.folded};
  spellings.insert(spellings.end(), word.alternatives.begin(), word.alternatives.end());
  return spellings;
}

// Returns the query as search read it: each word replaced by its first
// alternative (in its exact form when it has one), else as typed.
std::string describe(const ParsedQuery& parsed) {
  std::string text;
  for (const auto& word : parsed.words) {
    if (!text.empty()) text += ' ';
    if (!word.alternative_exacts.empty() && !word.alternative_exacts.front().empty()) {
      text += word.alternative_exacts.front();
    } else if (!word.alternatives.empty()) {
      text += word.alternatives.front();
    } else {
      text += word.typed;
    }
  }
  return text;
}

bool is_indexed(const std::string& folded, const Xapian::Database& database,
                const Xapian::Stem& stemmer) {
  return database.term_exists(match_term(folded, stemmer));
}

}  // namespace

bool is_ascii_word(const std::string& word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

std::string match_term(const std::string& folded, const Xapian::Stem& stemmer) {
  if (!is_ascii_word(folded)) return folded;
  return kStemPrefix + stemmer(folded);
}

bool has_exact_term(const std::string& folded, const std::string& exact) {
  return exact != folded || text::is_folded_syllable(folded);
}

ParsedQuery parse_query(const std::string& text) {
  std::string normalized = text::to_nfc(text);
  ParsedQuery parsed;
  // Quotes alternate between plain text and phrases; an unclosed quote is
  // read as plain text.
  int phrase_count = 0;
  std::size_t start = 0;
  while (start <= normalized.size()) {
    auto open = normalized.find('"', start);
    auto close = open == std::string::npos ? open : normalized.find('"', open + 1);
    if (close == std::string::npos) {
      add_words(std::string_view(normalized).substr(start), -1, parsed);
      break;
    }
    add_words(std::string_view(normalized).substr(start, open - start), -1, parsed);
    add_words(std::string_view(normalized).substr(open + 1, close - open - 1), phrase_count++,
              parsed);
    start = close + 1;
  }
  return parsed;
}

Xapian::Query build_match_query(const ParsedQuery& parsed, const Xapian::Stem& stemmer) {
  std::vector<Xapian::Query> required;
  std::map<int, std::vector<Xapian::Query>> phrases;
  for (std::size_t i = 0; i < parsed.words.size(); ++i) {
    const auto& word = parsed.words[i];
    if (word.phrase >= 0 && !word.is_code) {
      phrases[word.phrase].emplace_back(match_term(word.folded, stemmer));
    }
    if (word.joined_with_next.empty() || i + 1 == parsed.words.size()) {
      required.push_back(word_query(word, stemmer));
      continue;
    }
    // Either both words, or the one word they make together.
    const auto& next = parsed.words[++i];
    if (next.phrase >= 0 && !next.is_code) {
      phrases[next.phrase].emplace_back(match_term(next.folded, stemmer));
    }
    Xapian::Query both(Xapian::Query::OP_AND, word_query(word, stemmer), word_query(next, stemmer));
    // The joined word stands for two query words, so it weighs twice.
    Xapian::Query joined(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(match_term(word.joined_with_next, stemmer)), 2.0);
    required.emplace_back(Xapian::Query::OP_OR, both, joined);
  }
  for (auto& [index, terms] : phrases) {
    if (terms.size() < 2) continue;
    required.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                          static_cast<Xapian::termcount>(terms.size()));
  }
  if (required.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
}

Xapian::Query build_boost_query(const ParsedQuery& parsed) {
  std::vector<Xapian::Query> boosts;
  for (const auto& word : parsed.words) {
    if (!word.exact.empty() && has_exact_term(word.folded, word.exact)) {
      boosts.emplace_back(kExactPrefix + word.exact);
    }
    for (const auto& exact : word.alternative_exacts) {
      if (!exact.empty()) boosts.emplace_back(kExactPrefix + exact);
    }
    const std::string& joined = word.joined_with_next;
    if (!joined.empty() && has_exact_term(joined, joined)) {
      // Weighs as the two exact words it replaces.
      boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(kExactPrefix + word.joined_with_next), 2.0);
    }
  }

  std::vector<Xapian::Query> bigrams;
  for (std::size_t i = 0; i + 1 < parsed.words.size(); ++i) {
    const auto& left = parsed.words[i];
    const auto& right = parsed.words[i + 1];
    if (left.is_code || right.is_code) continue;
    std::size_t added = 0;
    for (const auto& first : spellings_of(left)) {
      for (const auto& second : spellings_of(right)) {
        if (added++ == kMaxBigramsPerPair) break;
        bigrams.emplace_back(kBigramPrefix + first + " " + second);
      }
    }
  }
  if (!bigrams.empty()) {
    boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                        Xapian::Query(Xapian::Query::OP_OR, bigrams.begin(), bigrams.end()),
                        kAdjacencyScale);
  }
  if (boosts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end());
}

std::string add_input_method_alternatives(ParsedQuery& parsed, const Xapian::Database& database,
                                          const Xapian::Stem& stemmer) {
  auto decode = [](const std::string& folded) {
    auto decoded = text::decode_telex(folded);
    return decoded ? decoded : text::decode_vni(folded);
  };

  // One word that can only be keystrokes shows that the input method was off.
  // Then every word that decodes is decoded, because some keystrokes are also
  // syllables: "coong" is a rare syllable and Telex for "công".
  // TODO: English words are known only through the index, so an English word
  // that no record contains and that decodes ("tax" to "tã") is read as Telex.
  bool keystrokes_seen = false;
  for (const auto& word : parsed.words) {
    if (word.is_code || text::is_folded_syllable(word.folded)) continue;
    if (is_indexed(word.folded, database, stemmer)) continue;
    if (decode(word.folded)) keystrokes_seen = true;
  }
  if (!keystrokes_seen) return {};

  for (auto& word : parsed.words) {
    if (word.is_code) continue;
    auto decoded = decode(word.folded);
    if (!decoded) continue;
    word.alternatives.push_back(text::fold(*decoded));
    word.alternative_exacts.push_back(*decoded);
  }
  return describe(parsed);
}

void add_joined_words(ParsedQuery& parsed, const Xapian::Database& database,
                      const Xapian::Stem& stemmer) {
  for (std::size_t i = 0; i + 1 < parsed.words.size(); ++i) {
    auto& word = parsed.words[i];
    const auto& next = parsed.words[i + 1];
    if (word.is_code || next.is_code || word.phrase >= 0 || next.phrase >= 0) continue;
    std::string joined = word.folded + next.folded;
    if (database.term_exists(match_term(joined, stemmer))) word.joined_with_next = joined;
  }
}

// Returns the two indexed words that `word` splits into, the pair whose
// rarer half is the most frequent, or an empty string.
std::string split_into_indexed_words(const std::string& word, const Xapian::Database& database,
                                     const Xapian::Stem& stemmer) {
  constexpr std::size_t kMinPartLength = 2;
  std::string best;
  Xapian::doccount best_frequency = 0;
  for (std::size_t cut = kMinPartLength; cut + kMinPartLength <= word.size(); ++cut) {
    std::string left = word.substr(0, cut);
    std::string right = word.substr(cut);
    Xapian::doccount frequency = std::min(database.get_termfreq(match_term(left, stemmer)),
                                          database.get_termfreq(match_term(right, stemmer)));
    if (frequency > best_frequency) {
      best = left + " " + right;
      best_frequency = frequency;
    }
  }
  return best;
}

std::string add_typo_alternatives(ParsedQuery& parsed, const Xapian::Database& database,
                                  const Xapian::Stem& stemmer) {
  static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
  // Each word costs about 100 lookups per letter, so a long pasted text is
  // corrected only in its first few unknown words.
  constexpr std::size_t kMaxWordsToCorrect = 5;
  std::size_t attempted = 0;
  bool corrected = false;
  for (auto& word : parsed.words) {
    const std::string& typed = word.folded;
    if (word.is_code || typed.size() < 3 || !is_ascii_word(typed)) continue;
    // A word typed with marks ("hòa") is Vietnamese on purpose, so it is
    // corrected only to other syllables and never to English ("how").
    const bool vietnamese_only = word.exact != typed;
    if (is_indexed(typed, database, stemmer)) continue;
    if (attempted++ == kMaxWordsToCorrect) break;

    std::string best;
    Xapian::doccount best_frequency = 0;
    auto consider = [&](const std::string& candidate) {
      if (vietnamese_only && !text::is_folded_syllable(candidate)) return;
      // Words are indexed by their stem, so "bearng" reaches "bearing" in a
      // record that contains "Bearings".
      Xapian::doccount frequency = database.get_termfreq(match_term(candidate, stemmer));
      if (frequency > best_frequency ||
          (frequency == best_frequency && frequency > 0 && candidate < best)) {
        best = candidate;
        best_frequency = frequency;
      }
    };
    for (std::size_t i = 0; i < typed.size(); ++i) {
      consider(typed.substr(0, i) + typed.substr(i + 1));
      if (i + 1 < typed.size()) {
        std::string swapped = typed;
        std::swap(swapped[i], swapped[i + 1]);
        consider(swapped);
      }
      for (char letter : kLetters) {
        if (letter == typed[i]) continue;
        std::string replaced = typed;
        replaced[i] = letter;
        consider(replaced);
      }
    }
    for (std::size_t i = 0; i <= typed.size(); ++i) {
      for (char letter : kLetters) consider(typed.substr(0, i) + letter + typed.substr(i));
    }
    if (best_frequency == 0) best = split_into_indexed_words(typed, database, stemmer);
    if (best.empty()) continue;
    word.alternatives.push_back(best);
    word.alternative_exacts.emplace_back();
    corrected = true;
  }
  return corrected ? describe(parsed) : std::string();
}

}  // namespace techmarket::search
