// Messages and documents on a deal.
#include <gtest/gtest.h>

#include <filesystem>

#include "deals/deal_fixture.h"

namespace techmarket::deals {
namespace {

using DealMessages = DealFixture;
using DealDocuments = DealFixture;

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

std::size_t files_in(const std::filesystem::path& directory) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    count += entry.is_regular_file() ? 1 : 0;
  }
  return count;
}

TEST_F(DealMessages, PartiesPostAndReadInOrder) {
  auto id = open_interest();
  auto first = call(seller_, "POST", deal_path(id, "/messages"), {{"body", "Chào anh chị."}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(parse(first)["author_user_id"], seller_.user_id);
  auto second =
      call(buyer_, "POST", deal_path(id, "/messages"), {{"body", "Xin gửi báo giá.\nCảm ơn."}});
  ASSERT_EQ(second.status, 201) << second.body;

  auto list = parse(call(staff_, "GET", deal_path(id, "/messages")));
  ASSERT_EQ(list["items"].size(), 2u);
  EXPECT_EQ(list["items"][0]["body"], "Chào anh chị.");
  EXPECT_EQ(list["items"][1]["body"], "Xin gửi báo giá.\nCảm ơn.");
  EXPECT_EQ(list["items"][1]["author_user_id"], buyer_.user_id);
  EXPECT_TRUE(list["next_cursor"].is_null());

  auto audit = deal_audit(id);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "post_message");
}

TEST_F(DealMessages, MessageEmailsTheOtherParty) {
  auto id = open_interest();
  auto before = email_recipients().size();
  ASSERT_EQ(call(buyer_, "POST", deal_path(id, "/messages"), {{"body", "Xin gửi báo giá."}}).status,
            201);
  auto recipients = email_recipients();
  std::vector<std::string> added(recipients.begin() + static_cast<std::ptrdiff_t>(before),
                                 recipients.end());
  EXPECT_EQ(added, (std::vector<std::string>{"ban@vien.vn", "ban2@vien.vn"}));

  ASSERT_EQ(call(seller_, "POST", deal_path(id, "/messages"), {{"body", "Đã nhận."}}).status, 201);
  EXPECT_EQ(email_recipients().back(), "mua@hoabinh.vn");
  EXPECT_EQ(email_recipients().size(), recipients.size() + 1);
}

TEST_F(DealMessages, RejectsEmptyOrUnknownFields) {
  auto id = open_interest();
  auto empty = call(buyer_, "POST", deal_path(id, "/messages"), {{"body", "   "}});
  ASSERT_EQ(empty.status, 422);
  EXPECT_EQ(parse(empty)["errors"][0]["field"], "body");
  auto unknown = call(buyer_, "POST", deal_path(id, "/messages"), {{"body", "A"}, {"to", 3}});
  ASSERT_EQ(unknown.status, 422);
  EXPECT_EQ(parse(unknown)["errors"][0]["field"], "to");
  EXPECT_TRUE(parse(call(buyer_, "GET", deal_path(id, "/messages")))["items"].empty());
}

TEST_F(DealMessages, OutsiderCannotPostOrRead) {
  auto id = open_interest();
  EXPECT_EQ(call(outsider_, "POST", deal_path(id, "/messages"), {{"body", "Chen ngang"}}).status,
            404);
  EXPECT_EQ(call(outsider_, "GET", deal_path(id, "/messages")).status, 404);
  EXPECT_TRUE(parse(call(buyer_, "GET", deal_path(id, "/messages")))["items"].empty());
}

TEST_F(DealDocuments, UploadListAndDownload) {
  auto id = open_interest();
  auto uploaded = call(seller_, "POST", deal_path(id, "/documents"), kPdf,
                       {{"x-file-name", "h%E1%BB%A3p%20%C4%91%E1%BB%93ng.pdf"}});
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  auto document = parse(uploaded);
  EXPECT_EQ(document["file_name"], "hợp đồng.pdf");
  EXPECT_EQ(document["content_type"], "application/pdf");
  EXPECT_EQ(document["size_bytes"], kPdf.size());
  EXPECT_EQ(document["uploader_user_id"], seller_.user_id);

  auto list = parse(call(buyer_, "GET", deal_path(id, "/documents")));
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["id"], document["id"]);

  auto download = call(officer_, "GET", document["download"].get<std::string>());
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.content_type, "application/pdf");
  ASSERT_EQ(download.headers.size(), 1u);
  EXPECT_EQ(download.headers[0].second,
            "attachment; filename*=UTF-8''h%E1%BB%A3p%20%C4%91%E1%BB%93ng.pdf");

  EXPECT_EQ(files_in(dir_.path() / "deal-documents"), 1u);
  EXPECT_EQ(call(outsider_, "GET", document["download"].get<std::string>()).status, 404);
  EXPECT_EQ(call(buyer_, "GET", deal_path(id, "/documents/999")).status, 404);
}

TEST_F(DealDocuments, RejectsDisguisedFileType) {
  auto id = open_interest();
  auto page = call(buyer_, "POST", deal_path(id, "/documents"),
                   "<html><script>alert(1)</script></html>", {{"x-file-name", "hop-dong.pdf"}});
  ASSERT_EQ(page.status, 422) << page.body;
  auto error = parse(page)["errors"][0];
  EXPECT_EQ(error["field"], "file");
  EXPECT_NE(error["message"].get<std::string>().find("text/html"), std::string::npos);

  EXPECT_TRUE(parse(call(buyer_, "GET", deal_path(id, "/documents")))["items"].empty());
  EXPECT_EQ(files_in(dir_.path() / "deal-documents"), 0u);
}

TEST_F(DealDocuments, RejectsMissingNameEmptyAndOversizedFiles) {
  auto id = open_interest();
  auto unnamed = call(buyer_, "POST", deal_path(id, "/documents"), kPdf);
  ASSERT_EQ(unnamed.status, 422) << unnamed.body;
  EXPECT_EQ(parse(unnamed)["errors"][0]["field"], "file_name");

  auto empty = call(buyer_, "POST", deal_path(id, "/documents"), "", {{"x-file-name", "a.pdf"}});
  ASSERT_EQ(empty.status, 422) << empty.body;
  EXPECT_EQ(parse(empty)["errors"][0]["field"], "file");

  std::string large = kPdf + std::string(kMaxDocumentBytes, ' ');
  auto oversized =
      call(buyer_, "POST", deal_path(id, "/documents"), large, {{"x-file-name", "lon.pdf"}});
  EXPECT_EQ(oversized.status, 413) << oversized.body;

  auto bad_escape =
      call(buyer_, "POST", deal_path(id, "/documents"), kPdf, {{"x-file-name", "a%G1.pdf"}});
  EXPECT_EQ(bad_escape.status, 400) << bad_escape.body;

  EXPECT_TRUE(parse(call(buyer_, "GET", deal_path(id, "/documents")))["items"].empty());
  EXPECT_EQ(files_in(dir_.path() / "deal-documents"), 0u);
}

TEST_F(DealDocuments, OfficerCannotUpload) {
  auto id = open_interest();
  auto response =
      call(officer_, "POST", deal_path(id, "/documents"), kPdf, {{"x-file-name", "a.pdf"}});
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_EQ(files_in(dir_.path() / "deal-documents"), 0u);
}

}  // namespace
}  // namespace techmarket::deals
