// A fresh database, search index and NeedService in a temporary directory,
// with the Tây Ninh places and one owner organization stored.
#pragma once

#include <gtest/gtest.h>

#include "auth/principal.h"
#include "db/migrations.h"
#include "needs/need_service.h"
#include "organizations/organization_service.h"
#include "organizations/places_fixture.h"
#include "search/index.h"
#include "search/outbox.h"
#include "support/temp_dir.h"

namespace techmarket::needs {

class NeedFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      auto connection = pool_.acquire();
      db::migrate(*connection);
      testing::insert_tay_ninh_places(*connection);
    }
    indexer_.add_source("need", {"needs", need_search_document});
    organizations::OrganizationService organizations(pool_);
    owner_id_ = organizations
                    .create(kSystem, {{"kind", "enterprise"},
                                      {"name", "Công ty TNHH Trang trại Xanh"},
                                      {"province_code", "80"}})
                    .id;
  }

  // A published need owned by the fixture's organization.
  nlohmann::json solar_need() const {
    return {{"title", "Hệ thống năng lượng mặt trời cho trang trại"},
            {"problem", "Trang trại bò sữa tốn nhiều tiền điện.\nCần giảm chi phí vào mùa khô."},
            {"desired_result", "Hệ thống điện mặt trời áp mái 100 kWp."},
            {"st_field", "2"},
            {"industry_section", "A"},
            {"budget_min_vnd", 500'000'000},
            {"budget_max_vnd", 1'500'000'000},
            {"deadline", "2026-12-31"},
            {"province_code", "80"},
            {"commune_code", "25459"},
            {"owner_organization_id", owner_id_},
            {"keywords", {"điện mặt trời", "trang trại"}},
            {"status", "published"}};
  }

  techmarket::testing::TempDir dir_;
  db::Pool pool_{dir_.path() / "test.db", 2};
  search::SearchIndex index_{dir_.path() / "index"};
  search::Indexer indexer_{pool_, index_};
  NeedService service_{pool_, indexer_};
  std::int64_t owner_id_ = 0;
  const auth::Principal kSystem = auth::Principal::system();
};

}  // namespace techmarket::needs
