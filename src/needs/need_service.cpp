#include "needs/need_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "auth/audit_log.h"
#include "auth/record_access.h"
#include "catalog/offer.h"
#include "common/pagination.h"
#include "common/transition_body.h"
#include "organizations/lookup.h"
#include "reference/lookup.h"

namespace techmarket::needs {
namespace {

void check_classifications(db::Connection& connection, const Need& need, FieldReader& reader) {
  if (need.st_field && !reference::st_field_exists(connection, *need.st_field)) {
    reader.add_error("st_field", fmt::format("\"{}\" is not an S&T field code such as \"2\" or "
                                             "\"2.5\"; see /api/v1/st-fields",
                                             *need.st_field));
  }
  if (need.industry_section && need.industry_version &&
      !reference::industry_section_exists(connection, *need.industry_version,
                                          *need.industry_section)) {
    reader.add_error("industry_section", fmt::format("\"{}\" is not a VSIC {} section letter; see "
                                                     "/api/v1/industry-sections?version={}",
                                                     *need.industry_section, *need.industry_version,
                                                     *need.industry_version));
  }
  for (std::size_t i = 0; i < need.ipc_codes.size(); ++i) {
    const auto& code = need.ipc_codes[i];
    if (catalog::is_ipc_symbol(code) && code.size() >= 4 &&
        !reference::ipc_subclass_known(connection, code)) {
      reader.add_error(
          fmt::format("ipc_codes[{}]", i),
          fmt::format("IPC subclass \"{}\" does not exist; see /api/v1/ipc", code.substr(0, 4)));
    }
  }
}

void check_place_and_owner(db::Connection& connection, const Need& need, FieldReader& reader) {
  const auto& province = need.province_code;
  const auto& commune = need.commune_code;
  bool province_known =
      province && reference::province_exists(connection, reference::kCurrentEdition, *province);
  if (province && !province_known) {
    reader.add_error("province_code",
                     fmt::format("\"{}\" is not a province code in force since 1 July 2025; see "
                                 "/api/v1/provinces",
                                 *province));
  }
  if (commune && !province) {
    reader.add_error("commune_code",
                     "requires province_code, the province that contains the commune");
  } else if (commune && province_known &&
             !reference::commune_exists(connection, reference::kCurrentEdition, *province,
                                        *commune)) {
    reader.add_error("commune_code",
                     fmt::format("\"{}\" is not a commune of province {} in force since 1 July "
                                 "2025; see /api/v1/provinces/{}/communes",
                                 *commune, *province, *province));
  }

  if (need.owner_organization_id &&
      !organizations::organization_exists(connection, *need.owner_organization_id)) {
    reader.add_error("owner_organization_id",
                     fmt::format("no organization has id {}", *need.owner_organization_id));
  }
}

std::string not_found(std::int64_t id) { return fmt::format("no need has id {}", id); }

// Drops the fields that the server sets, so a stored need can be compared
// with an incoming one.
nlohmann::json comparable(const Need& need) {
  auto json = to_json(need);
  json.erase("id");
  json.erase("created_at");
  json.erase("updated_at");
  json.erase("rejection_reason");
  return json;
}

}  // namespace

std::vector<FieldError> validate_need(db::Connection& connection, const nlohmann::json& body,
                                      Need& need) {
  FieldReader reader(body);
  need = read_need(reader);
  reader.reject_unknown_fields();
  check_classifications(connection, need, reader);
  check_place_and_owner(connection, need, reader);
  return reader.errors();
}

SaveOutcome upsert_need(db::Connection& connection, Need& need, const auth::Principal& actor,
                        std::string_view action) {
  std::optional<std::int64_t> existing_id;
  if (need.id != 0) {
    existing_id = need.id;
  } else if (need.external_id) {
    existing_id = find_need_id(connection, *need.external_id);
  }

  SaveOutcome outcome = SaveOutcome::kCreated;
  std::optional<Need> stored;
  if (existing_id) {
    stored = find_need(connection, *existing_id);
    need.id = *existing_id;
    if (stored && comparable(*stored) == comparable(need)) return SaveOutcome::kUnchanged;
    try {
      update_need(connection, need);
    } catch (const db::ConstraintError&) {
      throw ConflictError(fmt::format("another need already has external_id \"{}\"",
                                      need.external_id.value_or("")));
    }
    outcome = SaveOutcome::kUpdated;
  } else {
    need.id = insert_need(connection, need);
  }

  if (action.empty()) action = outcome == SaveOutcome::kCreated ? "create" : "update";
  auth::record_audit(connection, actor, action, "need", need.id,
                     stored ? to_json(*stored) : nlohmann::json(nullptr),
                     to_json(*find_need(connection, need.id)));
  search::enqueue(connection, "need", need.id);
  return outcome;
}

std::optional<search::SearchDocument> need_search_document(db::Connection& connection,
                                                           std::int64_t id) {
  auto need = find_need(connection, id);
  if (!need || need->status == "archived") return std::nullopt;

  // Field weights: title above keywords and IPC codes, above the problem and
  // the desired result. IPC codes weigh as much as in an offer's document.
  search::SearchDocument document;
  document.record_type = "need";
  document.id = need->id;
  document.title = need->title;
  document.status = need->status;
  document.texts.emplace_back(need->title, 4);
  for (const auto& keyword : need->keywords) document.texts.emplace_back(keyword, 3);
  for (const auto& code : need->ipc_codes) document.texts.emplace_back(code, 3);
  document.texts.emplace_back(need->problem, 2);
  if (need->desired_result) document.texts.emplace_back(*need->desired_result, 1);
  document.st_field = need->st_field;
  document.province_code = need->province_code;
  document.summary = need->problem;
  document.keywords = need->keywords;
  document.industry_section = need->industry_section;
  // A need's price band is that of the most it would pay.
  auto budget = need->budget_max_vnd ? need->budget_max_vnd : need->budget_min_vnd;
  document.price_band = search::price_band(budget, false);
  document.date = need->updated_at.substr(0, 10);

  const bool filled[] = {need->desired_result.has_value(),
                         need->st_field.has_value(),
                         need->industry_section.has_value(),
                         budget.has_value(),
                         need->deadline.has_value(),
                         need->province_code.has_value(),
                         need->owner_organization_id.has_value(),
                         !need->keywords.empty()};
  document.completeness =
      static_cast<double>(std::count(std::begin(filled), std::end(filled), true)) /
      static_cast<double>(std::size(filled));
  return document;
}

Need NeedService::save(const auth::Principal& actor, std::optional<Need> stored,
                       const nlohmann::json& body) {
  Need need;
  {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    auto errors = validate_need(*connection, body, need);
    if (!errors.empty()) throw ValidationError(std::move(errors));

    if (!actor.is_reviewer()) {
      if (!stored) {
        need.owner_organization_id = auth::owner_for_new_record(actor, need.owner_organization_id);
        if (need.status != "draft") {
          throw ValidationError(
              std::vector<FieldError>{{"status",
                                       "a new need starts as draft; submit it for review with "
                                       "POST /api/v1/needs/{id}/submit"}});
        }
      } else {
        if (need.owner_organization_id != stored->owner_organization_id) {
          throw ForbiddenError("a need cannot be moved to another organization by its owner");
        }
        if (need.status != stored->status) {
          throw ValidationError(std::vector<FieldError>{
              {"status",
               "changes only through the routes /submit, /publish, /reject, /renew "
               "and /archive of the need"}});
        }
        // An owner's edit of a published need goes back to review.
        if (need.status == "published") need.status = "submitted";
      }
    }

    if (stored) {
      need.id = stored->id;
      need.rejection_reason = stored->rejection_reason;
    }
    if (!stored && need.external_id && find_need_id(*connection, *need.external_id)) {
      throw ConflictError(
          fmt::format("a need with external_id \"{}\" exists; update it with PATCH instead",
                      *need.external_id));
    }
    try {
      upsert_need(*connection, need, actor);
    } catch (const db::ConstraintError& e) {
      throw ConflictError(fmt::format("the need conflicts with a stored record: {}", e.what()));
    }
    need = *find_need(*connection, need.id);
    transaction.commit();
  }
  indexer_.drain();
  notify_change(need.id);
  return need;
}

Need NeedService::create(const auth::Principal& actor, const nlohmann::json& body) {
  return save(actor, std::nullopt, body);
}

Need NeedService::update(const auth::Principal& actor, std::int64_t id,
                         const nlohmann::json& patch) {
  if (!patch.is_object())
    throw ValidationError(std::vector<FieldError>{{"", "expected a JSON object"}});
  auto stored = get(actor, id);
  auth::require_editor(actor, stored.owner_organization_id, stored.status, not_found(id));
  auto merged = to_json(stored);
  merged.merge_patch(patch);
  return save(actor, stored, merged);
}

Need NeedService::get(const auth::Principal& viewer, std::int64_t id) {
  auto connection = pool_.acquire();
  auto need = find_need(*connection, id);
  if (!need || !auth::can_see_record(viewer, need->owner_organization_id, need->status)) {
    throw NotFoundError(not_found(id));
  }
  return *need;
}

Need NeedService::transition(const auth::Principal& actor, std::int64_t id, ReviewAction action,
                             const nlohmann::json& body) {
  Need need;
  {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    auto stored = find_need(*connection, id);
    if (!stored) throw NotFoundError(not_found(id));
    auth::require_editor(actor, stored->owner_organization_id, stored->status, not_found(id));
    if (needs_reviewer(action) && !actor.is_reviewer()) {
      throw ForbiddenError(
          fmt::format("only staff and administrators can {} a need", review_action_name(action)));
    }
    auto status = next_status(action, stored->status);
    if (!status) {
      throw ConflictError(fmt::format("need {} is {}, but {} is allowed only from {}", id,
                                      stored->status, review_action_name(action),
                                      allowed_statuses(action)));
    }

    need = *stored;
    need.status = *status;
    auto today = db::now_utc().substr(0, 10);
    auto change = read_transition_body(action, body, today, "deadline");
    if (action == ReviewAction::kReject) need.rejection_reason = change.reason;
    if (action == ReviewAction::kSubmit || action == ReviewAction::kPublish) {
      need.rejection_reason.reset();
    }
    if (action == ReviewAction::kRenew) need.deadline = change.expires_on;

    upsert_need(*connection, need, actor, review_action_name(action));
    need = *find_need(*connection, id);
    transaction.commit();
  }
  indexer_.drain();
  notify_change(id);
  spdlog::info("event=need_{} need_id={} by={}", review_action_name(action), id, actor.describe());
  return need;
}

NeedPage NeedService::list(const auth::Principal& viewer, NeedFilter filter) {
  if (!viewer.is_reviewer()) {
    filter.published_only = true;
    bool sees_own = viewer.kind == auth::Principal::Kind::kUser ||
                    viewer.has_scope("catalog:read") || viewer.has_scope("catalog:write");
    if (sees_own) filter.viewer_organization_id = viewer.organization_id;
  }
  auto connection = pool_.acquire();
  return read_page<NeedPage>(
      filter, [&](const NeedFilter& one_more) { return list_needs(*connection, one_more); });
}

void NeedService::notify_change(std::int64_t id) {
  if (!after_change_) return;
  try {
    after_change_(id);
  } catch (const std::exception& e) {
    spdlog::error("event=need_change_hook_failed need_id={} error=\"{}\"", id, e.what());
  }
}

std::size_t NeedService::expire_due(const std::string& today) {
  std::vector<std::int64_t> ids;
  {
    auto connection = pool_.acquire();
    ids = list_need_ids_due_to_expire(*connection, today);
  }
  for (auto id : ids) transition(auth::Principal::system(), id, ReviewAction::kExpire);
  return ids.size();
}

}  // namespace techmarket::needs
