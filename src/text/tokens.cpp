#include "text/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <utility>

#include "text/fold.h"
#include "text/tone.h"

namespace techmarket::text {
namespace {

bool is_word_character(UChar32 c) {
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

// Characters that editors insert invisibly; fold drops them, so they join the
// letters on either side instead of splitting a word.
bool is_invisible_joiner(UChar32 c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool is_digit(UChar32 c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }

// Decodes the code point at `offset` without moving it; returns -1 past the end.
UChar32 peek(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return -1;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t position = static_cast<int32_t>(offset);
  UChar32 c;
  U8_NEXT(bytes, position, static_cast<int32_t>(text.size()), c);
  return c;
}

bool is_ascii(std::string_view word) {
  for (unsigned char c : word) {
    if (c >= 0x80) return false;
  }
  return true;
}

Token make_token(std::string_view text, std::size_t begin, std::size_t end) {
  Token token{begin, end, {}, {}};
  std::string_view word = text.substr(begin, end - begin);
  if (is_ascii(word)) {
    // Fast path for English words, numbers and codes: fold is lower-casing.
    token.folded.reserve(word.size());
    for (unsigned char c : word) token.folded += static_cast<char>(std::tolower(c));
    token.exact = token.folded;
    return token;
  }
  // Folding takes two ICU normalizations and a locale per word, and texts
  // repeat a few thousand syllables, so each thread caches the forms of the
  // words it saw last.
  constexpr std::size_t kMaxCachedWords = 1 << 16;
  thread_local std::unordered_map<std::string, std::pair<std::string, std::string>> cache;
  auto cached = cache.find(std::string(word));
  if (cached != cache.end()) {
    token.folded = cached->second.first;
    token.exact = cached->second.second;
    return token;
  }
  token.folded = fold(word);
  token.exact = canonical_tone_placement(to_lower_vi(word));
  if (cache.size() >= kMaxCachedWords) cache.clear();
  cache.emplace(std::string(word), std::make_pair(token.folded, token.exact));
  return token;
}

bool matches_shape(std::string_view word, std::string_view shape) {
  // '9' stands for a digit, 'a' for a letter; other characters match themselves.
  if (word.size() != shape.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    bool ok = shape[i] == '9'   ? std::isdigit(static_cast<unsigned char>(c))
              : shape[i] == 'a' ? c >= 'a' && c <= 'z'
                                : c == shape[i];
    if (!ok) return false;
  }
  return true;
}

bool is_ipc_subclass(std::string_view word) {
  return matches_shape(word, "a99a") && word[0] >= 'a' && word[0] <= 'h';
}

bool is_ipc_group(std::string_view word) {
  auto slash = word.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 4) return false;
  std::string_view main_group = word.substr(0, slash);
  std::string_view subgroup = word.substr(slash + 1);
  if (subgroup.size() < 2 || subgroup.size() > 6) return false;
  for (char c : main_group) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  for (char c : subgroup) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool is_number(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 6> kStandardBodies = {"iso",  "iec",  "tcvn",
                                                             "qcvn", "astm", "ieee"};

bool only_spaces_between(std::string_view text, const Token& left, const Token& right) {
  std::size_t offset = left.end;
  if (offset >= right.begin || right.begin - offset > 6) return false;
  while (offset < right.begin) {
    UChar32 c = peek(text, offset);
    if (c != '-' && !(c >= 0 && u_isUWhiteSpace(c))) return false;
    offset += static_cast<std::size_t>(U8_LENGTH(c));
  }
  return true;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto length = static_cast<int32_t>(text.size());
  std::size_t word_begin = 0;
  bool in_word = false;
  UChar32 previous = -1;

  int32_t offset = 0;
  while (offset < length) {
    std::size_t start = static_cast<std::size_t>(offset);
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    bool joins = in_word && (is_invisible_joiner(c) ||
                             ((c == '.' || c == ',' || c == '/') && is_digit(previous) &&
                              is_digit(peek(text, static_cast<std::size_t>(offset)))));
    if (c >= 0 && (is_word_character(c) || joins)) {
      if (!in_word) {
        word_begin = start;
        in_word = true;
      }
    } else if (in_word) {
      tokens.push_back(make_token(text, word_begin, start));
      in_word = false;
    }
    previous = c;
  }
  if (in_word) tokens.push_back(make_token(text, word_begin, text.size()));
  return tokens;
}

std::vector<Code> find_codes(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Code> codes;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const auto& left = tokens[i].folded;
    const auto& right = tokens[i + 1].folded;
    if (!only_spaces_between(text, tokens[i], tokens[i + 1])) continue;

    bool ipc = is_ipc_subclass(left) && is_ipc_group(right);
    bool standard =
        is_number(right) && right.size() <= 6 &&
        std::find(kStandardBodies.begin(), kStandardBodies.end(), left) != kStandardBodies.end();
    bool readiness = left == "trl" && right.size() == 1 && right[0] >= '1' && right[0] <= '9';
    if (ipc || standard || readiness) {
      codes.push_back({i, 2, left + right});
      ++i;
    }
  }
  return codes;
}

}  // namespace techmarket::text
