// Vietnamese tone-mark placement. Two conventions are in use: the older one
// writes "hòa", "thúy", "khỏe" and the newer one "hoà", "thuý", "khoẻ". Both
// spell the same word, so search compares words in one canonical placement.
#pragma once

#include <string>
#include <string_view>

namespace techmarket::text {

// Returns `word` (one syllable, lower case, UTF-8) with its tone mark moved to
// the vowel that the newer convention marks: on the vowel that carries a
// breve, circumflex or horn (ơ in "ươ"); else on the middle of three vowels;
// else, for two vowels, on the second when a consonant follows or the pair
// is oa, oe or uy, and on the first otherwise. "qu" and "gi" before a vowel
// count as consonants. A word without exactly one tone mark is returned
// unchanged, in NFC.
//   canonical_tone_placement("hòa") == "hoà"
//   canonical_tone_placement("qủa") == "quả"
std::string canonical_tone_placement(std::string_view word);

// Applies canonical_tone_placement to every run of letters in `text`.
std::string canonicalize_tones(std::string_view text);

}  // namespace techmarket::text
