#include "store/index_terms.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "store/testing.h"
#include "text/utf8.h"

namespace mubiao::store {
namespace {

// `n` CJK ideographs drawn from a fixed pseudo-random sequence.
std::string RandomCharacters(size_t n) {
  std::string out;
  uint32_t state = 12345;
  for (size_t i = 0; i < n; ++i) {
    state = state * 1664525u + 1013904223u;
    text::AppendUtf8(0x4E00 + (state >> 8) % 0x51A6, &out);
  }
  return out;
}

TEST(IndexTerms, CountsTheDistinctTermsOfTheWordIndex) {
  // 碳达 达峰 峰碳 碳达 达峰 峰: the last character of a run stands alone.
  EXPECT_EQ(CountIndexTerms({"碳达峰碳达峰"}, kMaxIndexTerms), 4u);
  // gdp 增长 长 5.5 gdp: words once however often they occur.
  EXPECT_EQ(CountIndexTerms({"GDP增长5.5%，GDP"}, kMaxIndexTerms), 4u);
  // Columns share one vocabulary: 粮食 食 | 粮食 食安 安全 全.
  EXPECT_EQ(CountIndexTerms({"粮食", "粮食安全"}, kMaxIndexTerms), 5u);
  EXPECT_EQ(CountIndexTerms({"", "，。"}, kMaxIndexTerms), 0u);
}

// The work of indexing a document follows its distinct terms: constant for
// report text however long, one per character for random characters.
TEST(IndexTerms, ReportTextRepeatsItsTermsRandomCharactersDoNot) {
  const std::string report = testing::MarkdownReport("新郑市", 2023, "新增城镇就业6000人。", 20);
  std::string long_report;
  for (int i = 0; i < 100; ++i) long_report += report;
  const size_t once = CountIndexTerms({report}, kMaxIndexTerms);
  EXPECT_GT(once, 100u);
  EXPECT_EQ(CountIndexTerms({long_report}, kMaxIndexTerms), once);

  const size_t small = CountIndexTerms({RandomCharacters(10'000)}, kMaxIndexTerms);
  const size_t large = CountIndexTerms({RandomCharacters(40'000)}, kMaxIndexTerms);
  EXPECT_GT(small, 9'900u);
  EXPECT_GT(large, 39'500u);
}

TEST(IndexTerms, CountingStopsJustPastTheLimit) {
  const std::string random = RandomCharacters(100'000);
  EXPECT_EQ(CountIndexTerms({random}, 1000), 1001u);
  EXPECT_EQ(CountIndexTerms({"粮食", random}, 1000), 1001u);
  EXPECT_EQ(CountIndexTerms({random}, 0), 1u);
}

}  // namespace
}  // namespace mubiao::store
