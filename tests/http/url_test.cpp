#include "http/url.h"

#include <gtest/gtest.h>

namespace techmarket::http {
namespace {

TEST(QueryString, DecodesPlusAndPercentEscapes) {
  auto query = parse_query_string("q=c%C3%B4ng+ngh%E1%BB%87&limit=5");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->find("q")->second, "công nghệ");
  EXPECT_EQ(query->find("limit")->second, "5");
}

TEST(QueryString, KeepsRepeatedNames) {
  auto query = parse_query_string("kind=a&kind=b");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->count("kind"), 2u);
}

TEST(QueryString, RejectsMalformedEscape) {
  EXPECT_FALSE(parse_query_string("q=%G1"));
  EXPECT_FALSE(parse_query_string("q=%4"));
}

TEST(PathDecoding, KeepsPlusInPaths) { EXPECT_EQ(percent_decode("/a+b/%20", false), "/a+b/ "); }

}  // namespace
}  // namespace techmarket::http
