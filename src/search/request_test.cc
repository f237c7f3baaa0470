#include "search/request.h"

#include <gtest/gtest.h>

namespace mubiao::search {
namespace {

TEST(RequestTest, FilterYearsAreFourDigitsInRange) {
  const std::pair<std::string_view, int> cases[] = {{"2023", 2023}, {"1949", 1949},  {"2100", 2100},
                                                    {"1948", 0},    {"2101", 0},     {"23", 0},
                                                    {"02023", 0},   {"２０２３", 0}, {"", 0}};
  for (const auto& [text, year] : cases) EXPECT_EQ(ParseFilterYear(text), year) << text;
}

TEST(RequestTest, YearRangesOpenAtEitherEnd) {
  // ValidateRequest, not the parser, says that 2023-2020 is empty.
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"2023", "2023..2023"}, {"2020-2023", "2020..2023"}, {"2020-", "2020..0"},
      {"-2023", "0..2023"},   {"2023-2020", "2023..2020"}, {"-", "none"},
      {"", "none"},           {"20-2023", "none"},         {"2020-2023-2024", "none"},
      {"二〇二三", "none"}};
  for (const auto& [text, expected] : cases) {
    std::optional<YearRange> r = ParseYearRange(text);
    EXPECT_EQ(r ? std::to_string(r->first) + ".." + std::to_string(r->last) : "none", expected)
        << text;
  }
}

TEST(RequestTest, RegionCodesAreSixDigits) {
  SearchRequest request;
  request.filters.region_code = "410000";
  EXPECT_TRUE(ValidateRequest(request).ok());
  request.filters.region_code = "41000";
  EXPECT_FALSE(ValidateRequest(request).ok());
}

}  // namespace
}  // namespace mubiao::search
