#include "text/fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace techmarket::text {
namespace {

const icu::Normalizer2& nfc_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalizer is unavailable");
  return *normalizer;
}

const icu::Normalizer2& nfkd_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKD normalizer is unavailable");
  return *normalizer;
}

bool is_dropped_format_character(UChar32 c) {
  return c == 0x00AD      // soft hyphen
         || c == 0x200B   // zero-width space
         || c == 0x200C   // zero-width non-joiner
         || c == 0x200D   // zero-width joiner
         || c == 0x2060   // word joiner
         || c == 0xFEFF;  // byte-order mark or zero-width no-break space
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view input) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(input.data());
  int32_t length = static_cast<int32_t>(input.size());
  if (static_cast<size_t>(length) != input.size()) return false;
  int32_t offset = 0;
  while (offset < length) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string to_nfc(std::string_view input) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc_normalizer().normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFC normalization failed");
  return to_utf8(normalized);
}

std::string fold(std::string_view input) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfkd_normalizer().normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFKD normalization failed");

  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);

    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (is_dropped_format_character(c)) continue;
    if (c == 0x0110 || c == 0x0111) {  // Đ, đ: a letter of its own, not d with a mark
      folded.append(static_cast<UChar32>('d'));
      continue;
    }
    if (u_isUWhiteSpace(c)) {
      folded.append(static_cast<UChar32>(' '));
      continue;
    }
    folded.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return to_utf8(folded);
}

std::string to_lower_vi(std::string_view input) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  text.toLower(icu::Locale("vi"));
  return to_nfc(to_utf8(text));
}

std::string to_upper_vi(std::string_view input) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  text.toUpper(icu::Locale("vi"));
  return to_nfc(to_utf8(text));
}

}  // namespace techmarket::text
