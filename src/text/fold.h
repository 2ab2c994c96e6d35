// Vietnamese text normalisation: the forms stored (NFC) and the forms searched (folded).
#pragma once

#include <string>
#include <string_view>

namespace techmarket::text {

// Returns true when `input` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view input);

// Returns `input` in Unicode Normalization Form C, the form every stored text takes.
// Invalid UTF-8 sequences become U+FFFD; callers that must reject them check
// is_valid_utf8 first.
std::string to_nfc(std::string_view input);

// Returns the search form of `input`: compatibility-decomposed, lower case, with
// combining marks removed and đ/Đ mapped to d. Non-breaking and other Unicode
// spaces become an ASCII space; zero-width characters and soft hyphens are
// dropped. Full-width digits and letters become ASCII.
//   fold("Công nghệ SẤY") == "cong nghe say"
//   fold("Điện") == "dien"
std::string fold(std::string_view input);

// Returns `input` lower-cased by Vietnamese rules, in NFC ("ĐỀ XUẤT" -> "đề xuất").
std::string to_lower_vi(std::string_view input);

// Returns `input` upper-cased by Vietnamese rules ("tổng hợp" -> "TỔNG HỢP").
std::string to_upper_vi(std::string_view input);

}  // namespace techmarket::text
