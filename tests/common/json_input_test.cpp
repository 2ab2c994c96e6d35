#include "common/json_input.h"

#include <gtest/gtest.h>

#include "common/errors.h"

namespace techmarket {
namespace {

TEST(StrictJson, ParsesVietnameseObject) {
  auto value = parse_strict_json(R"({"title": "Máy sấy nông sản", "trl": 6})");
  EXPECT_EQ(value["title"], "Máy sấy nông sản");
  EXPECT_EQ(value["trl"], 6);
}

TEST(StrictJson, RejectsDuplicateKeys) {
  try {
    parse_strict_json(R"({"title": "a", "title": "b"})");
    FAIL() << "expected BadRequestError";
  } catch (const BadRequestError& e) {
    EXPECT_NE(std::string(e.what()).find("\"title\" twice"), std::string::npos) << e.what();
  }
}

TEST(StrictJson, AllowsSameKeyInSiblingObjects) {
  EXPECT_NO_THROW(parse_strict_json(R"([{"a": 1}, {"a": 2}])"));
}

TEST(StrictJson, RejectsDeepNesting) {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  EXPECT_THROW(parse_strict_json(deep), BadRequestError);
}

TEST(StrictJson, AcceptsNestingAtTheLimit) {
  std::string nested(kMaxJsonDepth, '[');
  nested += std::string(kMaxJsonDepth, ']');
  EXPECT_NO_THROW(parse_strict_json(nested));
}

TEST(StrictJson, IgnoresBracketsInsideStrings) {
  std::string text = R"({"a": ")" + std::string(100, '[') + R"("})";
  EXPECT_NO_THROW(parse_strict_json(text));
}

TEST(StrictJson, RejectsInvalidUtf8) {
  EXPECT_THROW(parse_strict_json("{\"title\": \"\xC3\x28\"}"), BadRequestError);
}

TEST(StrictJson, RejectsMalformedJson) {
  EXPECT_THROW(parse_strict_json(R"({"title": )"), BadRequestError);
}

}  // namespace
}  // namespace techmarket
