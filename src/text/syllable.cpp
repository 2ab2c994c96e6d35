#include "text/syllable.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <stdexcept>
#include <unordered_set>

#include "text/fold.h"

namespace techmarket::text {
namespace {

// Onsets, longest first so that "ngh" is tried before "ng".
constexpr std::array<std::string_view, 27> kOnsets = {
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d",
    "đ",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x"};

// Rhymes without tone marks, in NFC. A rhyme that begins with the glide o or u
// ("oa", "uy") is listed whole, so onsets never include the glide except in "qu".
constexpr std::array<std::string_view, 173> kRhymes = {
    "a",   "ac",  "ach", "ai",   "am",   "an",   "ang",  "anh",  "ao",   "ap",   "at",   "au",
    "ay",  "ă",   "ăc",  "ăm",   "ăn",   "ăng",  "ăp",   "ăt",   "â",    "âc",   "âm",   "ân",
    "âng", "âp",  "ât",  "âu",   "ây",   "e",    "ec",   "em",   "en",   "eng",  "eo",   "ep",
    "et",  "ê",   "êch", "êm",   "ên",   "ênh",  "êp",   "êt",   "êu",   "i",    "ia",   "ich",
    "im",  "in",  "inh", "ip",   "it",   "iu",   "iê",   "iêc",  "iêm",  "iên",  "iêng", "iêp",
    "iêt", "iêu", "o",   "oa",   "oac",  "oach", "oai",  "oam",  "oan",  "oang", "oanh", "oao",
    "oap", "oat", "oay", "oă",   "oăc",  "oăm",  "oăn",  "oăng", "oăt",  "oc",   "oe",   "oem",
    "oen", "oeo", "oet", "oi",   "om",   "on",   "ong",  "ooc",  "oong", "op",   "ot",   "ô",
    "ôc",  "ôi",  "ôm",  "ôn",   "ông",  "ôp",   "ôt",   "ơ",    "ơi",   "ơm",   "ơn",   "ơp",
    "ơt",  "u",   "ua",  "uân",  "uâng", "uât",  "uây",  "uc",   "ue",   "uê",   "uêch", "uênh",
    "ui",  "um",  "un",  "ung",  "uô",   "uôc",  "uôi",  "uôm",  "uôn",  "uông", "uôt",  "uơ",
    "up",  "ut",  "uy",  "uych", "uya",  "uyên", "uyêt", "uynh", "uyt",  "uyu",  "uyn",  "ư",
    "ưa",  "ưc",  "ưi",  "ưm",   "ưn",   "ưng",  "ươ",   "ươc",  "ươi",  "ươm",  "ươn",  "ương",
    "ươp", "ươt", "ươu", "ưt",   "ưu",   "y",    "yê",   "yêm",  "yên",  "yêng", "yêt",  "yêu",
    "uâc", "uêt", "uên", "uyêu", "oăp"};

constexpr UChar32 kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309,
                  kDotBelow = 0x0323;

bool is_tone_mark(UChar32 c) {
  return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDotBelow;
}

struct RhymeTables {
  std::unordered_set<std::string> accented;
  std::unordered_set<std::string> folded;
  std::unordered_set<std::string> folded_onsets;
};

const RhymeTables& rhyme_tables() {
  static const RhymeTables tables = [] {
    RhymeTables built;
    for (auto rhyme : kRhymes) {
      built.accented.emplace(rhyme);
      built.folded.insert(fold(rhyme));
    }
    for (auto onset : kOnsets) built.folded_onsets.insert(fold(onset));
    return built;
  }();
  return tables;
}

bool ends_in_stop(std::string_view rhyme) {
  auto ends_with = [&](std::string_view tail) {
    return rhyme.size() >= tail.size() && rhyme.substr(rhyme.size() - tail.size()) == tail;
  };
  return ends_with("c") || ends_with("ch") || ends_with("p") || ends_with("t");
}

// Returns true when `word` splits into an optional onset from `onsets` and a
// rhyme from `rhymes`. "gi" alone is a syllable too ("gì").
template <typename Onsets>
bool splits_into_syllable(std::string_view word, const Onsets& onsets,
                          const std::unordered_set<std::string>& rhymes) {
  if (rhymes.count(std::string(word))) return true;
  for (const auto& onset : onsets) {
    std::string_view prefix(onset);
    if (word.size() < prefix.size() || word.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = word.substr(prefix.size());
    if (rest.empty()) {
      if (prefix == "gi") return true;
      continue;
    }
    if (rhymes.count(std::string(rest))) return true;
  }
  return false;
}

}  // namespace

bool is_vietnamese_syllable(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalizers are unavailable");

  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString decomposed = nfd->normalize(text, status);
  icu::UnicodeString bare;
  UChar32 tone = 0;
  int tone_count = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_tone_mark(c)) {
      tone = c;
      ++tone_count;
      continue;
    }
    bare.append(u_tolower(c));
  }
  if (tone_count > 1 || bare.isEmpty()) return false;

  std::string base;
  nfc->normalize(bare, status).toUTF8String(base);
  if (U_FAILURE(status)) return false;

  const auto& tables = rhyme_tables();
  if (!splits_into_syllable(base, kOnsets, tables.accented)) return false;
  if (tone_count == 1 && tone != kAcute && tone != kDotBelow && ends_in_stop(base)) return false;
  return true;
}

bool is_folded_syllable(std::string_view folded) {
  const auto& tables = rhyme_tables();
  return splits_into_syllable(folded, tables.folded_onsets, tables.folded);
}

}  // namespace techmarket::text
