#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "catalog/offer_service.h"
#include "db/migrations.h"
#include "search/outbox.h"
#include "support/temp_dir.h"

namespace techmarket::search {
namespace {

const nlohmann::json kOffer = {{"external_id", "replay-1"},
                               {"kind", "technology"},
                               {"title", "Công nghệ sấy lạnh thanh long"},
                               {"summary", "Sấy lạnh giữ màu và vitamin của thanh long."},
                               {"status", "published"}};

struct Stack {
  explicit Stack(const std::filesystem::path& dir)
      : pool(dir / "techmarket.db", 2), index(dir / "index"), indexer(pool, index) {
    auto connection = pool.acquire();
    db::migrate(*connection);
    indexer.add_source("offer", {"offers", catalog::offer_search_document});
  }
  db::Pool pool;
  SearchIndex index;
  Indexer indexer;
};

SearchResult find(const SearchIndex& index, const std::string& text) {
  SearchQuery query;
  query.text = text;
  return index.search(query);
}

TEST(OutboxReplay, IndexesRecordCommittedBeforeProcessWasKilled) {
  testing::TempDir dir;

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Stack stack(dir.path());
    // Dies after the database commit and before the index is touched.
    stack.indexer.before_apply_for_testing = [] { raise(SIGKILL); };
    catalog::OfferService offers(stack.pool, stack.indexer);
    offers.create(auth::Principal::system(), kOffer);
    _exit(0);  // not reached when the hook runs
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child was expected to be killed";
  ASSERT_EQ(WTERMSIG(status), SIGKILL);

  Stack stack(dir.path());
  EXPECT_EQ(stack.indexer.pending(), 1u);
  EXPECT_EQ(find(stack.index, "thanh long").total, 0u);

  EXPECT_EQ(stack.indexer.drain(), 1u);
  EXPECT_EQ(stack.indexer.pending(), 0u);
  auto result = find(stack.index, "say lanh thanh long");
  ASSERT_EQ(result.total, 1u);
  EXPECT_EQ(result.items[0].title, "Công nghệ sấy lạnh thanh long");
}

TEST(OutboxReplay, ReplayingTwiceKeepsOneDocument) {
  testing::TempDir dir;
  Stack stack(dir.path());
  catalog::OfferService offers(stack.pool, stack.indexer);
  auto offer = offers.create(auth::Principal::system(), kOffer);

  {
    auto connection = stack.pool.acquire();
    enqueue(*connection, "offer", offer.id);
    enqueue(*connection, "offer", offer.id);
  }
  stack.indexer.drain();
  EXPECT_EQ(find(stack.index, "thanh long").total, 1u);
  EXPECT_EQ(stack.index.document_count(), 1u);
}

TEST(OutboxReplay, ReindexRebuildsFromDatabase) {
  testing::TempDir dir;
  Stack stack(dir.path());
  catalog::OfferService offers(stack.pool, stack.indexer);
  offers.create(auth::Principal::system(), kOffer);

  stack.index.clear();
  stack.index.commit();
  ASSERT_EQ(find(stack.index, "thanh long").total, 0u);

  EXPECT_EQ(stack.indexer.reindex(), 1u);
  EXPECT_EQ(find(stack.index, "thanh long").total, 1u);
}

TEST(OutboxReplay, ArchivedOfferLeavesIndex) {
  testing::TempDir dir;
  Stack stack(dir.path());
  catalog::OfferService offers(stack.pool, stack.indexer);
  auto offer = offers.create(auth::Principal::system(), kOffer);
  ASSERT_EQ(find(stack.index, "thanh long").total, 1u);

  offers.transition(auth::Principal::system(), offer.id, ReviewAction::kArchive);
  EXPECT_EQ(find(stack.index, "thanh long").total, 0u);
  EXPECT_EQ(stack.index.document_count(), 0u);
}

}  // namespace
}  // namespace techmarket::search
