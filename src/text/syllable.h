// Vietnamese syllable structure: an onset consonant, then a rhyme from a closed
// list. Used to tell a Vietnamese word from raw Telex or VNI keystrokes.
#pragma once

#include <string>
#include <string_view>

namespace techmarket::text {

// Returns true when `word` (one word, any case, NFC or NFD) is spelled as a
// Vietnamese syllable: a known onset and rhyme, and at most one tone, which
// must be sắc or nặng when the rhyme ends in c, ch, p or t. Spelling rules of
// c/k, g/gh and ng/ngh are not checked.
//   is_vietnamese_syllable("nghệ") == true
//   is_vietnamese_syllable("ngheej") == false
bool is_vietnamese_syllable(std::string_view word);

// Returns true when `folded` (lower-case ASCII, as text::fold returns it) is
// the folded form of some Vietnamese syllable ("coong", "nghe"; not "ngheej").
bool is_folded_syllable(std::string_view folded);

}  // namespace techmarket::text
