#include "catalog/offer_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "auth/audit_log.h"
#include "auth/record_access.h"
#include "common/pagination.h"
#include "common/transition_body.h"
#include "organizations/lookup.h"
#include "reference/lookup.h"

namespace techmarket::catalog {
namespace {

void check_references(db::Connection& connection, const Offer& offer, FieldReader& reader) {
  if (offer.st_field && !reference::st_field_exists(connection, *offer.st_field)) {
    reader.add_error("st_field", fmt::format("\"{}\" is not an S&T field code such as \"2\" or "
                                             "\"2.5\"; see /api/v1/st-fields",
                                             *offer.st_field));
  }
  if (offer.industry_section && offer.industry_version &&
      !reference::industry_section_exists(connection, *offer.industry_version,
                                          *offer.industry_section)) {
    reader.add_error("industry_section",
                     fmt::format("\"{}\" is not a VSIC {} section letter; see "
                                 "/api/v1/industry-sections",
                                 *offer.industry_section, *offer.industry_version));
  }
  for (size_t i = 0; i < offer.ipc_codes.size(); ++i) {
    const auto& code = offer.ipc_codes[i];
    if (is_ipc_symbol(code) && code.size() >= 4 &&
        !reference::ipc_subclass_known(connection, code)) {
      reader.add_error(fmt::format("ipc_codes[{}]", i),
                       fmt::format("IPC subclass \"{}\" does not exist", code.substr(0, 4)));
    }
  }
  if (offer.owner_organization_id &&
      !organizations::organization_exists(connection, *offer.owner_organization_id)) {
    reader.add_error("owner_organization_id",
                     fmt::format("no organization has id {}", *offer.owner_organization_id));
  }
  if (offer.province_code &&
      !reference::province_exists(connection, reference::kCurrentEdition, *offer.province_code)) {
    reader.add_error("province_code",
                     fmt::format("\"{}\" is not a province code in force since 1 July 2025; see "
                                 "/api/v1/provinces",
                                 *offer.province_code));
  }
}

std::string not_found(std::int64_t id) { return fmt::format("no offer has id {}", id); }

// Drops the fields that the server sets, so a stored offer can be compared
// with an incoming one.
nlohmann::json comparable(const Offer& offer) {
  auto json = to_json(offer);
  json.erase("id");
  json.erase("created_at");
  json.erase("updated_at");
  json.erase("rejection_reason");
  return json;
}

}  // namespace

std::vector<FieldError> validate_offer(db::Connection& connection, const nlohmann::json& body,
                                       Offer& offer) {
  FieldReader reader(body);
  offer = read_offer(reader);
  reader.reject_unknown_fields();
  check_references(connection, offer, reader);
  return reader.errors();
}

SaveOutcome upsert_offer(db::Connection& connection, Offer& offer, const auth::Principal& actor,
                         std::string_view action) {
  std::optional<std::int64_t> existing_id;
  if (offer.id != 0) {
    existing_id = offer.id;
  } else if (offer.external_id) {
    existing_id = find_offer_id(connection, *offer.external_id);
  }

  SaveOutcome outcome = SaveOutcome::kCreated;
  std::optional<Offer> stored;
  if (existing_id) {
    stored = find_offer(connection, *existing_id);
    offer.id = *existing_id;
    if (stored && comparable(*stored) == comparable(offer)) return SaveOutcome::kUnchanged;
    try {
      update_offer(connection, offer);
    } catch (const db::ConstraintError&) {
      throw ConflictError(fmt::format("another offer already has external_id \"{}\"",
                                      offer.external_id.value_or("")));
    }
    outcome = SaveOutcome::kUpdated;
  } else {
    offer.id = insert_offer(connection, offer);
  }

  if (action.empty()) action = outcome == SaveOutcome::kCreated ? "create" : "update";
  auth::record_audit(connection, actor, action, "offer", offer.id,
                     stored ? to_json(*stored) : nlohmann::json(nullptr),
                     to_json(*find_offer(connection, offer.id)));
  search::enqueue(connection, "offer", offer.id);
  return outcome;
}

std::optional<search::SearchDocument> offer_search_document(db::Connection& connection,
                                                            std::int64_t id) {
  auto offer = find_offer(connection, id);
  if (!offer || offer->status == "archived") return std::nullopt;

  // Field weights: title above keywords and IPC codes, above summary, above description.
  search::SearchDocument document;
  document.record_type = "offer";
  document.id = offer->id;
  document.kind = offer->kind;
  document.title = offer->title;
  document.status = offer->status;
  document.texts.emplace_back(offer->title, 4);
  if (offer->title_en) document.texts.emplace_back(*offer->title_en, 4);
  for (const auto& keyword : offer->keywords) document.texts.emplace_back(keyword, 3);
  for (const auto& code : offer->ipc_codes) document.texts.emplace_back(code, 3);
  document.texts.emplace_back(offer->summary, 2);
  if (offer->summary_en) document.texts.emplace_back(*offer->summary_en, 2);
  if (offer->description) document.texts.emplace_back(*offer->description, 1);
  if (offer->description_en) document.texts.emplace_back(*offer->description_en, 1);
  document.st_field = offer->st_field;
  document.trl = offer->trl;
  document.province_code = offer->province_code;
  document.summary = offer->summary;
  document.keywords = offer->keywords;
  document.industry_section = offer->industry_section;
  document.transfer_modes = offer->transfer_modes;
  document.price_band = search::price_band(offer->price_vnd, offer->price_negotiable);
  document.date = (offer->published_on ? *offer->published_on : offer->updated_at).substr(0, 10);

  const bool filled[] = {offer->description.has_value(),
                         offer->st_field.has_value(),
                         offer->industry_section.has_value(),
                         !offer->ipc_codes.empty(),
                         offer->trl.has_value(),
                         offer->ip_status.has_value(),
                         offer->owner_organization_id.has_value(),
                         offer->province_code.has_value(),
                         !offer->transfer_modes.empty(),
                         document.price_band.has_value(),
                         !offer->keywords.empty()};
  document.completeness =
      static_cast<double>(std::count(std::begin(filled), std::end(filled), true)) /
      static_cast<double>(std::size(filled));
  return document;
}

Offer OfferService::save(const auth::Principal& actor, std::optional<Offer> stored,
                         const nlohmann::json& body) {
  Offer offer;
  {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    auto errors = validate_offer(*connection, body, offer);
    if (!errors.empty()) throw ValidationError(std::move(errors));

    if (!actor.is_reviewer()) {
      if (!stored) {
        offer.owner_organization_id =
            auth::owner_for_new_record(actor, offer.owner_organization_id);
        if (offer.status != "draft") {
          throw ValidationError(
              std::vector<FieldError>{{"status",
                                       "a new offer starts as draft; submit it for review with "
                                       "POST /api/v1/offers/{id}/submit"}});
        }
      } else {
        if (offer.owner_organization_id != stored->owner_organization_id) {
          throw ForbiddenError("an offer cannot be moved to another organization by its owner");
        }
        if (offer.status != stored->status) {
          throw ValidationError(std::vector<FieldError>{
              {"status",
               "changes only through the routes /submit, /publish, /reject, /renew "
               "and /archive of the offer"}});
        }
        // An owner's edit of a published offer goes back to review.
        if (offer.status == "published") offer.status = "submitted";
      }
    }

    if (stored) {
      offer.id = stored->id;
      offer.rejection_reason = stored->rejection_reason;
    }
    if (!stored && offer.external_id && find_offer_id(*connection, *offer.external_id)) {
      throw ConflictError(
          fmt::format("an offer with external_id \"{}\" exists; update it with PATCH instead",
                      *offer.external_id));
    }
    try {
      upsert_offer(*connection, offer, actor);
    } catch (const db::ConstraintError& e) {
      throw ConflictError(fmt::format("the offer conflicts with a stored record: {}", e.what()));
    }
    offer = *find_offer(*connection, offer.id);
    transaction.commit();
  }
  indexer_.drain();
  notify_change(offer.id);
  return offer;
}

Offer OfferService::create(const auth::Principal& actor, const nlohmann::json& body) {
  return save(actor, std::nullopt, body);
}

Offer OfferService::update(const auth::Principal& actor, std::int64_t id,
                           const nlohmann::json& patch) {
  if (!patch.is_object())
    throw ValidationError(std::vector<FieldError>{{"", "expected a JSON object"}});
  auto stored = get(actor, id);
  auth::require_editor(actor, stored.owner_organization_id, stored.status, not_found(id));
  auto merged = to_json(stored);
  merged.merge_patch(patch);
  return save(actor, stored, merged);
}

Offer OfferService::get(const auth::Principal& viewer, std::int64_t id) {
  auto connection = pool_.acquire();
  auto offer = find_offer(*connection, id);
  if (!offer || !auth::can_see_record(viewer, offer->owner_organization_id, offer->status)) {
    throw NotFoundError(not_found(id));
  }
  return *offer;
}

Offer OfferService::transition(const auth::Principal& actor, std::int64_t id, ReviewAction action,
                               const nlohmann::json& body) {
  Offer offer;
  {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    auto stored = find_offer(*connection, id);
    if (!stored) throw NotFoundError(not_found(id));
    auth::require_editor(actor, stored->owner_organization_id, stored->status, not_found(id));
    if (needs_reviewer(action) && !actor.is_reviewer()) {
      throw ForbiddenError(
          fmt::format("only staff and administrators can {} an offer", review_action_name(action)));
    }
    auto status = next_status(action, stored->status);
    if (!status) {
      throw ConflictError(fmt::format("offer {} is {}, but {} is allowed only from {}", id,
                                      stored->status, review_action_name(action),
                                      allowed_statuses(action)));
    }

    offer = *stored;
    offer.status = *status;
    auto today = db::now_utc().substr(0, 10);
    auto change = read_transition_body(action, body, today);
    if (action == ReviewAction::kReject) offer.rejection_reason = change.reason;
    if (action == ReviewAction::kSubmit || action == ReviewAction::kPublish) {
      offer.rejection_reason.reset();
    }
    if (action == ReviewAction::kPublish && !offer.published_on) offer.published_on = today;
    if (action == ReviewAction::kRenew) offer.expires_on = change.expires_on;

    upsert_offer(*connection, offer, actor, review_action_name(action));
    offer = *find_offer(*connection, id);
    transaction.commit();
  }
  indexer_.drain();
  notify_change(id);
  spdlog::info("event=offer_{} offer_id={} by={}", review_action_name(action), id,
               actor.describe());
  return offer;
}

OfferPage OfferService::list(const auth::Principal& viewer, OfferFilter filter) {
  if (!viewer.is_reviewer()) {
    filter.published_only = true;
    bool sees_own = viewer.kind == auth::Principal::Kind::kUser ||
                    viewer.has_scope("catalog:read") || viewer.has_scope("catalog:write");
    if (sees_own) filter.viewer_organization_id = viewer.organization_id;
  }
  auto connection = pool_.acquire();
  return read_page<OfferPage>(
      filter, [&](const OfferFilter& one_more) { return list_offers(*connection, one_more); });
}

void OfferService::notify_change(std::int64_t id) {
  if (!after_change_) return;
  try {
    after_change_(id);
  } catch (const std::exception& e) {
    spdlog::error("event=offer_change_hook_failed offer_id={} error=\"{}\"", id, e.what());
  }
}

std::size_t OfferService::expire_due(const std::string& today) {
  std::vector<std::int64_t> ids;
  {
    auto connection = pool_.acquire();
    ids = list_offer_ids_due_to_expire(*connection, today);
  }
  for (auto id : ids) transition(auth::Principal::system(), id, ReviewAction::kExpire);
  return ids.size();
}

}  // namespace techmarket::catalog
