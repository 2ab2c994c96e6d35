#include "text/tone.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <optional>
#include <stdexcept>
#include <vector>

namespace techmarket::text {
namespace {

// Combining marks in NFD: the five tones, then the marks that change a vowel's quality.
constexpr UChar32 kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309,
                  kDotBelow = 0x0323;
constexpr UChar32 kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

bool is_tone_mark(UChar32 c) {
  return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDotBelow;
}

bool is_quality_mark(UChar32 c) { return c == kCircumflex || c == kBreve || c == kHorn; }

bool is_vowel_base(UChar32 c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

// A base letter with the quality marks that follow it in NFD.
struct Letter {
  UChar32 base;
  std::vector<UChar32> marks;
  bool has_quality_mark() const {
    for (auto mark : marks) {
      if (is_quality_mark(mark)) return true;
    }
    return false;
  }
};

const icu::Normalizer2& normalizer(bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* instance =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalizer is unavailable");
  return *instance;
}

std::string to_nfc_utf8(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  normalizer(true).normalize(text, status).toUTF8String(out);
  return out;
}

// Returns the index of the letter that takes the tone, or nullopt when the
// word has no vowel.
std::optional<size_t> tone_position(const std::vector<Letter>& letters) {
  size_t start = 0;
  while (start < letters.size() && !is_vowel_base(letters[start].base)) ++start;
  if (start == letters.size()) return std::nullopt;

  // "qu" and "gi" followed by another vowel: the u or i belongs to the onset.
  bool onset_glide = start > 0 && start + 1 < letters.size() &&
                     is_vowel_base(letters[start + 1].base) &&
                     ((letters[start - 1].base == 'q' && letters[start].base == 'u') ||
                      (letters[start - 1].base == 'g' && letters[start].base == 'i'));
  if (onset_glide) ++start;

  size_t end = start;
  while (end < letters.size() && is_vowel_base(letters[end].base)) ++end;
  size_t count = end - start;
  bool has_coda = end < letters.size();

  for (size_t i = end; i-- > start;) {
    if (letters[i].has_quality_mark()) return i;
  }
  if (count >= 3) return start + 1;
  if (count == 2) {
    UChar32 first = letters[start].base;
    UChar32 second = letters[start + 1].base;
    bool glide_pair =
        (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
    return has_coda || glide_pair ? start + 1 : start;
  }
  return start;
}

}  // namespace

std::string canonical_tone_placement(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed =
      normalizer(false).normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                      word.data(), static_cast<int32_t>(word.size()))),
                                  status);
  if (U_FAILURE(status)) throw std::runtime_error("NFD normalization failed");

  std::vector<Letter> letters;
  std::optional<UChar32> tone;
  int tone_count = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_tone_mark(c)) {
      tone = c;
      ++tone_count;
    } else if (u_getCombiningClass(c) != 0 && !letters.empty()) {
      letters.back().marks.push_back(c);
    } else {
      letters.push_back({c, {}});
    }
  }
  if (tone_count != 1) return to_nfc_utf8(decomposed);

  auto position = tone_position(letters);
  if (!position) return to_nfc_utf8(decomposed);

  icu::UnicodeString rebuilt;
  for (size_t i = 0; i < letters.size(); ++i) {
    rebuilt.append(letters[i].base);
    for (auto mark : letters[i].marks) rebuilt.append(mark);
    if (i == *position) rebuilt.append(*tone);
  }
  return to_nfc_utf8(rebuilt);
}

std::string canonicalize_tones(std::string_view text) {
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    std::string utf8;
    word.toUTF8String(utf8);
    out += canonical_tone_placement(utf8);
    word.remove();
  };
  for (int32_t i = 0; i < input.length();) {
    UChar32 c = input.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c) || u_getCombiningClass(c) != 0) {
      word.append(c);
    } else {
      flush();
      icu::UnicodeString(c).toUTF8String(out);
    }
  }
  flush();
  return out;
}

}  // namespace techmarket::text
