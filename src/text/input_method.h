// Decoding of raw Telex and VNI keystrokes, as typed when a Vietnamese input
// method is switched off: "tieengs" and "tie61ng" both spell "tiếng".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace techmarket::text {

// Returns the Vietnamese syllable (NFC, lower case, tone in the newer
// placement) that the Telex keystrokes `word` spell, or std::nullopt when
// `word` is not ASCII letters, spells nothing different, or does not give a
// Vietnamese syllable. Keys: aa ee oo for â ê ô; aw ow uw (or w alone) for
// ă ơ ư; dd for đ; s f r x j for the five tones after a vowel; z clears the tone.
//   decode_telex("ngheej") == "nghệ"
//   decode_telex("dduwowngf") == "đường"
std::optional<std::string> decode_telex(std::string_view word);

// Same for VNI keystrokes: 1 to 5 for sắc, huyền, hỏi, ngã, nặng; 6 for â ê ô;
// 7 for ơ ư; 8 for ă; 9 for đ; 0 clears the tone. A digit acts on the nearest
// letter before it that it can mark, so "co6ng" and "cong6" both give "công".
std::optional<std::string> decode_vni(std::string_view word);

}  // namespace techmarket::text
