#include "app/import_commands.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <thread>

#include "app/platform.h"
#include "common/errors.h"
#include "imports/importer.h"
#include "reference/importer.h"

namespace techmarket::app {
namespace {

void print_errors(const std::vector<FieldError>& errors, const std::string& source) {
  std::cerr << "techmarket: " << source << " was not imported; nothing was changed. "
            << errors.size() << " problem(s):\n";
  for (const auto& error : errors)
    std::cerr << "  " << error.field << ": " << error.message << "\n";
}

int import_reference_data(Platform& platform, const std::string& source) {
  auto connection = platform.pool().acquire();
  auto summary = reference::import_reference(*connection, source);
  std::cout << fmt::format(
      "imported reference data from {}:\n"
      "  provinces: {} (2025 map), {} (2021 map)\n"
      "  districts: {} (2021 map)\n"
      "  communes and wards: {} (2025 map), {} (2021 map)\n"
      "  links from old to new communes: {}\n"
      "  IPC: {} sections, {} classes, {} subclasses\n"
      "  S&T sub-fields: {}\n",
      source, summary.provinces_2025, summary.provinces_2021, summary.districts_2021,
      summary.communes_2025, summary.communes_2021, summary.commune_links, summary.ipc_sections,
      summary.ipc_classes, summary.ipc_subclasses, summary.st_subfields);
  return 0;
}

int import_records(Platform& platform, ImportKind kind, const std::string& source) {
  imports::ImportReport report;
  {
    auto connection = platform.pool().acquire();
    switch (kind) {
      case ImportKind::kOffers:
        report = imports::import_offers(*connection, source);
        break;
      case ImportKind::kNeeds:
        report = imports::import_needs(*connection, source);
        break;
      case ImportKind::kOrganizations:
        report = imports::import_organizations(*connection, source);
        break;
      case ImportKind::kReference:
        break;
    }
  }
  if (!report.errors.empty()) {
    print_errors(report.errors, source);
    return 1;
  }
  platform.indexer().drain();
  std::cout << fmt::format("imported {} ({}): {} rows, {} created, {} updated, {} unchanged\n",
                           source, report.format, report.rows, report.created, report.updated,
                           report.unchanged);
  bool matched_type = kind == ImportKind::kOffers || kind == ImportKind::kNeeds;
  if (matched_type && !report.changed_ids.empty()) {
    auto one_by_one = platform.matches().records_imported(
        kind == ImportKind::kOffers ? "offer" : "need", report.changed_ids,
        std::thread::hardware_concurrency());
    std::cout << (one_by_one > 0 ? fmt::format("matches updated for {} records\n", one_by_one)
                                 : std::string("matches recomputed for every published need\n"));
  }
  return 0;
}

}  // namespace

int run_import(const std::string& data_dir, ImportKind kind, const std::string& source) {
  Platform platform(data_dir);
  try {
    if (kind == ImportKind::kReference) return import_reference_data(platform, source);
    return import_records(platform, kind, source);
  } catch (const ValidationError& e) {
    print_errors(e.errors(), source);
    return 1;
  }
}

}  // namespace techmarket::app
