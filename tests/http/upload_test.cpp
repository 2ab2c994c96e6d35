#include "http/upload.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "common/errors.h"
#include "support/temp_dir.h"

namespace techmarket::http {
namespace {

// The signature and IHDR chunk of a 1x1 PNG, enough for libmagic.
const std::string kPng = std::string(
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
const std::string kPhp = "<?php system($_GET['c']); ?>\n";
const std::string kCsv = "ma,ten,tinh\n1,Máy sấy,80\n2,Hệ thống tưới,80\n3,Bộ lọc nước,80\n";

const UploadPolicy kImages{.max_bytes = 1024, .allowed_types = {"image/png", "image/jpeg"}};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::stringstream text;
  text << input.rdbuf();
  return text.str();
}

class UploadStoreTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  UploadStore store_{dir_.path() / "uploads", dir_.path() / "web"};
};

TEST(DetectContentType, ReadsContentNotName) {
  EXPECT_EQ(detect_content_type(kPng), "image/png");
  EXPECT_EQ(detect_content_type(kPhp), "text/x-php");
  EXPECT_EQ(detect_content_type("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "application/pdf");
}

TEST_F(UploadStoreTest, StoresUnderRandomName) {
  auto first = store_.store(kPng, "ảnh máy sấy.png", kImages);
  auto second = store_.store(kPng, "ảnh máy sấy.png", kImages);

  EXPECT_EQ(first.content_type, "image/png");
  EXPECT_EQ(first.original_name, "ảnh máy sấy.png");
  EXPECT_EQ(first.size, kPng.size());
  EXPECT_EQ(first.stored_name.size(), 32u + 4u) << first.stored_name;
  EXPECT_TRUE(first.stored_name.ends_with(".png"));
  EXPECT_NE(first.stored_name, second.stored_name);
  EXPECT_EQ(first.path.parent_path(), store_.directory());
  EXPECT_EQ(read_file(first.path), kPng);
  EXPECT_FALSE(std::filesystem::exists(first.path.string() + ".part"));
}

TEST_F(UploadStoreTest, StoredFileIsNotWorldReadable) {
  auto upload = store_.store(kPng, "a.png", kImages);
  struct stat status {};
  ASSERT_EQ(::stat(upload.path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & S_IROTH, 0u);
  EXPECT_EQ(status.st_mode & S_IXUSR, 0u);
}

TEST_F(UploadStoreTest, RejectsDisguisedScript) {
  for (const char* name : {"report.php.png", "report.png", "anh.jpg"}) {
    try {
      store_.store(kPhp, name, kImages);
      ADD_FAILURE() << name << " was stored";
    } catch (const ValidationError& error) {
      ASSERT_EQ(error.errors().size(), 1u);
      EXPECT_EQ(error.errors()[0].field, "file");
      EXPECT_NE(error.errors()[0].message.find("text/x-php"), std::string::npos)
          << error.errors()[0].message;
    }
  }
  EXPECT_TRUE(std::filesystem::is_empty(store_.directory()));
}

TEST_F(UploadStoreTest, RejectsOversizedAndEmptyFiles) {
  EXPECT_THROW(store_.store(kPng + std::string(2000, '\0'), "a.png", kImages),
               PayloadTooLargeError);
  EXPECT_THROW(store_.store("", "a.png", kImages), ValidationError);
  EXPECT_TRUE(std::filesystem::is_empty(store_.directory()));
}

TEST_F(UploadStoreTest, IgnoresFoldersInOriginalName) {
  UploadPolicy text{.max_bytes = 1024, .allowed_types = {"text/csv", "text/plain"}};
  for (const char* name : {"../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd"}) {
    auto upload = store_.store(kCsv, name, text);
    EXPECT_EQ(upload.path.parent_path(), store_.directory()) << name;
    EXPECT_EQ(upload.original_name.find('/'), std::string::npos) << name;
    EXPECT_EQ(upload.original_name.find('\\'), std::string::npos) << name;
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "etc"));
}

TEST_F(UploadStoreTest, RejectsNameWithControlCharacters) {
  EXPECT_THROW(store_.store(kPng, std::string("a\0.png", 6), kImages), ValidationError);
  EXPECT_THROW(store_.store(kPng, "a\n.png", kImages), ValidationError);
  EXPECT_THROW(store_.store(kPng, "\xff.png", kImages), ValidationError);
}

TEST(UploadStore, RejectsDirectoryInsideWebRoot) {
  testing::TempDir dir;
  EXPECT_THROW(UploadStore(dir.path() / "web" / "uploads", dir.path() / "web"),
               std::invalid_argument);
  EXPECT_THROW(UploadStore(dir.path() / "web", dir.path() / "web"), std::invalid_argument);
  EXPECT_NO_THROW(UploadStore(dir.path() / "uploads", dir.path() / "web"));
}

}  // namespace
}  // namespace techmarket::http
