// Reading a search query into words, and the Xapian queries built from them:
// matching on folded terms, ranking boosts for exact accents and adjacent
// words, and the fallbacks (Telex/VNI decoding, typo correction) tried when
// the words as typed find little.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "text/tokens.h"

namespace techmarket::search {

// Term prefixes shared by indexing and querying. Boolean filter terms start
// with X, following Xapian's convention for application prefixes.
inline constexpr const char* kExactPrefix = "E";     // words as written, lower case
inline constexpr const char* kBigramPrefix = "B";    // two adjacent folded words
inline constexpr const char* kStemPrefix = "Z";      // English stem of a folded ASCII word
inline constexpr const char* kCompletePrefix = "T";  // words of titles and keywords

// One word of a query, or one code such as "iso9001".
struct QueryWord {
  std::string typed;   // as typed, NFC
  std::string folded;  // the folded word, or the code's term
  std::string exact;   // lower case with marks; empty for codes
  bool is_code = false;
  int phrase = -1;  // index of the quoted phrase it belongs to, or -1
  // Other folded spellings the word also matches, with their exact forms. An
  // alternative with a space ("wind tunnel" for "windtunnel") is a phrase.
  std::vector<std::string> alternatives;
  std::vector<std::string> alternative_exacts;
  // This word and the next written as one indexed word ("spacecube" for
  // "space cube"), or empty.
  std::string joined_with_next;
};

struct ParsedQuery {
  std::vector<QueryWord> words;
};

// Splits `text` into words and codes; text between double quotes is a phrase.
ParsedQuery parse_query(const std::string& text);

// Returns the term that matches `folded` in documents: its stem with the Z
// prefix for words of ASCII letters, the folded word itself otherwise. It is
// the only term of a word that carries positions, so phrases use it too.
std::string match_term(const std::string& folded, const Xapian::Stem& stemmer);

// Returns true when a word is also indexed by its exact form (kExactPrefix):
// when the exact form differs from the folded one, or when the word is a
// Vietnamese syllable written without marks ("thanh", which "thành" and
// "thạnh" fold to). Other exact forms would repeat the folded word.
bool has_exact_term(const std::string& folded, const std::string& exact);

// Returns true for a word made only of ASCII letters a to z.
bool is_ascii_word(const std::string& word);

// Builds the query that decides which documents match: every word or one of
// its alternatives must occur, and phrases must occur in order. The second
// builds the ranking boosts (exact accents, adjacent words), which add no match.
Xapian::Query build_match_query(const ParsedQuery& parsed, const Xapian::Stem& stemmer);
Xapian::Query build_boost_query(const ParsedQuery& parsed);

// Adds the Telex or VNI reading of the words when at least one word is not in
// the index, is not a Vietnamese syllable and decodes to one. Returns the
// query as decoded ("công nghệ"), or an empty string when nothing was added.
std::string add_input_method_alternatives(ParsedQuery& parsed, const Xapian::Database& database,
                                          const Xapian::Stem& stemmer);

// Records, for every two adjacent words, the word they make when written
// together if the index contains it, so that "space cube" finds "SpaceCube".
void add_joined_words(ParsedQuery& parsed, const Xapian::Database& database,
                      const Xapian::Stem& stemmer);

// Adds, for every word of three or more ASCII letters that is not in the
// index, the indexed word one edit away (deletion, insertion, substitution or
// transposition) that the most documents contain, or else the two indexed
// words it splits into ("windtunnel" -> "wind tunnel"). Returns the corrected
// query, or an empty string when no word was corrected.
std::string add_typo_alternatives(ParsedQuery& parsed, const Xapian::Database& database,
                                  const Xapian::Stem& stemmer);

}  // namespace techmarket::search
