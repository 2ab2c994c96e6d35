// Routes of plans and indicators (reads are open; targets change by admins):
//   GET /api/v1/plans                        the plans with their issue dates
//   GET /api/v1/plans/{code}                 one plan with its targets
//   PUT /api/v1/plans/{code}/targets         replace the plan's targets (admin)
//   GET /api/v1/indicators                   figures by year, ?plan=&from=&to=
//   GET /api/v1/indicators/export.xlsx       the same figures and the verified contracts
#include "indicators/indicator_routes.h"

#include <fmt/format.h>

#include "common/errors.h"
#include "http/params.h"
#include "indicators/indicators.h"
#include "indicators/xlsx_export.h"
#include "ledger/ledger_service.h"
#include "ledger/transaction_store.h"
#include "organizations/organization_store.h"

namespace techmarket::indicators {
namespace {

constexpr std::int64_t kFirstYear = 1990;
constexpr std::int64_t kLastYear = 2100;
constexpr int kMaxYears = 50;
constexpr int kDefaultFrom = 2020;
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct ReportRequest {
  Plan plan;
  std::vector<Target> targets;
  int from = 0;
  int to = 0;
};

ReportRequest read_report_request(const http::Request& request, PlanService& plans,
                                  int current_year) {
  ReportRequest parsed;
  auto code = http::query_text(request, "plan", 100).value_or(kDefaultPlan);
  try {
    std::tie(parsed.plan, parsed.targets) = plans.get(code);
  } catch (const NotFoundError& error) {
    throw BadRequestError(std::string("plan: ") + error.what());
  }
  parsed.from =
      static_cast<int>(http::query_integer(request, "from", kFirstYear, kLastYear).value_or(
          kDefaultFrom));
  parsed.to = static_cast<int>(
      http::query_integer(request, "to", kFirstYear, kLastYear).value_or(current_year));
  if (parsed.from > parsed.to) {
    throw BadRequestError(fmt::format("from ({}) is after to ({}); swap them", parsed.from,
                                      parsed.to));
  }
  if (parsed.to - parsed.from + 1 > kMaxYears) {
    throw BadRequestError(fmt::format("from {} to {} spans more than {} years; ask for fewer",
                                      parsed.from, parsed.to, kMaxYears));
  }
  return parsed;
}

std::vector<ledger::Transaction> counted_transactions(db::Connection& connection, int from,
                                                      int to) {
  ledger::TransactionFilter filter;
  filter.verified = true;
  filter.kind = "contract";
  for (int year = from; year <= to; ++year) filter.years.push_back(year);
  filter.limit = 10'000;
  std::vector<ledger::Transaction> transactions;
  while (transactions.size() < kMaxExportedTransactions) {
    auto page = ledger::list_transactions(connection, filter);
    if (page.empty()) break;
    filter.after_id = page.back().id;
    for (auto& transaction : page) {
      if (transactions.size() == kMaxExportedTransactions) break;
      transactions.push_back(std::move(transaction));
    }
  }
  return transactions;
}

// The counted contracts with the names of their types and organizations.
LedgerSheet ledger_sheet(db::Connection& connection, int from, int to) {
  LedgerSheet sheet;
  sheet.transactions = counted_transactions(connection, from, to);
  for (const auto& type : ledger::list_transaction_types(connection)) {
    sheet.type_names[type.code] = type.name_vi;
  }
  for (const auto& transaction : sheet.transactions) {
    for (const auto& id : {transaction.buyer_organization_id, transaction.seller_organization_id,
                           transaction.intermediary_organization_id}) {
      if (!id || sheet.organization_names.count(*id)) continue;
      if (auto organization = organizations::find_organization(connection, *id)) {
        sheet.organization_names[*id] = organization->name;
      }
    }
  }
  return sheet;
}

}  // namespace

int vietnam_year(auth::TimePoint time) {
  return std::stoi(auth::vietnam_date(time).substr(0, 4));
}

void add_indicator_routes(http::Router& router, db::Pool& pool, PlanService& plans,
                          std::shared_ptr<const auth::Clock> clock,
                          std::filesystem::path work_dir) {
  const auto open = http::Access::open();

  router.add("GET", "/api/v1/plans", open, [&plans](http::Request&) {
    auto items = nlohmann::json::array();
    for (const auto& plan : plans.list()) items.push_back(to_json(plan));
    return http::json_response(200, {{"items", items}, {"next_cursor", nullptr}});
  });

  router.add("GET", "/api/v1/plans/{code}", open, [&plans](http::Request& request) {
    auto [plan, targets] = plans.get(request.path_params.at("code"));
    auto body = to_json(plan);
    body["targets"] = nlohmann::json::array();
    for (const auto& target : targets) body["targets"].push_back(to_json(target));
    return http::json_response(200, body);
  });

  router.add("PUT", "/api/v1/plans/{code}/targets", http::Access::roles_only({auth::Role::kAdmin}),
             [&plans](http::Request& request) {
               auto code = request.path_params.at("code");
               auto stored = plans.replace_targets(request.principal, code,
                                                   http::json_body(request));
               auto [plan, targets] = plans.get(code);
               auto body = to_json(plan);
               body["targets"] = nlohmann::json::array();
               for (const auto& target : stored) body["targets"].push_back(to_json(target));
               return http::json_response(200, body);
             });

  router.add("GET", "/api/v1/indicators", open, [&pool, &plans, clock](http::Request& request) {
    int current_year = vietnam_year(clock->now());
    auto parsed = read_report_request(request, plans, current_year);
    auto connection = pool.acquire();
    db::Transaction snapshot(*connection, db::Transaction::Mode::kRead);
    auto report = compute_indicators(*connection, parsed.plan, parsed.targets, parsed.from,
                                     parsed.to, current_year);
    return http::json_response(200, to_json(report));
  });

  router.add("GET", "/api/v1/indicators/export.xlsx", open,
             [&pool, &plans, clock, work_dir](http::Request& request) {
               int current_year = vietnam_year(clock->now());
               auto parsed = read_report_request(request, plans, current_year);
               std::string bytes;
               {
                 auto connection = pool.acquire();
                 // One snapshot, so both sheets show the same ledger.
                 db::Transaction snapshot(*connection, db::Transaction::Mode::kRead);
                 auto report = compute_indicators(*connection, parsed.plan, parsed.targets,
                                                  parsed.from, parsed.to, current_year);
                 // The contracts name parties and values, which only staff,
                 // administrators and officers may read (as GET /transactions).
                 const auto& caller = request.principal;
                 bool sees_ledger = caller.is_reviewer() || caller.has_role(auth::Role::kOfficer);
                 if (sees_ledger) {
                   auto ledger = ledger_sheet(*connection, parsed.from, parsed.to);
                   bytes = export_xlsx(report, &ledger, work_dir);
                 } else {
                   bytes = export_xlsx(report, nullptr, work_dir);
                 }
               }
               http::Response response;
               response.status = 200;
               response.content_type = kXlsxType;
               response.body = std::move(bytes);
               response.headers.emplace_back(
                   "Content-Disposition",
                   fmt::format("attachment; filename=\"chi-tieu-{}-{}-{}.xlsx\"",
                               parsed.plan.code, parsed.from, parsed.to));
               return response;
             });
}

}  // namespace techmarket::indicators
