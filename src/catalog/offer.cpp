#include "catalog/offer.h"

#include <regex>

namespace techmarket::catalog {
namespace {

constexpr std::int64_t kMaxPriceVnd = 1'000'000'000'000'000;  // one quadrillion đồng

template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

bool is_ipc_symbol(const std::string& code) {
  static const std::regex kPattern("^[A-H]([0-9]{2}([A-Z]( [0-9]{1,4}/[0-9]{2,6})?)?)?$");
  return std::regex_match(code, kPattern);
}

nlohmann::json to_json(const Offer& offer) {
  return {
      {"id", offer.id},
      {"external_id", optional_json(offer.external_id)},
      {"kind", offer.kind},
      {"title", offer.title},
      {"title_en", optional_json(offer.title_en)},
      {"summary", offer.summary},
      {"summary_en", optional_json(offer.summary_en)},
      {"description", optional_json(offer.description)},
      {"description_en", optional_json(offer.description_en)},
      {"language", offer.language},
      {"st_field", optional_json(offer.st_field)},
      {"industry_section", optional_json(offer.industry_section)},
      {"industry_version", optional_json(offer.industry_version)},
      {"ipc_codes", offer.ipc_codes},
      {"trl", optional_json(offer.trl)},
      {"ip_status", optional_json(offer.ip_status)},
      {"ip_number", optional_json(offer.ip_number)},
      {"owner_organization_id", optional_json(offer.owner_organization_id)},
      {"province_code", optional_json(offer.province_code)},
      {"transfer_modes", offer.transfer_modes},
      {"price_vnd", optional_json(offer.price_vnd)},
      {"price_negotiable", offer.price_negotiable},
      {"keywords", offer.keywords},
      {"status", offer.status},
      {"published_on", optional_json(offer.published_on)},
      {"expires_on", optional_json(offer.expires_on)},
      {"source_url", optional_json(offer.source_url)},
      {"rejection_reason", optional_json(offer.rejection_reason)},
      {"created_at", offer.created_at},
      {"updated_at", offer.updated_at},
  };
}

Offer read_offer(FieldReader& reader) {
  Offer offer;
  reader.ignore("id");
  reader.ignore("created_at");
  reader.ignore("updated_at");
  reader.ignore("rejection_reason");  // set only by the reject action

  offer.external_id = reader.text("external_id", {.max_length = 100});
  offer.kind = reader.choice("kind", kOfferKinds).value_or("");
  if (offer.kind.empty() && reader.errors().empty()) reader.add_error("kind", "is required");
  offer.title = reader.required_text("title", {.max_length = 300});
  offer.title_en = reader.text("title_en", {.max_length = 300});
  offer.summary = reader.required_text("summary", {.max_length = 3000, .multiline = true});
  offer.summary_en = reader.text("summary_en", {.max_length = 3000, .multiline = true});
  offer.description = reader.text("description", {.max_length = 50000, .multiline = true});
  offer.description_en = reader.text("description_en", {.max_length = 50000, .multiline = true});
  offer.language = reader.choice("language", kLanguages).value_or("vi");

  offer.st_field = reader.text("st_field", {.max_length = 20});
  offer.industry_section = reader.text("industry_section", {.max_length = 1});
  offer.industry_version = reader.choice("industry_version", kIndustryVersions);
  if (offer.industry_section && !offer.industry_version) offer.industry_version = "2025";
  offer.ipc_codes = reader.text_list("ipc_codes", 20, {.max_length = 20});
  for (size_t i = 0; i < offer.ipc_codes.size(); ++i) {
    if (!is_ipc_symbol(offer.ipc_codes[i])) {
      reader.add_error(
          "ipc_codes[" + std::to_string(i) + "]",
          "\"" + offer.ipc_codes[i] + "\" is not an IPC symbol such as \"H01M\" or \"A01B 1/00\"");
    }
  }
  if (auto trl = reader.integer("trl", 1, 9)) offer.trl = static_cast<int>(*trl);
  offer.ip_status = reader.choice("ip_status", kIpStatuses);
  offer.ip_number = reader.text("ip_number", {.max_length = 50});

  offer.owner_organization_id = reader.integer("owner_organization_id", 1, INT64_MAX);
  offer.province_code = reader.text("province_code", {.max_length = 2});
  offer.transfer_modes =
      reader.text_list("transfer_modes", kTransferModes.size(), {.max_length = 20});
  for (size_t i = 0; i < offer.transfer_modes.size(); ++i) {
    const auto& mode = offer.transfer_modes[i];
    if (std::find(kTransferModes.begin(), kTransferModes.end(), mode) == kTransferModes.end()) {
      reader.add_error(
          "transfer_modes[" + std::to_string(i) + "]",
          "\"" + mode + "\" is not one of: licence, assignment, joint_venture, sale, service");
    }
  }
  offer.price_vnd = reader.integer("price_vnd", 0, kMaxPriceVnd);
  offer.price_negotiable = reader.boolean("price_negotiable").value_or(false);
  offer.keywords = reader.text_list("keywords", 30, {.max_length = 100});

  offer.status = reader.choice("status", kOfferStatuses).value_or("draft");
  offer.published_on = reader.date("published_on");
  offer.expires_on = reader.date("expires_on");
  if (offer.published_on && offer.expires_on && *offer.expires_on < *offer.published_on) {
    reader.add_error("expires_on", "is before published_on");
  }
  offer.source_url = reader.text("source_url", {.max_length = 2000});
  if (offer.source_url && offer.source_url->rfind("https://", 0) != 0 &&
      offer.source_url->rfind("http://", 0) != 0) {
    reader.add_error("source_url", "must start with https:// or http://");
  }
  return offer;
}

}  // namespace techmarket::catalog
