#include <gtest/gtest.h>

#include <set>

#include "needs/need_fixture.h"

namespace techmarket::needs {
namespace {

class NeedServiceTest : public NeedFixture {};

// Returns how many published needs match `text`.
std::size_t count_found(const search::SearchIndex& index, const std::string& text) {
  search::SearchQuery query;
  query.text = text;
  query.record_type = "need";
  return index.search(query).total;
}

TEST_F(NeedServiceTest, CreatesAndGetsNeed) {
  auto created = service_.create(kSystem, solar_need());
  EXPECT_GT(created.id, 0);
  EXPECT_FALSE(created.created_at.empty());

  auto read = service_.get(kSystem, created.id);
  EXPECT_EQ(read.title, "Hệ thống năng lượng mặt trời cho trang trại");
  EXPECT_EQ(read.problem, "Trang trại bò sữa tốn nhiều tiền điện.\nCần giảm chi phí vào mùa khô.");
  EXPECT_EQ(read.industry_version, "2025");
  EXPECT_EQ(read.budget_min_vnd, 500'000'000);
  EXPECT_EQ(read.budget_max_vnd, 1'500'000'000);
  EXPECT_EQ(read.deadline, "2026-12-31");
  EXPECT_EQ(read.commune_code, "25459");
  EXPECT_EQ(read.owner_organization_id, owner_id_);
  EXPECT_EQ(read.keywords, (std::vector<std::string>{"điện mặt trời", "trang trại"}));
  EXPECT_EQ(read.status, "published");
}

TEST_F(NeedServiceTest, UpdateAppliesMergePatch) {
  auto id = service_.create(kSystem, solar_need()).id;
  auto updated =
      service_.update(kSystem, id, {{"budget_max_vnd", 2'000'000'000}, {"deadline", nullptr}});
  EXPECT_EQ(updated.budget_max_vnd, 2'000'000'000);
  EXPECT_FALSE(updated.deadline.has_value());
  EXPECT_EQ(updated.budget_min_vnd, 500'000'000);
  EXPECT_EQ(service_.get(kSystem, id).budget_max_vnd, 2'000'000'000);
}

TEST_F(NeedServiceTest, UpdateRejectsBudgetBelowStoredMinimum) {
  auto id = service_.create(kSystem, solar_need()).id;
  try {
    service_.update(kSystem, id, {{"budget_max_vnd", 100'000'000}});
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].field, "budget_max_vnd");
  }
  EXPECT_EQ(service_.get(kSystem, id).budget_max_vnd, 1'500'000'000);
}

TEST_F(NeedServiceTest, MissingIdThrowsNotFound) {
  EXPECT_THROW(service_.get(kSystem, 404), NotFoundError);
  EXPECT_THROW(service_.update(kSystem, 404, {{"title", "Khác"}}), NotFoundError);
  EXPECT_THROW(service_.transition(kSystem, 404, ReviewAction::kArchive), NotFoundError);
}

TEST_F(NeedServiceTest, CreateRejectsDuplicateExternalId) {
  auto body = solar_need();
  body["external_id"] = "nhu-cau-1";
  service_.create(kSystem, body);
  EXPECT_THROW(service_.create(kSystem, body), ConflictError);
}

TEST_F(NeedServiceTest, ArchiveHidesFromDefaultListAndSearch) {
  auto id = service_.create(kSystem, solar_need()).id;
  ASSERT_EQ(count_found(index_, "trang trai"), 1u);

  auto archived = service_.transition(kSystem, id, ReviewAction::kArchive);
  EXPECT_EQ(archived.status, "archived");
  EXPECT_TRUE(service_.list(kSystem, NeedFilter{}).items.empty());
  NeedFilter archived_only;
  archived_only.status = "archived";
  EXPECT_EQ(service_.list(kSystem, archived_only).items.size(), 1u);
  EXPECT_EQ(count_found(index_, "trang trai"), 0u);
}

TEST_F(NeedServiceTest, UpsertMatchesByExternalId) {
  auto body = solar_need();
  body["external_id"] = "import-1";
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);

  Need first;
  ASSERT_TRUE(validate_need(*connection, body, first).empty());
  EXPECT_EQ(upsert_need(*connection, first), SaveOutcome::kCreated);
  Need same;
  ASSERT_TRUE(validate_need(*connection, body, same).empty());
  EXPECT_EQ(upsert_need(*connection, same), SaveOutcome::kUnchanged);
  EXPECT_EQ(same.id, first.id);
  body["status"] = "closed";
  Need closed;
  ASSERT_TRUE(validate_need(*connection, body, closed).empty());
  EXPECT_EQ(upsert_need(*connection, closed), SaveOutcome::kUpdated);
  EXPECT_EQ(closed.id, first.id);

  // The unchanged save must not queue an index update.
  auto outbox =
      connection->prepare("SELECT count(*) FROM search_outbox WHERE record_type = 'need'");
  ASSERT_TRUE(outbox.step());
  EXPECT_EQ(outbox.column_int64(0), 2) << "one row for the insert, one for the update";
}

TEST_F(NeedServiceTest, PagesTwentyFiveRecordsInThreePages) {
  std::vector<std::int64_t> created;
  for (int i = 0; i < 25; ++i) {
    auto body = solar_need();
    body["title"] = "Nhu cầu số " + std::to_string(i);
    created.push_back(service_.create(kSystem, body).id);
  }

  std::vector<std::int64_t> seen;
  std::vector<std::size_t> page_sizes;
  NeedFilter filter;
  filter.limit = 10;
  while (true) {
    auto page = service_.list(kSystem, filter);
    page_sizes.push_back(page.items.size());
    for (const auto& need : page.items) seen.push_back(need.id);
    if (!page.next_after_id || page_sizes.size() > 5) break;
    filter.after_id = *page.next_after_id;
  }

  EXPECT_EQ(page_sizes, (std::vector<std::size_t>{10, 10, 5}));
  EXPECT_EQ(seen, created) << "every record once, in id order";
  EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), 25u);
}

TEST_F(NeedServiceTest, ListFiltersBySectorOwnerAndPlace) {
  service_.create(kSystem, solar_need());
  service_.create(kSystem, {{"title", "Giống lúa chịu mặn"},
                            {"problem", "Đất nhiễm mặn."},
                            {"st_field", "4"},
                            {"industry_section", "A"}});

  NeedFilter by_field;
  by_field.st_field = "2";
  EXPECT_EQ(service_.list(kSystem, by_field).items.size(), 1u);
  NeedFilter by_section;
  by_section.industry_section = "A";
  EXPECT_EQ(service_.list(kSystem, by_section).items.size(), 2u);
  NeedFilter by_owner;
  by_owner.owner_organization_id = owner_id_;
  EXPECT_EQ(service_.list(kSystem, by_owner).items.size(), 1u);
  NeedFilter by_province;
  by_province.province_code = "80";
  EXPECT_EQ(service_.list(kSystem, by_province).items.size(), 1u);
  NeedFilter drafts;
  drafts.status = "draft";
  EXPECT_EQ(service_.list(kSystem, drafts).items.size(), 1u);
}

TEST_F(NeedServiceTest, SearchFindsPublishedNeedWithoutDiacritics) {
  auto id = service_.create(kSystem, solar_need()).id;
  search::SearchQuery query;
  query.text = "nang luong mat troi";
  query.record_type = "need";
  auto result = index_.search(query);
  ASSERT_EQ(result.items.size(), 1u);
  EXPECT_EQ(result.items[0].id, id);
  EXPECT_EQ(result.items[0].record_type, "need");
  EXPECT_EQ(result.items[0].kind, "");
  EXPECT_EQ(result.items[0].title, "Hệ thống năng lượng mặt trời cho trang trại");
  query.record_type = "offer";
  EXPECT_EQ(index_.search(query).total, 0u);
}

TEST_F(NeedServiceTest, SearchFindsNeedByIpcCode) {
  auto body = solar_need();
  body["ipc_codes"] = {"H02S", "F24S 20/00"};
  service_.create(kSystem, body);
  EXPECT_EQ(count_found(index_, "H02S"), 1u);
  EXPECT_EQ(count_found(index_, "f24s"), 1u);
  EXPECT_EQ(count_found(index_, "A23B"), 0u);
}

TEST_F(NeedServiceTest, StoresTrlMinAndIpcCodes) {
  auto body = solar_need();
  body["trl_min"] = 7;
  body["ipc_codes"] = {"H02S"};
  auto id = service_.create(kSystem, body).id;

  auto stored = service_.get(kSystem, id);
  EXPECT_EQ(stored.trl_min, 7);
  EXPECT_EQ(stored.ipc_codes, std::vector<std::string>{"H02S"});

  auto cleared =
      service_.update(kSystem, id, {{"trl_min", nullptr}, {"ipc_codes", nlohmann::json::array()}});
  EXPECT_FALSE(cleared.trl_min.has_value());
  EXPECT_TRUE(cleared.ipc_codes.empty());
}

TEST_F(NeedServiceTest, SearchFindsKeywordsAndProblemText) {
  service_.create(kSystem, solar_need());
  EXPECT_EQ(count_found(index_, "dien mat troi"), 1u);
  EXPECT_EQ(count_found(index_, "bò sữa"), 1u);
  EXPECT_EQ(count_found(index_, "ap mai"), 1u);
}

TEST_F(NeedServiceTest, SearchSkipsDrafts) {
  auto draft = solar_need();
  draft["status"] = "draft";
  auto id = service_.create(kSystem, draft).id;
  EXPECT_EQ(count_found(index_, "nang luong mat troi"), 0u);

  service_.update(kSystem, id, {{"status", "published"}});
  EXPECT_EQ(count_found(index_, "nang luong mat troi"), 1u);
}

TEST(NeedSearchDocument, WeighsTitleKeywordsAndTexts) {
  techmarket::testing::TempDir dir;
  db::Connection connection(dir.path() / "test.db");
  db::migrate(connection);
  connection.execute(
      "INSERT INTO needs (id, title, problem, desired_result, keywords, status, created_at, "
      "updated_at) VALUES (3, 'Máy sấy', 'Sấy chậm', 'Sấy nhanh', '[\"sấy\"]', 'closed', "
      "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), (4, 'Cũ', 'Cũ', NULL, '[]', 'archived', "
      "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");

  auto document = need_search_document(connection, 3);
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->record_type, "need");
  EXPECT_EQ(document->id, 3);
  EXPECT_EQ(document->kind, "");
  EXPECT_EQ(document->status, "closed");
  using Texts = std::vector<std::pair<std::string, unsigned>>;
  EXPECT_EQ(document->texts,
            (Texts{{"Máy sấy", 4}, {"sấy", 3}, {"Sấy chậm", 2}, {"Sấy nhanh", 1}}));
  EXPECT_EQ(document->summary, "Sấy chậm");
  EXPECT_EQ(document->keywords, std::vector<std::string>{"sấy"});
  EXPECT_EQ(document->date, "2026-01-01");

  EXPECT_FALSE(need_search_document(connection, 4).has_value()) << "archived";
  EXPECT_FALSE(need_search_document(connection, 5).has_value()) << "missing";
}

}  // namespace
}  // namespace techmarket::needs
