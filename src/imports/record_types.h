// The kinds of record that the importer reads (offers, needs, organizations):
// their CSV columns and how one record is validated and saved.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"
#include "common/save_outcome.h"
#include "db/sqlite.h"
#include "imports/csv_records.h"

namespace techmarket::imports {

struct SaveResult {
  std::vector<FieldError> errors;
  SaveOutcome outcome = SaveOutcome::kUnchanged;  // meaningful when saved without errors
  std::int64_t id = 0;                             // the saved record's id
};

struct RecordType {
  std::string noun;    // "offer", for messages and the log
  std::string plural;  // "offers"
  // Names a CSV header may use: the fields of the API JSON (id, created_at
  // and updated_at are ignored there too), plus owner_external_id when the
  // record has an owner.
  std::vector<std::string> columns;
  std::vector<TypedColumn> typed_columns;  // columns that are not plain text
  std::vector<std::string_view> required_columns;
  // The id field that an owner_external_id is resolved into; empty when the
  // record has no owner.
  std::string owner_field;
  bool accepts_nasa = false;
  bool has_status = false;  // offers and needs are drafts until published
  // Validates `record` with the feature's service and, when it is valid and
  // `save` is true, inserts or updates it by external_id.
  std::function<SaveResult(db::Connection&, const nlohmann::json& record, bool save)> check;
};

const RecordType& offer_record_type();
const RecordType& need_record_type();
const RecordType& organization_record_type();

}  // namespace techmarket::imports
