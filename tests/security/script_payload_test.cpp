// Script payloads in every text field of offers, needs and organizations are
// stored exactly as typed and come back only as JSON strings.
#include <gtest/gtest.h>

#include "security/live_server.h"

namespace techmarket {
namespace {

using testing::is_problem;

// Each is a common way to run script in a page that builds HTML from data.
const std::vector<std::string> kPayloads = {
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    "</textarea><svg onload=alert(1)>",
    "{{constructor.constructor('alert(1)')()}}",
    "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
    "Máy sấy <b onmouseover=alert('đ')>nông sản</b>",
};

// A payload with a tab inside "javascript:", which gets past filters that
// look for the plain word; only multi-line fields accept tabs.
const std::string kTabPayload = "java\tscript:alert(1)";

struct RecordType {
  std::string path;
  nlohmann::json valid;                       // a record that the server accepts
  std::vector<std::string> text_fields;       // free text, stored as typed
  std::vector<std::string> multiline_fields;  // a subset of text_fields
  std::vector<std::string> list_fields;       // arrays of text
};

std::vector<RecordType> record_types() {
  return {
      {"/api/v1/offers",
       {{"kind", "technology"}, {"title", "Máy sấy"}, {"summary", "Tóm tắt"}},
       {"title", "title_en", "summary", "summary_en", "description", "description_en", "ip_number",
        "external_id"},
       {"summary", "summary_en", "description", "description_en"},
       {"keywords"}},
      {"/api/v1/needs",
       {{"title", "Cần máy sấy"}, {"problem", "Nông sản hư sau thu hoạch"}},
       {"title", "problem", "desired_result", "external_id"},
       {"problem", "desired_result"},
       {"keywords"}},
      {"/api/v1/organizations",
       {{"kind", "enterprise"}, {"name", "Công ty Nông sản"}},
       {"name", "name_en", "address", "external_id"},
       {},
       {}},
  };
}

// Limits a payload to the field's maximum length, as the server would reject longer text.
std::string fit(const std::string& field, const std::string& payload) {
  if (field == "ip_number") return payload.substr(0, 50);
  return payload;
}

class ScriptPayloads : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new testing::LiveServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Creates a record with `value` in `field`, then checks that the record
  // read back returns it unchanged, as JSON.
  static void expect_stored_as_typed(const RecordType& type, const std::string& field,
                                     const nlohmann::json& value) {
    nlohmann::json record = type.valid;
    record[field] = value;
    if (field == "external_id")
      record[field] = value.get<std::string>() + std::to_string(++serial_);
    auto created = server_->request("POST", type.path, record.dump());
    ASSERT_EQ(created.status, 201) << type.path << " " << field << ": " << created.body;
    EXPECT_EQ(created.headers["content-type"], "application/json");
    auto id = nlohmann::json::parse(created.body)["id"].get<std::int64_t>();

    auto read = server_->request("GET", type.path + "/" + std::to_string(id));
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.headers["content-type"], "application/json");
    EXPECT_EQ(read.headers["x-content-type-options"], "nosniff");
    EXPECT_EQ(nlohmann::json::parse(read.body)[field], record[field]) << field;
  }

  static inline testing::LiveServer* server_ = nullptr;
  static inline int serial_ = 0;
};

TEST_F(ScriptPayloads, StoredAsTypedInEveryTextField) {
  for (const auto& type : record_types()) {
    for (const auto& field : type.text_fields) {
      for (const auto& payload : kPayloads) {
        SCOPED_TRACE(type.path + " " + field + " " + payload);
        expect_stored_as_typed(type, field, fit(field, payload));
      }
    }
  }
}

TEST_F(ScriptPayloads, TabInsideJavascriptSchemeStoredInMultilineFields) {
  for (const auto& type : record_types()) {
    for (const auto& field : type.multiline_fields) {
      SCOPED_TRACE(type.path + " " + field);
      expect_stored_as_typed(type, field, kTabPayload);
    }
  }
}

TEST_F(ScriptPayloads, StoredAsTypedInTextLists) {
  for (const auto& type : record_types()) {
    for (const auto& field : type.list_fields) {
      SCOPED_TRACE(type.path + " " + field);
      nlohmann::json list = nlohmann::json::array();
      for (const auto& payload : kPayloads) list.push_back(payload.substr(0, 100));
      expect_stored_as_typed(type, field, list);
    }
  }
}

TEST_F(ScriptPayloads, CheckedFieldsRejectPayloadAndStoreNothing) {
  auto before = server_->counts();
  const std::vector<std::pair<std::string, std::string>> checked = {
      {"email", "\"><script>alert(1)</script>@example.vn"},
      {"website", "javascript:alert(1)"},
      {"phone", "<script>alert(1)</script>"},
      {"tax_code", "<svg onload=alert(1)>"},
  };
  for (const auto& [field, payload] : checked) {
    nlohmann::json record = {{"kind", "enterprise"}, {"name", "Công ty"}, {field, payload}};
    auto reply = server_->request("POST", "/api/v1/organizations", record.dump());
    ASSERT_TRUE(is_problem(reply, 422)) << field;
    auto problem = nlohmann::json::parse(reply.body);
    ASSERT_FALSE(problem["errors"].empty());
    EXPECT_EQ(problem["errors"][0]["field"], field);
  }
  nlohmann::json offer = {
      {"kind", "technology"}, {"title", "X"}, {"summary", "Y"}, {"source_url", "javascript:1"}};
  EXPECT_TRUE(is_problem(server_->request("POST", "/api/v1/offers", offer.dump()), 422));
  EXPECT_EQ(server_->counts(), before);
}

TEST_F(ScriptPayloads, ListingsAndSearchReturnPayloadAsJson) {
  const std::string title = "<script>alert('tưới')</script> Hệ thống tưới";
  nlohmann::json offer = {
      {"kind", "technology"}, {"title", title}, {"summary", "Tưới"}, {"status", "published"}};
  ASSERT_EQ(server_->request("POST", "/api/v1/offers", offer.dump()).status, 201);

  auto listed = server_->request("GET", "/api/v1/offers?status=published&limit=100");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.headers["content-type"], "application/json");
  bool found_in_list = false;
  auto listed_body = nlohmann::json::parse(listed.body);
  for (const auto& item : listed_body["items"]) {
    if (item["title"] == title) found_in_list = true;
  }
  EXPECT_TRUE(found_in_list) << listed.body;

  auto searched =
      server_->request("GET", "/api/v1/search?q=" + testing::url_encode("hệ thống tưới"));
  ASSERT_EQ(searched.status, 200) << searched.body;
  EXPECT_EQ(searched.headers["content-type"], "application/json");
  auto items = nlohmann::json::parse(searched.body)["items"];
  ASSERT_FALSE(items.empty()) << searched.body;
  EXPECT_EQ(items[0]["title"], title);
}

TEST_F(ScriptPayloads, NoReplyIsHtml) {
  const std::vector<std::string> targets = {
      "/<script>alert(1)</script>",
      "/api/v1/offers/%3Cscript%3E",
      "/api/v1/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "/api/v1/offers?kind=%3Cscript%3E",
      "/api/v1/provinces/%3Csvg%20onload%3Dalert(1)%3E",
  };
  for (const auto& target : targets) {
    auto reply = server_->request("GET", target);
    EXPECT_LT(reply.status, 500) << target;
    EXPECT_EQ(reply.headers["content-type"].find("text/html"), std::string::npos) << target;
    EXPECT_EQ(reply.headers["x-content-type-options"], "nosniff") << target;
  }
}

}  // namespace
}  // namespace techmarket
