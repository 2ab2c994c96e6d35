#include "search/snippets.h"

#include <algorithm>

#include "text/tokens.h"

namespace techmarket::search {
namespace {

// Words shown before the first match in a cut snippet.
constexpr std::size_t kWordsBeforeMatch = 4;
constexpr std::string_view kEllipsis = "…";

void append_segment(std::vector<SnippetSegment>& segments, std::string_view text, bool match) {
  if (text.empty()) return;
  if (!match && !segments.empty() && !segments.back().match) {
    segments.back().text += text;
    return;
  }
  segments.push_back({std::string(text), match});
}

// Returns the byte before which a window of `max_bytes` from `start` ends: the
// end of the last whole token that fits, and at least of the first token.
std::size_t window_end(const std::vector<text::Token>& tokens, std::size_t start,
                       std::size_t max_bytes) {
  std::size_t end = start;
  for (const auto& token : tokens) {
    if (token.begin < start) continue;
    if (end != start && token.end - start > max_bytes) break;
    end = token.end;
  }
  return end;
}

}  // namespace

MatchKeys::MatchKeys(const ParsedQuery& parsed, const Xapian::Stem& stemmer) : stemmer_(stemmer) {
  for (const auto& word : parsed.words) {
    folded_.insert(word.folded);
    if (is_ascii_word(word.folded)) stems_.insert(stemmer(word.folded));
    for (const auto& alternative : word.alternatives) {
      // A split alternative ("wind tunnel") marks each of its words.
      auto space = alternative.find(' ');
      for (const auto& part : space == std::string::npos
                                  ? std::vector<std::string>{alternative}
                                  : std::vector<std::string>{alternative.substr(0, space),
                                                             alternative.substr(space + 1)}) {
        folded_.insert(part);
        if (is_ascii_word(part)) stems_.insert(stemmer(part));
      }
    }
    if (!word.joined_with_next.empty()) folded_.insert(word.joined_with_next);
  }
}

std::vector<SnippetSegment> MatchKeys::highlight(std::string_view text,
                                                 std::size_t max_bytes) const {
  auto tokens = text::tokenize(text);
  std::vector<bool> matched(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& folded = tokens[i].folded;
    matched[i] =
        folded_.count(folded) > 0 || (is_ascii_word(folded) && stems_.count(stemmer_(folded)) > 0);
  }
  for (const auto& code : text::find_codes(text, tokens)) {
    if (!folded_.count(code.term)) continue;
    for (std::size_t i = code.first; i < code.first + code.count; ++i) matched[i] = true;
  }

  std::size_t start = 0;
  std::size_t end = text.size();
  if (max_bytes > 0 && text.size() > max_bytes) {
    auto first_match = std::find(matched.begin(), matched.end(), true) - matched.begin();
    auto first_shown = static_cast<std::size_t>(first_match) >= kWordsBeforeMatch
                           ? static_cast<std::size_t>(first_match) - kWordsBeforeMatch
                           : 0;
    if (first_shown < tokens.size() && first_shown > 0) start = tokens[first_shown].begin;
    end = window_end(tokens, start, max_bytes);
  }

  std::vector<SnippetSegment> segments;
  if (start > 0) append_segment(segments, kEllipsis, false);
  std::size_t cursor = start;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].begin < start || tokens[i].end > end) continue;
    append_segment(segments, text.substr(cursor, tokens[i].begin - cursor), false);
    append_segment(segments, text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin),
                   matched[i]);
    cursor = tokens[i].end;
  }
  append_segment(segments, text.substr(cursor, end - cursor), false);
  if (end < text.size()) append_segment(segments, kEllipsis, false);
  return segments;
}

}  // namespace techmarket::search
