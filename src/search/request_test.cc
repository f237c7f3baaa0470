#include "search/request.h"

#include <gtest/gtest.h>

namespace mubiao::search {
namespace {

TEST(RequestTest, FilterYearsAreFourDigitsInRange) {
  EXPECT_EQ(ParseFilterYear("2023"), 2023);
  EXPECT_EQ(ParseFilterYear("1949"), 1949);
  EXPECT_EQ(ParseFilterYear("2100"), 2100);
  EXPECT_EQ(ParseFilterYear("1948"), 0);
  EXPECT_EQ(ParseFilterYear("2101"), 0);
  EXPECT_EQ(ParseFilterYear("23"), 0);
  EXPECT_EQ(ParseFilterYear("02023"), 0);
  EXPECT_EQ(ParseFilterYear("２０２３"), 0);
  EXPECT_EQ(ParseFilterYear(""), 0);
}

TEST(RequestTest, YearRangesOpenAtEitherEnd) {
  auto range = [](std::string_view text) {
    std::optional<YearRange> r = ParseYearRange(text);
    return r ? std::to_string(r->first) + ".." + std::to_string(r->last) : "none";
  };
  EXPECT_EQ(range("2023"), "2023..2023");
  EXPECT_EQ(range("2020-2023"), "2020..2023");
  EXPECT_EQ(range("2020-"), "2020..0");
  EXPECT_EQ(range("-2023"), "0..2023");
  EXPECT_EQ(range("2023-2020"), "2023..2020");  // ValidateRequest says it is empty
  EXPECT_EQ(range("-"), "none");
  EXPECT_EQ(range(""), "none");
  EXPECT_EQ(range("20-2023"), "none");
  EXPECT_EQ(range("2020-2023-2024"), "none");
  EXPECT_EQ(range("二〇二三"), "none");
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
