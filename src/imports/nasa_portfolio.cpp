#include "imports/nasa_portfolio.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "organizations/lookup.h"
#include "organizations/organization_service.h"
#include "text/fold.h"

namespace techmarket::imports {
namespace {

// The offer limits of catalog::read_offer, in code points.
constexpr std::size_t kMaxTitleLength = 300;
constexpr std::size_t kMaxKeywordLength = 100;
constexpr std::size_t kSummaryLength = 300;

constexpr std::array<std::string_view, 3> kRecordTypes = {"patent", "software", "spinoff"};

// Words that end with a period inside a sentence in NASA's English text.
constexpr std::array<std::string_view, 17> kAbbreviations = {
    "Inc", "Corp", "Co", "Ltd", "Bros", "Dr",  "Mr", "Mrs",   "Ms",
    "St",  "Jr",   "No", "vs",  "etc",  "Fig", "Mt", "approx"};

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string collapse_whitespace(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(' ');
    pending_space = false;
    collapsed.push_back(c);
  }
  return collapsed;
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

// Returns the byte offset at which code point number `index` (0-based) starts,
// or text.size() when the text is shorter.
std::size_t code_point_offset(std::string_view text, std::size_t index) {
  std::size_t seen = 0;
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    if (is_continuation_byte(text[offset])) continue;
    if (seen == index) return offset;
    ++seen;
  }
  return text.size();
}

// Returns true when the '.', '!' or '?' at `index` of whitespace-collapsed
// text ends a sentence. It does when it ends the text, or when a space and a
// capital letter, digit, quote or bracket follow it. A period that ends an
// abbreviation such as "Inc." or "U.S." ends no sentence.
bool ends_sentence(std::string_view text, std::size_t index) {
  char mark = text[index];
  if (mark != '.' && mark != '!' && mark != '?') return false;
  if (index + 1 == text.size()) return true;
  if (text[index + 1] != ' ' || index + 2 >= text.size()) return false;

  char next = text[index + 2];
  bool starts_sentence = (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
                         next == '"' || next == '(' || static_cast<unsigned char>(next) >= 0x80;
  if (!starts_sentence) return false;
  if (mark != '.') return true;

  auto word_start = text.rfind(' ', index);
  word_start = word_start == std::string_view::npos ? 0 : word_start + 1;
  auto word = text.substr(word_start, index - word_start);
  if (word.size() <= 1 || word.find('.') != std::string_view::npos) return false;
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) == kAbbreviations.end();
}

std::string string_field(const nlohmann::json& record, const std::string& name,
                         std::vector<FieldError>& errors) {
  auto found = record.find(name);
  if (found == record.end() || found->is_null()) return {};
  if (!found->is_string()) {
    errors.push_back({name, "must be a string"});
    return {};
  }
  return text::to_nfc(found->get<std::string>());
}

}  // namespace

std::string cut_at_word(std::string_view text, std::size_t max_code_points) {
  std::string collapsed = collapse_whitespace(text);
  if (count_code_points(collapsed) <= max_code_points) return collapsed;
  if (max_code_points == 0) return {};

  // Keep one code point free for the ellipsis.
  std::size_t keep = code_point_offset(collapsed, max_code_points - 1);
  std::size_t cut = collapsed[keep] == ' ' ? keep : collapsed.rfind(' ', keep);
  if (cut == std::string::npos || cut == 0) cut = keep;

  std::string shortened = collapsed.substr(0, cut);
  while (!shortened.empty() &&
         std::string_view(" ,;:-").find(shortened.back()) != std::string_view::npos) {
    shortened.pop_back();
  }
  return shortened + "…";
}

std::string first_sentences(std::string_view text, std::size_t max_code_points) {
  std::string collapsed = collapse_whitespace(text);
  if (count_code_points(collapsed) <= max_code_points) return collapsed;

  std::size_t sentences_end = 0;
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < collapsed.size(); ++i) {
    if (!is_continuation_byte(collapsed[i])) ++code_points;
    if (code_points > max_code_points) break;
    if (ends_sentence(collapsed, i)) sentences_end = i + 1;
  }
  if (sentences_end == 0) return cut_at_word(collapsed, max_code_points);
  return collapsed.substr(0, sentences_end);
}

bool is_nasa_record(const nlohmann::json& record) {
  return record.is_object() && record.contains("nasa_id");
}

std::int64_t ensure_nasa_organization(db::Connection& connection) {
  if (auto id = organizations::find_organization_id(connection, std::string(kNasaExternalId))) {
    return *id;  // kept as stored, so edits made on the platform survive a re-import
  }
  nlohmann::json body = {{"external_id", kNasaExternalId},
                         {"kind", "government_agency"},
                         {"name", "NASA"},
                         {"name_en", "National Aeronautics and Space Administration"},
                         {"country_code", "US"},
                         {"status", "active"}};
  organizations::Organization nasa;
  auto errors = organizations::validate_organization(connection, body, nasa);
  if (!errors.empty()) {
    throw std::logic_error(fmt::format("the built-in NASA organization is invalid: {}: {}",
                                       errors.front().field, errors.front().message));
  }
  organizations::upsert_organization(connection, nasa);
  return nasa.id;
}

nlohmann::json nasa_offer_json(const nlohmann::json& record, std::int64_t owner_id,
                               std::vector<FieldError>& errors) {
  if (!record.is_object()) {
    errors.push_back({"", "expected a JSON object"});
    return {};
  }
  std::string type = string_field(record, "type", errors);
  std::string nasa_id = string_field(record, "nasa_id", errors);
  std::string case_number = string_field(record, "case_number", errors);
  std::string title = string_field(record, "title", errors);
  std::string description = string_field(record, "description", errors);
  std::string category = string_field(record, "category", errors);
  std::string release = string_field(record, "field6", errors);

  if (std::find(kRecordTypes.begin(), kRecordTypes.end(), type) == kRecordTypes.end()) {
    errors.push_back(
        {"type", fmt::format("\"{}\" is not one of: {}", type, fmt::join(kRecordTypes, ", "))});
  }
  if (collapse_whitespace(nasa_id).empty()) errors.push_back({"nasa_id", "is required"});
  title = cut_at_word(title, kMaxTitleLength);
  if (title.empty()) errors.push_back({"title", "is required"});
  if (!errors.empty()) return {};

  // An offer needs a summary, so a record without a description uses its title.
  std::string summary = description.empty() ? title : first_sentences(description, kSummaryLength);
  nlohmann::json offer = {
      {"external_id", "nasa:" + collapse_whitespace(nasa_id)},
      {"kind", type == "patent" ? "ip_asset" : "technology"},
      {"language", "en"},
      {"title", title},
      {"title_en", title},
      {"summary", summary},
      {"summary_en", summary},
      {"status", "published"},
      {"owner_organization_id", owner_id},
  };
  if (!description.empty()) {
    offer["description"] = description;
    offer["description_en"] = description;
  }

  nlohmann::json keywords = nlohmann::json::array();
  std::string keyword = cut_at_word(category, kMaxKeywordLength);
  if (!keyword.empty()) keywords.push_back(keyword);
  if (type == "software" && text::fold(release) == "open source") keywords.push_back("open source");
  if (!keywords.empty()) offer["keywords"] = keywords;

  // NASA licenses patented and patent-pending technologies alike and the
  // portfolio does not say which is which, so ip_status stays empty.
  if (type == "patent") {
    if (!case_number.empty()) offer["ip_number"] = case_number;
    offer["price_negotiable"] = true;
  }
  if (type == "patent" || type == "software")
    offer["transfer_modes"] = nlohmann::json::array({"licence"});
  return offer;
}

}  // namespace techmarket::imports
