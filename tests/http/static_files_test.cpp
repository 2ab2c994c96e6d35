#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "http/router.h"
#include "support/temp_dir.h"

namespace techmarket::http {
namespace {

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::string header_value(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = dir_.path() / "dist";
    write_file(root_ / "index.html", "<!doctype html><title>app</title>");
    write_file(root_ / "assets" / "index-AbC123.js", "console.log(1)");
    write_file(root_ / "assets" / "index-AbC123.css", "body{}");
    write_file(root_ / "favicon.svg", "<svg/>");
    write_file(dir_.path() / "secret.txt", "outside the root");
    router_.add("GET", "/api/v1/known", [](Request&) {
      return json_response(200, {{"ok", true}});
    });
    files_ = std::make_shared<StaticFiles>(root_);
    router_.set_fallback([files = files_](Request& request) { return files->serve(request); });
  }

  Response get(const std::string& path, const std::string& method = "GET") {
    Request request;
    request.method = method;
    request.path = path;
    return router_.dispatch(request);
  }

  testing::TempDir dir_;
  std::filesystem::path root_;
  std::shared_ptr<StaticFiles> files_;
  Router router_;
};

TEST_F(StaticFilesTest, ServesIndexAtRoot) {
  auto response = get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(response.body, "<!doctype html><title>app</title>");
  EXPECT_EQ(header_value(response, "Cache-Control"), "no-cache");
  EXPECT_NE(header_value(response, "Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
}

TEST_F(StaticFilesTest, ServesHashedAssetsWithLongCache) {
  auto script = get("/assets/index-AbC123.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(script.body, "console.log(1)");
  EXPECT_EQ(header_value(script, "Cache-Control"), "public, max-age=31536000, immutable");

  auto style = get("/assets/index-AbC123.css");
  EXPECT_EQ(style.content_type, "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, ServesOtherFilesWithoutLongCache) {
  auto icon = get("/favicon.svg");
  EXPECT_EQ(icon.status, 200);
  EXPECT_EQ(icon.content_type, "image/svg+xml");
  EXPECT_EQ(header_value(icon, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, AnswersDeepLinksWithIndex) {
  for (const std::string path : {"/search", "/offers/12", "/offers/12/edit", "/admin/imports"}) {
    auto response = get(path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.body, "<!doctype html><title>app</title>") << path;
  }
}

TEST_F(StaticFilesTest, KeepsApiRoutesAndApiNotFound) {
  EXPECT_EQ(get("/api/v1/known").status, 200);
  auto missing = get("/api/v1/unknown");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.content_type, "application/problem+json");
}

TEST_F(StaticFilesTest, MissingAssetIsNotFound) {
  auto response = get("/assets/index-gone.js");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/problem+json");
}

TEST_F(StaticFilesTest, RejectsTraversal) {
  for (const std::string path :
       {"/../secret.txt", "/assets/../../secret.txt", "/./index.html", "/..\\secret.txt"}) {
    auto response = get(path);
    EXPECT_EQ(response.status, 400) << path;
    EXPECT_EQ(response.body.find("outside the root"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, DoesNotFollowLinksOutOfRoot) {
  std::filesystem::create_symlink(dir_.path() / "secret.txt", root_ / "linked.txt");
  auto response = get("/linked.txt");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body.find("outside the root"), std::string::npos);
}

TEST_F(StaticFilesTest, AnswersOnlyGetAndHead) {
  EXPECT_EQ(get("/", "HEAD").status, 200);
  EXPECT_EQ(get("/search", "POST").status, 404);
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(content_type_for("a.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("a.png"), "image/png");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
}

}  // namespace
}  // namespace techmarket::http
