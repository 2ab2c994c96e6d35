#include "text/input_method.h"

#include <utility>
#include <vector>

#include "text/syllable.h"
#include "text/tone.h"

namespace techmarket::text {
namespace {

constexpr char32_t kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;
constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309,
                   kDotBelow = 0x0323;

// A letter being decoded: an ASCII base, the mark that changes its quality
// (0 for none) and, for d, whether it is đ.
struct Letter {
  char base;
  char32_t quality = 0;
  bool stroke = false;
};

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Builds the syllable from decoded letters and a tone mark (0 for none), then
// keeps it only when it differs from the keystrokes and is a Vietnamese syllable.
std::optional<std::string> finish(std::string_view keystrokes, const std::vector<Letter>& letters,
                                  char32_t tone) {
  std::string decomposed;
  bool tone_placed = false;
  for (const auto& letter : letters) {
    if (letter.stroke) {
      append_utf8(decomposed, 0x0111);  // đ
    } else {
      decomposed += letter.base;
    }
    if (letter.quality != 0) append_utf8(decomposed, letter.quality);
    // The tone goes on the first vowel here; canonical placement moves it.
    if (tone != 0 && !tone_placed && is_vowel(letter.base)) {
      append_utf8(decomposed, tone);
      tone_placed = true;
    }
  }
  if (tone != 0 && !tone_placed) return std::nullopt;

  std::string word = canonical_tone_placement(decomposed);
  if (word == keystrokes || !is_vietnamese_syllable(word)) return std::nullopt;
  return word;
}

bool is_lower_ascii_word(std::string_view word, bool digits_allowed) {
  if (word.empty()) return false;
  for (char c : word) {
    bool letter = c >= 'a' && c <= 'z';
    bool digit = c >= '0' && c <= '9';
    if (!letter && !(digits_allowed && digit)) return false;
  }
  return true;
}

// Returns the index of the last letter before the end of `letters` whose base
// is one of `bases` and that has no quality mark yet, or -1.
int find_markable(const std::vector<Letter>& letters, std::string_view bases) {
  for (int i = static_cast<int>(letters.size()) - 1; i >= 0; --i) {
    if (bases.find(letters[i].base) != std::string_view::npos && letters[i].quality == 0) {
      return i;
    }
  }
  return -1;
}

// Puts a horn on letter `index` (o or u), and on the u before an o ("uo" -> "ươ").
void add_horn(std::vector<Letter>& letters, int index) {
  letters[index].quality = kHorn;
  if (letters[index].base == 'o' && index > 0 && letters[index - 1].base == 'u') {
    letters[index - 1].quality = kHorn;
  }
}

char32_t telex_tone(char key) {
  switch (key) {
    case 's':
      return kAcute;
    case 'f':
      return kGrave;
    case 'r':
      return kHook;
    case 'x':
      return kTilde;
    case 'j':
      return kDotBelow;
    default:
      return 0;
  }
}

}  // namespace

std::optional<std::string> decode_telex(std::string_view word) {
  if (!is_lower_ascii_word(word, false)) return std::nullopt;

  std::vector<Letter> letters;
  char32_t tone = 0;
  bool seen_vowel = false;
  char previous_key = 0;
  for (char c : word) {
    char key = std::exchange(previous_key, c);
    Letter* last = letters.empty() ? nullptr : &letters.back();
    if (c == 'd' && last && last->base == 'd' && !last->stroke && letters.size() == 1) {
      last->stroke = true;
      continue;
    }
    if ((c == 'a' || c == 'e' || c == 'o') && last && last->base == c && last->quality == 0) {
      last->quality = kCircumflex;
      continue;
    }
    if (c == 'w') {
      int index = find_markable(letters, "aou");
      if (index >= 0 && letters[index].base == 'a') {
        letters[index].quality = kBreve;
      } else if (index >= 0) {
        add_horn(letters, index);
      } else {
        letters.push_back({'u', kHorn});
        seen_vowel = true;
      }
      continue;
    }
    if (seen_vowel && key == c && telex_tone(c) != 0 && tone == telex_tone(c)) {
      // A tone key typed twice takes the tone back and types the letter ("boss").
      tone = 0;
      letters.push_back({c});
      continue;
    }
    if (seen_vowel && (telex_tone(c) != 0 || c == 'z')) {
      tone = telex_tone(c);
      continue;
    }
    letters.push_back({c});
    seen_vowel = seen_vowel || is_vowel(c);
  }
  return finish(word, letters, tone);
}

std::optional<std::string> decode_vni(std::string_view word) {
  if (!is_lower_ascii_word(word, true)) return std::nullopt;

  constexpr char32_t kTones[] = {0, kAcute, kGrave, kHook, kTilde, kDotBelow};
  std::vector<Letter> letters;
  char32_t tone = 0;
  bool seen_vowel = false;
  bool seen_digit = false;
  for (char c : word) {
    if (c < '0' || c > '9') {
      letters.push_back({c});
      seen_vowel = seen_vowel || is_vowel(c);
      continue;
    }
    seen_digit = true;
    int digit = c - '0';
    if (digit <= 5) {
      if (!seen_vowel) return std::nullopt;
      tone = kTones[digit];
      continue;
    }
    std::string_view bases = digit == 6 ? "aeo" : digit == 7 ? "ou" : digit == 8 ? "a" : "d";
    int index = find_markable(letters, bases);
    if (index < 0) return std::nullopt;
    if (digit == 6) {
      letters[index].quality = kCircumflex;
    } else if (digit == 7) {
      add_horn(letters, index);
    } else if (digit == 8) {
      letters[index].quality = kBreve;
    } else if (letters[index].stroke) {
      return std::nullopt;
    } else {
      letters[index].stroke = true;
    }
  }
  if (!seen_digit) return std::nullopt;
  return finish(word, letters, tone);
}

}  // namespace techmarket::text
