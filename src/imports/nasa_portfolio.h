// NASA's technology-transfer portfolio as offers. Each line of the file is
// one JSON object with the keys type (patent, software or spinoff), nasa_id,
// case_number, title, description, category, field6 to field8, center and
// image_url. The importer reads all but field7, field8, center and image_url.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"
#include "db/sqlite.h"

namespace techmarket::imports {

inline constexpr std::string_view kNasaExternalId = "nasa";

// Returns true when `record` is an object with a "nasa_id" key.
bool is_nasa_record(const nlohmann::json& record);

// Returns the id of the organization with external_id "nasa", inserting it
// when it is missing. Call inside the import's write transaction.
std::int64_t ensure_nasa_organization(db::Connection& connection);

// Maps one portfolio record to the API JSON of an offer owned by `owner_id`,
// with external_id "nasa:" + nasa_id. Titles that exceed the offer limit are
// cut at a word boundary. Adds an error for a missing nasa_id or title, an
// unknown type and a value that is not a string.
nlohmann::json nasa_offer_json(const nlohmann::json& record, std::int64_t owner_id,
                               std::vector<FieldError>& errors);

// Returns `text` with runs of whitespace collapsed to one space, cut to at
// most `max_code_points` at the last word boundary and ended with "…" when
// it was cut. A single word longer than the limit is cut inside the word.
std::string cut_at_word(std::string_view text, std::size_t max_code_points);

// Returns the whole sentences at the start of `text` that fit in
// `max_code_points`, with whitespace collapsed. When even the first sentence
// is longer, returns cut_at_word(text, max_code_points).
std::string first_sentences(std::string_view text, std::size_t max_code_points);

}  // namespace techmarket::imports
