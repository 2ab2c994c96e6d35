// The rules for organizations: validation against the administrative map,
// saving, and listing. Organizations are not in the search index.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "auth/principal.h"
#include "common/errors.h"
#include "common/save_outcome.h"
#include "db/sqlite.h"
#include "organizations/organization.h"
#include "organizations/organization_store.h"

namespace techmarket::organizations {

struct OrganizationPage {
  std::vector<Organization> items;
  std::optional<std::int64_t> next_after_id;  // set when more organizations follow
};

// Reads and validates one whole organization from `body`, including the checks
// that need the database. The province and commune must exist in edition
// "2025", and the old province, district and commune in edition "2021". Each
// commune or district must lie in the province given with it, and the old
// commune in the old district. Returns the errors instead of throwing, so an
// importer can collect them for every row.
std::vector<FieldError> validate_organization(db::Connection& connection,
                                              const nlohmann::json& body,
                                              Organization& organization);

// Inserts `organization`, or updates the stored organization with the same id
// or external_id, inside the caller's write transaction, with the audit entry
// of `actor`.
SaveOutcome upsert_organization(db::Connection& connection, Organization& organization,
                                const auth::Principal& actor = auth::Principal::system());

class OrganizationService {
 public:
  explicit OrganizationService(db::Pool& pool) : pool_(pool) {}

  // Each method throws ValidationError, NotFoundError, ForbiddenError or
  // ConflictError for expected failures and changes nothing then.
  // Organizations are public records; staff and administrators create and
  // archive them, and officers and members edit their own.
  Organization create(const auth::Principal& actor, const nlohmann::json& body);
  // Applies the fields present in `patch` (null clears a field) to the organization.
  Organization update(const auth::Principal& actor, std::int64_t id, const nlohmann::json& patch);
  Organization get(std::int64_t id);
  Organization archive(const auth::Principal& actor, std::int64_t id);
  OrganizationPage list(const OrganizationFilter& filter);

 private:
  Organization save(const auth::Principal& actor, std::optional<std::int64_t> id,
                    const nlohmann::json& body);

  db::Pool& pool_;
};

}  // namespace techmarket::organizations
