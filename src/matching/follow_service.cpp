#include "matching/follow_service.h"

#include <fmt/format.h>

#include "common/errors.h"
#include "common/field_reader.h"

namespace techmarket::matching {
namespace {

std::int64_t user_of(const auth::Principal& actor) {
  if (actor.kind != auth::Principal::Kind::kUser) {
    throw ForbiddenError("follows and the inbox belong to signed-in users; API tokens have none");
  }
  return actor.id;
}

}  // namespace

// The followed record's id is "record_id", because "id" is the follow's own.
nlohmann::json to_json(const Follow& follow) {
  return {{"id", follow.id},
          {"target", follow.target},
          {"record_id", follow.record_id ? nlohmann::json(*follow.record_id) : nullptr},
          {"query", follow.query ? nlohmann::json(*follow.query) : nullptr},
          {"created_at", follow.created_at}};
}

nlohmann::json to_json(const InboxItem& item) {
  auto optional_id = [](const std::optional<std::int64_t>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
  };
  return {{"id", item.id},
          {"kind", item.kind},
          {"need_id", optional_id(item.need_id)},
          {"offer_id", optional_id(item.offer_id)},
          {"title_vi", item.title_vi},
          {"title_en", item.title_en},
          {"read", item.read},
          {"created_at", item.created_at}};
}

Follow FollowService::follow(const auth::Principal& actor, const nlohmann::json& body,
                             bool& created) {
  auto user_id = user_of(actor);
  FieldReader reader(body);
  Follow follow;
  follow.user_id = user_id;
  auto target = reader.choice("target", kFollowTargets);
  if (!target && reader.errors().empty()) {
    reader.add_error("target", "missing; send \"need\", \"offer\" or \"search\"");
  }
  follow.target = target.value_or("");
  follow.record_id = reader.integer("id", 1, INT64_MAX);
  follow.query = reader.text("query", {kMaxSavedQueryLength, false});
  reader.reject_unknown_fields();
  if (follow.target == "search") {
    if (!follow.query) reader.add_error("query", "missing; a saved search needs the query text");
    if (follow.record_id) reader.add_error("id", "not allowed for a saved search; send query only");
  } else if (!follow.target.empty()) {
    if (!follow.record_id) {
      reader.add_error("id", fmt::format("missing; send the id of the {} to follow", follow.target));
    }
    if (follow.query) {
      reader.add_error("query", "allowed only with target \"search\"; send id for a record");
    }
  }
  reader.throw_if_errors();

  // Throws NotFoundError for a record that the user may not see.
  if (follow.target == "need") needs_.get(actor, *follow.record_id);
  if (follow.target == "offer") offers_.get(actor, *follow.record_id);

  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  follow.created_at = db::now_utc();
  auto before = list_user_follows(*connection, user_id).size();
  follow.id = insert_follow(*connection, follow);
  created = list_user_follows(*connection, user_id).size() > before;
  auto stored = find_follow(*connection, follow.id);
  transaction.commit();
  return *stored;
}

std::vector<Follow> FollowService::list(const auth::Principal& actor) {
  auto user_id = user_of(actor);
  auto connection = pool_.acquire();
  return list_user_follows(*connection, user_id);
}

void FollowService::unfollow(const auth::Principal& actor, std::int64_t id) {
  auto user_id = user_of(actor);
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto follow = find_follow(*connection, id);
  if (!follow || follow->user_id != user_id) {
    throw NotFoundError(fmt::format("you follow nothing with id {}", id));
  }
  delete_follow(*connection, id);
  transaction.commit();
}

InboxPage FollowService::inbox(const auth::Principal& actor, std::int64_t after_id,
                               std::size_t limit) {
  auto user_id = user_of(actor);
  auto connection = pool_.acquire();
  InboxPage page;
  page.items = list_inbox(*connection, user_id, after_id, limit + 1);
  if (page.items.size() > limit) {
    page.items.resize(limit);
    page.next_after_id = page.items.back().id;
  }
  return page;
}

InboxItem FollowService::mark_read(const auth::Principal& actor, std::int64_t id) {
  auto user_id = user_of(actor);
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto item = find_inbox_item(*connection, id);
  if (!item || item->user_id != user_id) {
    throw NotFoundError(fmt::format("your inbox has no item with id {}", id));
  }
  mark_inbox_item_read(*connection, id);
  item->read = true;
  transaction.commit();
  return *item;
}

}  // namespace techmarket::matching
