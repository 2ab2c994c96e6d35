// Routes of reference data, all GET with JSON replies:
//   /api/v1/provinces?edition=2025|2021          provinces of an edition (default 2025) by code
//   /api/v1/provinces/{code}?edition=            one province
//   /api/v1/provinces/{code}/communes?edition=   every commune of a province, with the total
//   /api/v1/communes/{code}?edition=             one commune with its links to the other edition
//   /api/v1/ipc?parent=A01                       IPC entries one level below parent, or sections
//   /api/v1/ipc/{code}                           one IPC section, class or subclass
//   /api/v1/st-fields                            the tree of S&T fields
//   /api/v1/industry-sections?version=2025|2018  VSIC sections of a version (default 2025)
//   /api/v1/trl-levels                           the technology readiness scale 1 to 9
#include "reference/routes.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <string_view>

#include "common/errors.h"
#include "http/params.h"
#include "reference/lookup.h"
#include "reference/store.h"

namespace techmarket::reference {
namespace {

constexpr std::array<std::string_view, 2> kEditions = {"2025", "2021"};
constexpr std::array<std::string_view, 2> kIndustryVersions = {"2025", "2018"};

// Returns the edition query parameter, or 2025 when it is absent. Other values throw
// BadRequestError.
std::string edition_param(const http::Request& request) {
  return http::query_choice(request, "edition", kEditions).value_or(kCurrentEdition);
}

// Returns the value, or JSON null when it is absent.
nlohmann::json optional_json(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const Province& province) {
  return {{"code", province.code},
          {"name", province.name},
          {"name_en", optional_json(province.name_en)},
          {"full_name", province.full_name},
          {"full_name_en", optional_json(province.full_name_en)},
          {"edition", province.edition}};
}

nlohmann::json to_json(const Commune& commune) {
  return {{"code", commune.code},
          {"name", commune.name},
          {"name_en", optional_json(commune.name_en)},
          {"full_name", commune.full_name},
          {"full_name_en", optional_json(commune.full_name_en)},
          {"province_code", commune.province_code},
          {"district_code", optional_json(commune.district_code)},
          {"edition", commune.edition}};
}

nlohmann::json to_json(const std::vector<LinkedCommune>& communes) {
  auto items = nlohmann::json::array();
  for (const auto& commune : communes) {
    items.push_back({{"code", commune.code},
                     {"full_name", optional_json(commune.full_name)},
                     {"merge_type", commune.merge_type}});
  }
  return items;
}

nlohmann::json to_json(const IpcEntry& entry) {
  return {{"code", entry.code}, {"level", entry.level}, {"title_en", entry.title_en}};
}

nlohmann::json to_json(const std::vector<IpcEntry>& entries) {
  auto items = nlohmann::json::array();
  for (const auto& entry : entries) items.push_back(to_json(entry));
  return items;
}

// Builds the children of `parent` ("" for the roots) from fields grouped by parent code.
nlohmann::json st_field_tree(const std::map<std::string, std::vector<const StField*>>& by_parent,
                             const std::string& parent) {
  auto nodes = nlohmann::json::array();
  auto children = by_parent.find(parent);
  if (children == by_parent.end()) return nodes;
  for (const auto* field : children->second) {
    nodes.push_back({{"code", field->code},
                     {"parent_code", optional_json(field->parent_code)},
                     {"name_vi", optional_json(field->name_vi)},
                     {"name_en", field->name_en},
                     {"scheme", field->scheme},
                     {"children", st_field_tree(by_parent, field->code)}});
  }
  return nodes;
}

// Returns the IPC level one below `level`, or "" below a subclass.
std::string child_ipc_level(const std::string& level) {
  if (level == "section") return "class";
  if (level == "class") return "subclass";
  return "";
}

// Returns `code` in upper case, as IPC symbols are written.
std::string ipc_symbol(std::string code) {
  for (auto& character : code) {
    if (character >= 'a' && character <= 'z') character = static_cast<char>(character - 'a' + 'A');
  }
  return code;
}

http::Response items_response(nlohmann::json items) {
  return http::json_response(200, {{"items", std::move(items)}});
}

void add_admin_unit_routes(http::Router& router, db::Pool& pool) {
  router.add("GET", "/api/v1/provinces", [&pool](http::Request& request) {
    auto edition = edition_param(request);
    auto connection = pool.acquire();
    auto items = nlohmann::json::array();
    for (const auto& province : list_provinces(*connection, edition)) {
      items.push_back(to_json(province));
    }
    return items_response(std::move(items));
  });

  router.add("GET", "/api/v1/provinces/{code}", [&pool](http::Request& request) {
    auto edition = edition_param(request);
    const auto& code = request.path_params.at("code");
    auto connection = pool.acquire();
    auto province = find_province(*connection, edition, code);
    if (!province) {
      throw NotFoundError(fmt::format("province {} not found in the {} edition", code, edition));
    }
    return http::json_response(200, to_json(*province));
  });

  router.add("GET", "/api/v1/provinces/{code}/communes", [&pool](http::Request& request) {
    auto edition = edition_param(request);
    const auto& code = request.path_params.at("code");
    auto connection = pool.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kRead);
    if (!province_exists(*connection, edition, code)) {
      throw NotFoundError(fmt::format("province {} not found in the {} edition", code, edition));
    }
    auto items = nlohmann::json::array();
    for (const auto& commune : list_communes(*connection, edition, code)) {
      items.push_back(to_json(commune));
    }
    auto total = items.size();
    return http::json_response(200, {{"items", std::move(items)}, {"total", total}});
  });

  router.add("GET", "/api/v1/communes/{code}", [&pool](http::Request& request) {
    auto edition = edition_param(request);
    const auto& code = request.path_params.at("code");
    auto connection = pool.acquire();
    db::Transaction transaction(*connection, db::Transaction::Mode::kRead);
    auto commune = find_commune(*connection, edition, code);
    if (!commune) {
      throw NotFoundError(fmt::format("commune {} not found in the {} edition", code, edition));
    }
    auto body = to_json(*commune);
    if (edition == kCurrentEdition) {
      body["former_communes"] = to_json(list_former_communes(*connection, code));
    } else {
      body["current_communes"] = to_json(list_current_communes(*connection, code));
    }
    return http::json_response(200, body);
  });
}

void add_classification_routes(http::Router& router, db::Pool& pool) {
  router.add("GET", "/api/v1/ipc", [&pool](http::Request& request) {
    auto parent = http::query_text(request, "parent", 20);
    auto connection = pool.acquire();
    if (!parent) return items_response(to_json(list_ipc_entries(*connection, "section", "")));

    db::Transaction transaction(*connection, db::Transaction::Mode::kRead);
    auto code = ipc_symbol(*parent);
    auto entry = find_ipc_entry(*connection, code);
    if (!entry) throw NotFoundError(fmt::format("IPC code {} not found", code));
    auto level = child_ipc_level(entry->level);
    if (level.empty()) return items_response(nlohmann::json::array());
    return items_response(to_json(list_ipc_entries(*connection, level, code)));
  });

  router.add("GET", "/api/v1/ipc/{code}", [&pool](http::Request& request) {
    auto code = ipc_symbol(request.path_params.at("code"));
    auto connection = pool.acquire();
    auto entry = find_ipc_entry(*connection, code);
    if (!entry) throw NotFoundError(fmt::format("IPC code {} not found", code));
    return http::json_response(200, to_json(*entry));
  });

  router.add("GET", "/api/v1/st-fields", [&pool](http::Request&) {
    auto connection = pool.acquire();
    auto fields = list_st_fields(*connection);
    std::map<std::string, std::vector<const StField*>> by_parent;
    for (const auto& field : fields) by_parent[field.parent_code.value_or("")].push_back(&field);
    return items_response(st_field_tree(by_parent, ""));
  });

  router.add("GET", "/api/v1/industry-sections", [&pool](http::Request& request) {
    auto version = http::query_choice(request, "version", kIndustryVersions).value_or("2025");
    auto connection = pool.acquire();
    auto items = nlohmann::json::array();
    for (const auto& section : list_industry_sections(*connection, version)) {
      items.push_back({{"code", section.code},
                       {"name_vi", section.name_vi},
                       {"name_en", section.name_en},
                       {"version", section.version}});
    }
    return items_response(std::move(items));
  });

  router.add("GET", "/api/v1/trl-levels", [&pool](http::Request&) {
    auto connection = pool.acquire();
    auto items = nlohmann::json::array();
    for (const auto& level : list_trl_levels(*connection)) {
      items.push_back(
          {{"level", level.level}, {"name_vi", level.name_vi}, {"name_en", level.name_en}});
    }
    return items_response(std::move(items));
  });
}

}  // namespace

void add_reference_routes(http::Router& router, db::Pool& pool) {
  add_admin_unit_routes(router, pool);
  add_classification_routes(router, pool);
}

}  // namespace techmarket::reference
