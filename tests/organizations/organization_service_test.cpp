#include "organizations/organization_service.h"

#include <gtest/gtest.h>

#include <set>

#include "db/migrations.h"
#include "organizations/places_fixture.h"
#include "support/temp_dir.h"

namespace techmarket::organizations {
namespace {

const nlohmann::json kEnterprise = {
    {"kind", "enterprise"},     {"name", "Công ty Cổ phần Cơ khí Tây Ninh"},
    {"tax_code", "3900123456"}, {"website", "https://cokhi-tayninh.vn"},
    {"province_code", "80"},    {"commune_code", "25459"}};

class OrganizationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connection = pool_.acquire();
    db::migrate(*connection);
    testing::insert_tay_ninh_places(*connection);
  }

  testing::TempDir dir_;
  db::Pool pool_{dir_.path() / "test.db", 2};
  OrganizationService service_{pool_};
};

TEST_F(OrganizationServiceTest, CreatesAndGetsOrganization) {
  auto created = service_.create(auth::Principal::system(), kEnterprise);
  EXPECT_GT(created.id, 0);
  EXPECT_FALSE(created.created_at.empty());
  EXPECT_EQ(created.created_at, created.updated_at);

  auto read = service_.get(created.id);
  EXPECT_EQ(read.name, "Công ty Cổ phần Cơ khí Tây Ninh");
  EXPECT_EQ(read.kind, "enterprise");
  EXPECT_EQ(read.tax_code, "3900123456");
  EXPECT_EQ(read.country_code, "VN");
  EXPECT_EQ(read.province_code, "80");
  EXPECT_EQ(read.commune_code, "25459");
  EXPECT_EQ(read.status, "active");
}

TEST_F(OrganizationServiceTest, UpdateAppliesMergePatch) {
  auto id = service_.create(auth::Principal::system(), kEnterprise).id;
  auto updated = service_.update(auth::Principal::system(), id,
                                 {{"phone", "0276 3822 123"}, {"website", nullptr}});
  EXPECT_EQ(updated.phone, "0276 3822 123");
  EXPECT_FALSE(updated.website.has_value());
  EXPECT_EQ(updated.name, "Công ty Cổ phần Cơ khí Tây Ninh");
  EXPECT_EQ(service_.get(id).phone, "0276 3822 123");
}

TEST_F(OrganizationServiceTest, UpdateRejectsInvalidPatchAndKeepsRecord) {
  auto id = service_.create(auth::Principal::system(), kEnterprise).id;
  EXPECT_THROW(service_.update(auth::Principal::system(), id, {{"commune_code", "25747"}}),
               ValidationError);
  EXPECT_THROW(service_.update(auth::Principal::system(), id, nlohmann::json::array()),
               ValidationError);
  EXPECT_EQ(service_.get(id).commune_code, "25459");
}

TEST_F(OrganizationServiceTest, MissingIdThrowsNotFound) {
  EXPECT_THROW(service_.get(404), NotFoundError);
  EXPECT_THROW(service_.update(auth::Principal::system(), 404, {{"name", "Khác"}}), NotFoundError);
  EXPECT_THROW(service_.archive(auth::Principal::system(), 404), NotFoundError);
}

TEST_F(OrganizationServiceTest, CreateRejectsDuplicateExternalId) {
  auto body = kEnterprise;
  body["external_id"] = "dn-39";
  service_.create(auth::Principal::system(), body);
  EXPECT_THROW(service_.create(auth::Principal::system(), body), ConflictError);
}

TEST_F(OrganizationServiceTest, UpdateRejectsExternalIdOfAnother) {
  auto first = kEnterprise;
  first["external_id"] = "dn-1";
  auto second = kEnterprise;
  second["external_id"] = "dn-2";
  service_.create(auth::Principal::system(), first);
  auto id = service_.create(auth::Principal::system(), second).id;
  EXPECT_THROW(service_.update(auth::Principal::system(), id, {{"external_id", "dn-1"}}),
               ConflictError);
  EXPECT_EQ(service_.get(id).external_id, "dn-2");
}

TEST_F(OrganizationServiceTest, ArchiveHidesFromDefaultList) {
  auto id = service_.create(auth::Principal::system(), kEnterprise).id;
  auto archived = service_.archive(auth::Principal::system(), id);
  EXPECT_EQ(archived.status, "archived");
  EXPECT_TRUE(service_.list({}).items.empty());
  OrganizationFilter archived_only;
  archived_only.status = "archived";
  EXPECT_EQ(service_.list(archived_only).items.size(), 1u);
}

TEST_F(OrganizationServiceTest, UpsertMatchesByExternalId) {
  auto connection = pool_.acquire();
  db::Transaction transaction(*connection, db::Transaction::Mode::kWrite);
  auto body = kEnterprise;
  body["external_id"] = "dn-import-1";

  Organization first;
  ASSERT_TRUE(validate_organization(*connection, body, first).empty());
  EXPECT_EQ(upsert_organization(*connection, first), SaveOutcome::kCreated);

  Organization same;
  ASSERT_TRUE(validate_organization(*connection, body, same).empty());
  EXPECT_EQ(upsert_organization(*connection, same), SaveOutcome::kUnchanged);
  EXPECT_EQ(same.id, first.id);

  body["name"] = "Công ty Cổ phần Cơ khí Tây Ninh mới";
  Organization renamed;
  ASSERT_TRUE(validate_organization(*connection, body, renamed).empty());
  EXPECT_EQ(upsert_organization(*connection, renamed), SaveOutcome::kUpdated);
  EXPECT_EQ(renamed.id, first.id);
  EXPECT_EQ(find_organization(*connection, first.id)->name, "Công ty Cổ phần Cơ khí Tây Ninh mới");
}

TEST_F(OrganizationServiceTest, PagesTwentyFiveRecordsInThreePages) {
  std::vector<std::int64_t> created;
  for (int i = 0; i < 25; ++i) {
    auto body = kEnterprise;
    body["name"] = "Doanh nghiệp số " + std::to_string(i);
    created.push_back(service_.create(auth::Principal::system(), body).id);
  }

  std::vector<std::int64_t> seen;
  OrganizationFilter filter;
  filter.limit = 10;
  std::vector<std::size_t> page_sizes;
  while (true) {
    auto page = service_.list(filter);
    page_sizes.push_back(page.items.size());
    for (const auto& organization : page.items) seen.push_back(organization.id);
    if (!page.next_after_id || page_sizes.size() > 5) break;
    filter.after_id = *page.next_after_id;
  }

  EXPECT_EQ(page_sizes, (std::vector<std::size_t>{10, 10, 5}));
  EXPECT_EQ(seen, created) << "every record once, in id order";
  EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), 25u);
}

TEST_F(OrganizationServiceTest, ListFiltersByKindAndProvince) {
  service_.create(auth::Principal::system(), kEnterprise);
  service_.create(auth::Principal::system(),
                  {{"kind", "research_institute"}, {"name", "Viện Nghiên cứu"}});
  auto university = service_.create(auth::Principal::system(),
                                    {{"kind", "university"}, {"name", "Trường Đại học"}});

  OrganizationFilter filter;
  EXPECT_EQ(service_.list(filter).items.size(), 3u);
  filter.kind = "enterprise";
  EXPECT_EQ(service_.list(filter).items.size(), 1u);
  filter.kind = "university";
  auto universities = service_.list(filter).items;
  ASSERT_EQ(universities.size(), 1u);
  EXPECT_EQ(universities[0].id, university.id);
  filter.province_code = "80";
  EXPECT_TRUE(service_.list(filter).items.empty());
  filter.kind.reset();
  EXPECT_EQ(service_.list(filter).items.size(), 1u);
}

}  // namespace
}  // namespace techmarket::organizations
