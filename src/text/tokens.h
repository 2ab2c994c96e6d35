// Splitting text into the words that search indexes and matches, with the
// byte offsets of each word in the original text so that matches can be shown
// in the text as written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace techmarket::text {

// One word of a text. Letters, digits and combining marks make up words;
// zero-width characters and soft hyphens inside a word are skipped; a dot or
// comma between digits ("2.5", "1,5", "v1.2.3") and a slash between digits
// ("1/00") stay inside the word.
struct Token {
  std::size_t begin = 0;  // byte offset of the first byte in the text
  std::size_t end = 0;    // byte offset one past the last byte
  std::string folded;     // text::fold of the word
  std::string exact;      // lower case, NFC, tone marks in the newer placement
};

// A code written as several words that search keeps as one term: an IPC
// group ("A01B 1/00" -> "a01b1/00"), a standard ("ISO 9001" -> "iso9001",
// also TCVN, QCVN, IEC, ASTM, IEEE) or a readiness level ("TRL 6" -> "trl6").
// Codes written as one word ("H01M", "TRL6", "5G", "CO2") are ordinary tokens
// whose folded form is already the same term.
struct Code {
  std::size_t first = 0;  // index of the first token of the code
  std::size_t count = 0;  // number of tokens it spans
  std::string term;
};

// Returns the words of `text`, which should be NFC (input in other forms is
// tokenized as given, so offsets stay valid for the caller's string).
std::vector<Token> tokenize(std::string_view text);

// Returns the codes formed by consecutive tokens of `text`; tokens must come
// from tokenize(text). Tokens of a code are separated only by spaces or hyphens.
std::vector<Code> find_codes(std::string_view text, const std::vector<Token>& tokens);

}  // namespace techmarket::text
