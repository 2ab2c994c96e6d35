#include "deals/deal_service.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <set>

#include "auth/account_store.h"
#include "auth/audit_log.h"
#include "auth/email_outbox.h"
#include "common/errors.h"
#include "common/field_reader.h"
#include "common/pagination.h"
#include "organizations/lookup.h"

namespace techmarket::deals {
namespace {

constexpr std::size_t kMaxParties = 10;

struct OpenRequest {
  std::optional<std::int64_t> offer_id;
  std::optional<std::int64_t> need_id;
  std::optional<std::string> title;
  std::string origin;
  std::optional<std::string> message;
  std::vector<DealParty> parties;
  bool has_parties = false;
};

std::string not_found(std::int64_t id) { return fmt::format("no deal has id {}", id); }

[[noreturn]] void reject_field(std::string field, std::string message) {
  throw ValidationError(std::vector<FieldError>{{std::move(field), std::move(message)}});
}

std::optional<std::int64_t> actor_user_id(const auth::Principal& actor) {
  if (actor.kind == auth::Principal::Kind::kUser) return actor.id;
  return std::nullopt;
}

void read_parties(const nlohmann::json& body, FieldReader& reader, OpenRequest& request) {
  reader.ignore("parties");
  auto found = body.find("parties");
  if (found == body.end() || found->is_null()) return;
  request.has_parties = true;
  if (!found->is_array()) {
    reader.add_error("parties", "must be an array of {\"role\", \"organization_id\"} objects");
    return;
  }
  if (found->size() > kMaxParties) {
    reader.add_error("parties", fmt::format("has {} entries; the maximum is {}", found->size(),
                                            kMaxParties));
    return;
  }
  for (std::size_t i = 0; i < found->size(); ++i) {
    const auto& item = (*found)[i];
    auto prefix = fmt::format("parties[{}]", i);
    if (!item.is_object()) {
      reader.add_error(prefix, "must be an object with \"role\" and \"organization_id\"");
      continue;
    }
    FieldReader party_reader(item);
    DealParty party;
    party.role = party_reader.choice("role", kPartyRoles).value_or("");
    if (party.role.empty() && party_reader.errors().empty()) {
      party_reader.add_error("role", "is missing; use buyer, seller or intermediary");
    }
    auto organization = party_reader.integer("organization_id", 1, INT64_MAX);
    if (!organization && party_reader.errors().empty()) {
      party_reader.add_error("organization_id", "is missing; give the id of an organization");
    }
    party_reader.ignore("organization_name");
    party_reader.ignore("province_code");
    party_reader.reject_unknown_fields();
    for (const auto& error : party_reader.errors()) {
      reader.add_error(prefix + "." + error.field, error.message);
    }
    if (party_reader.errors().empty()) {
      party.organization_id = *organization;
      request.parties.push_back(party);
    }
  }
}

OpenRequest read_open_request(const nlohmann::json& body) {
  FieldReader reader(body);
  OpenRequest request;
  request.offer_id = reader.integer("offer_id", 1, INT64_MAX);
  request.need_id = reader.integer("need_id", 1, INT64_MAX);
  request.title = reader.text("title", {.max_length = 300});
  request.origin = reader.choice("origin", kOrigins).value_or("");
  if (request.origin.empty() && reader.errors().empty()) {
    reader.add_error("origin", "is missing; use interest, event, intermediary or staff");
  }
  request.message = reader.text("message", {.max_length = 5000, .multiline = true});
  if (body.is_object()) read_parties(body, reader, request);
  reader.reject_unknown_fields();
  reader.throw_if_errors();
  return request;
}

// Checks the explicit parties: each organization exists and appears once,
// so no organization is both buyer and seller.
void check_parties(db::Connection& connection, const std::vector<DealParty>& parties) {
  std::vector<FieldError> errors;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const auto& party = parties[i];
    auto field = fmt::format("parties[{}].organization_id", i);
    if (!organizations::organization_exists(connection, party.organization_id)) {
      errors.push_back({field, fmt::format("no organization has id {}", party.organization_id)});
    } else if (!seen.insert(party.organization_id).second) {
      errors.push_back({field, fmt::format("organization {} is named twice; give each party once",
                                           party.organization_id)});
    }
  }
  if (!errors.empty()) throw ValidationError(std::move(errors));
}

std::vector<std::string> organization_emails(db::Connection& connection,
                                             std::int64_t organization_id) {
  std::vector<std::string> emails;
  auth::UserFilter filter;
  filter.organization_id = organization_id;
  filter.limit = 100;
  while (true) {
    auto users = auth::list_users(connection, filter);
    for (const auto& user : users) {
      if (user.status == "active") emails.push_back(user.email);
    }
    if (users.size() < filter.limit) break;
    filter.after_id = users.back().id;
  }
  return emails;
}

// Queues the notice of an expression of interest to every active user of
// `organization_id`.
void notify_interest(db::Connection& connection, const Deal& deal, std::int64_t organization_id,
                     const std::optional<std::string>& message) {
  auto subject = fmt::format("Có bên quan tâm: {} / New expression of interest: {}", deal.title,
                             deal.title);
  auto body = fmt::format(
      "Một tổ chức đã bày tỏ quan tâm và mở giao dịch số {} trên sàn giao dịch công nghệ.\n"
      "An organization expressed interest and opened deal {} on the technology market.\n\n"
      "Tiêu đề / Title: {}\n"
      "Xem và trả lời / View and reply: /deals/{}\n",
      deal.id, deal.id, deal.title, deal.id);
  if (message) body += fmt::format("\nLời nhắn / Message:\n{}\n", *message);
  for (const auto& email : organization_emails(connection, organization_id)) {
    auth::enqueue_email(connection, email, subject, body);
  }
}

}  // namespace

void DealService::notify_parties(db::Connection& connection, const Deal& deal,
                                 const auth::Principal& author, const std::string& subject,
                                 const std::string& body) {
  std::set<std::int64_t> notified;
  for (const auto& party : deal.parties) {
    if (party.organization_id == author.organization_id) continue;
    if (!notified.insert(party.organization_id).second) continue;
    for (const auto& email : organization_emails(connection, party.organization_id)) {
      auth::enqueue_email(connection, email, subject, body);
    }
  }
}

namespace {

bool sees_all_deals(const auth::Principal& viewer) {
  return viewer.is_reviewer() || viewer.has_role(auth::Role::kOfficer);
}

// A user of an organization is involved while that organization is a party,
// so someone who moves to another organization loses the deals of the old
// one, including those they opened. A user without an organization is
// involved in the deals they opened.
bool is_involved(const auth::Principal& viewer, const Deal& deal) {
  if (viewer.kind != auth::Principal::Kind::kUser) return false;
  if (viewer.organization_id) return has_party(deal, *viewer.organization_id);
  return deal.opened_by_user_id && *deal.opened_by_user_id == viewer.id;
}

}  // namespace

DealService::DealService(db::Pool& pool, catalog::OfferService& offers,
                         needs::NeedService& needs, const std::filesystem::path& document_dir)
    : pool_(pool), offers_(offers), needs_(needs), documents_(document_dir) {}

Deal DealService::visible_deal(db::Connection& connection, const auth::Principal& viewer,
                               std::int64_t id) {
  auto deal = find_deal(connection, id);
  if (!deal || !(sees_all_deals(viewer) || is_involved(viewer, *deal))) {
    throw NotFoundError(not_found(id));
  }
  return *deal;
}

Deal DealService::actionable_deal(db::Connection& connection, const auth::Principal& actor,
                                  std::int64_t id) {
  auto deal = visible_deal(connection, actor, id);
  if (!actor.is_reviewer() && !is_involved(actor, deal)) {
    throw ForbiddenError(
        "only the deal's parties, the user who opened it, staff and administrators can act on "
        "it; officers may read it");
  }
  return deal;
}

Deal DealService::open(const auth::Principal& actor, const nlohmann::json& body) {
  auto request = read_open_request(body);
  Deal deal;
  deal.origin = request.origin;
  deal.offer_id = request.offer_id;
  deal.need_id = request.need_id;
  deal.opened_by_user_id = actor_user_id(actor);

  // The offer and the need are read through their services, so a caller
  // cannot open a deal on a record it may not see.
  std::optional<catalog::Offer> offer;
  std::optional<needs::Need> need;
  if (request.offer_id) {
    try {
      offer = offers_.get(actor, *request.offer_id);
    } catch (const NotFoundError&) {
      reject_field("offer_id", fmt::format("no offer has id {}", *request.offer_id));
    }
  }
  if (request.need_id) {
    try {
      need = needs_.get(actor, *request.need_id);
    } catch (const NotFoundError&) {
      reject_field("need_id", fmt::format("no need has id {}", *request.need_id));
    }
  }

  std::vector<std::int64_t> notified_organizations;
  if (request.origin == "interest") {
    if (!offer && !need) {
      reject_field("offer_id",
                   "an expression of interest names offer_id, need_id or both (for a match)");
    }
    if (request.has_parties) {
      reject_field("parties",
                   "an expression of interest takes its parties from the offer, the need and "
                   "your organization; leave parties out");
    }
    if (actor.kind != auth::Principal::Kind::kUser || !actor.organization_id) {
      reject_field("origin",
                   "an expression of interest comes from a user of an organization; staff open "
                   "deals with origin \"staff\" or \"event\" and list the parties");
    }
    auto own = *actor.organization_id;
    if (offer && offer->status != "published") {
      reject_field("offer_id", fmt::format("offer {} is {}, not published; interest can be "
                                           "expressed only in published offers",
                                           offer->id, offer->status));
    }
    if (need && need->status != "published") {
      reject_field("need_id", fmt::format("need {} is {}, not published; interest can be "
                                          "expressed only in published needs",
                                          need->id, need->status));
    }
    if (offer && !offer->owner_organization_id) {
      reject_field("offer_id", fmt::format("offer {} has no owner organization to be the seller",
                                           offer->id));
    }
    if (need && !need->owner_organization_id) {
      reject_field("need_id",
                   fmt::format("need {} has no owner organization to be the buyer", need->id));
    }
    auto seller = offer ? *offer->owner_organization_id : own;
    auto buyer = need ? *need->owner_organization_id : own;
    if (seller == buyer) {
      reject_field(offer ? "offer_id" : "need_id",
                   offer && need
                       ? "the offer and the need belong to the same organization"
                       : "belongs to your own organization; express interest in another "
                         "organization's record");
    }
    if (offer && need && own != seller && own != buyer) {
      reject_field("origin",
                   "interest in a match comes from the offer's or the need's organization; an "
                   "intermediary opens the deal with origin \"intermediary\"");
    }
    deal.parties = {{"buyer", buyer, {}, {}}, {"seller", seller, {}, {}}};
    for (auto side : {buyer, seller}) {
      if (side != own) notified_organizations.push_back(side);
    }
    if (request.title) {
      deal.title = *request.title;
    } else if (offer) {
      deal.title = offer->title;
    } else {
      deal.title = need->title;
    }
  } else {
    if ((request.origin == "event" || request.origin == "staff") && !actor.is_reviewer()) {
      throw ForbiddenError(fmt::format(
          "only staff and administrators open deals with origin \"{}\"", request.origin));
    }
    if (!request.title) reject_field("title", "is missing; name the deal");
    deal.title = *request.title;
    deal.parties = request.parties;
  }

  {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    check_parties(*connection, deal.parties);

    if (request.origin == "intermediary" && !actor.is_reviewer()) {
      auto kind = actor.organization_id
                      ? organizations::find_organization_kind(*connection, *actor.organization_id)
                      : std::nullopt;
      if (!kind || *kind != "intermediary") {
        throw ForbiddenError(
            "only users of an intermediary organization, staff and administrators open deals "
            "with origin \"intermediary\"");
      }
      if (!has_party(deal, *actor.organization_id)) {
        deal.parties.push_back({"intermediary", *actor.organization_id, {}, {}});
      }
    }
    if (request.origin != "interest") {
      bool has_side = false;
      for (const auto& party : deal.parties) {
        has_side = has_side || party.role != "intermediary";
      }
      if (!has_side) {
        reject_field("parties", "names no buyer or seller; list at least one of them");
      }
    }

    deal.id = insert_deal(*connection, deal);
    insert_stage_change(*connection, deal.id,
                        {"contact", db::now_utc(), actor_user_id(actor), std::nullopt});
    if (request.message) {
      insert_message(*connection, {0, deal.id, actor_user_id(actor), *request.message, {}});
    }
    deal = *find_deal(*connection, deal.id);
    auth::record_audit(*connection, actor, "create", "deal", deal.id, nullptr, to_json(deal));
    for (auto organization : notified_organizations) {
      notify_interest(*connection, deal, organization, request.message);
    }
    transaction.commit();
  }
  spdlog::info("event=deal_opened deal_id={} origin={} by={}", deal.id, deal.origin,
               actor.describe());
  return deal;
}

Deal DealService::get(const auth::Principal& viewer, std::int64_t id) {
  auto connection = pool_.acquire();
  return visible_deal(*connection, viewer, id);
}

DealPage DealService::list(const auth::Principal& viewer, DealFilter filter) {
  if (!sees_all_deals(viewer)) {
    filter.involved_only = true;
    filter.viewer_user_id = actor_user_id(viewer);
    filter.viewer_organization_id =
        viewer.kind == auth::Principal::Kind::kUser ? viewer.organization_id : std::nullopt;
  }
  auto connection = pool_.acquire();
  return read_page<DealPage>(
      filter, [&](const DealFilter& one_more) { return list_deals(*connection, one_more); });
}

Deal DealService::change_stage(const auth::Principal& actor, std::int64_t id,
                               const nlohmann::json& body) {
  Deal deal;
  {
    auto connection = pool_.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
    auto stored = actionable_deal(*connection, actor, id);

    FieldReader reader(body);
    auto stage = reader.choice("stage", kStages);
    if (!stage && reader.errors().empty()) {
      reader.add_error("stage", fmt::format("is missing; from {} the deal may move to: {}",
                                            stored.stage,
                                            fmt::join(next_stages(stored.stage), ", ")));
    }
    auto note = reader.text("note", {.max_length = 2000, .multiline = true});
    auto reason = reader.text("abandon_reason", {.max_length = 2000, .multiline = true});
    auto certificate = reader.text("certificate_number", {.max_length = 100});
    reader.ignore("contract");
    const nlohmann::json* contract = nullptr;
    if (body.is_object() && body.contains("contract") && !body["contract"].is_null()) {
      contract = &body["contract"];
      if (!contract->is_object()) {
        reader.add_error("contract", "must be an object with the transaction's fields");
      }
    }
    if (stage == "abandoned" && !reason) {
      reader.add_error("abandon_reason", "is missing; say why the deal was abandoned");
    }
    if (stage && *stage != "abandoned" && reason) {
      reader.add_error("abandon_reason", "is allowed only with the stage \"abandoned\"");
    }
    if (stage == "registered" && !certificate) {
      reader.add_error("certificate_number",
                       "is missing; give the number of the registration certificate");
    }
    if (stage && *stage != "registered" && certificate) {
      reader.add_error("certificate_number", "is allowed only with the stage \"registered\"");
    }
    if (stage && *stage != "contract_signed" && contract) {
      reader.add_error("contract", "is allowed only with the stage \"contract_signed\"");
    }
    reader.reject_unknown_fields();
    reader.throw_if_errors();

    if (!is_allowed_move(stored.stage, *stage)) {
      auto allowed = next_stages(stored.stage);
      throw ConflictError(
          allowed.empty()
              ? fmt::format("deal {} is {}, a final stage; it cannot move to {}", id,
                            stored.stage, *stage)
              : fmt::format("deal {} is {} and may move only to: {}; not to {}", id,
                            stored.stage, fmt::join(allowed, ", "), *stage));
    }

    // The contract of a deal at these stages is in the ledger, which the
    // Department's staff keep, so only they may close the deal as abandoned.
    bool contract_in_ledger = stored.stage == "contract_signed" || stored.stage == "registered";
    if (*stage == "abandoned" && contract_in_ledger && !actor.is_reviewer()) {
      throw ForbiddenError(fmt::format(
          "deal {} has a signed contract in the ledger; ask the Department's staff to close it "
          "as abandoned, so that they can correct the ledger too",
          id));
    }

    deal = stored;
    deal.stage = *stage;
    if (reason) deal.abandon_reason = reason;
    if (certificate) deal.certificate_number = certificate;
    update_deal_stage(*connection, deal);
    insert_stage_change(*connection, id, {*stage, db::now_utc(), actor_user_id(actor), note});
    deal = *find_deal(*connection, id);
    auth::record_audit(*connection, actor, "stage_" + *stage, "deal", id, to_json(stored),
                       to_json(deal));

    if (*stage == "contract_signed" && contract_hook_) {
      static const nlohmann::json kNoContract = nlohmann::json::object();
      try {
        contract_hook_(*connection, actor, deal, contract ? *contract : kNoContract);
      } catch (const ValidationError& e) {
        std::vector<FieldError> errors;
        for (const auto& error : e.errors()) {
          errors.push_back({error.field.empty() ? "contract" : "contract." + error.field,
                            error.message});
        }
        throw ValidationError(std::move(errors));
      }
    }
    auto [stage_vi, stage_en] = stage_names(deal.stage);
    notify_parties(
        *connection, deal, actor,
        fmt::format("Giao dịch chuyển sang \"{}\": {} / Deal moved to \"{}\": {}", stage_vi,
                    deal.title, stage_en, deal.title),
        fmt::format("Giao dịch số {} đã chuyển sang giai đoạn \"{}\".\n"
                    "Deal {} moved to the stage \"{}\".\n\n"
                    "Tiêu đề / Title: {}\n"
                    "Xem / View: /deals/{}\n{}",
                    deal.id, stage_vi, deal.id, stage_en, deal.title, deal.id,
                    note ? fmt::format("\nGhi chú / Note:\n{}\n", *note) : ""));
    transaction.commit();
  }
  spdlog::info("event=deal_stage deal_id={} stage={} by={}", id, deal.stage, actor.describe());
  return deal;
}

}  // namespace techmarket::deals
