#include "text/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mubiao::text {
namespace {

TEST(JsonText, KeepsChineseAndReplacesInvalidUtf8) {
  const nlohmann::json value = {{"单位", "万元"},
                                {"bad", std::string("a\xff"
                                                    "b")}};
  EXPECT_EQ(JsonText(value),
            "{\"bad\":\"a\xEF\xBF\xBD"
            "b\",\"单位\":\"万元\"}");
}

TEST(JsonText, IndentsWhenAsked) {
  EXPECT_EQ(JsonText(nlohmann::json{{"a", 1}}, 2), "{\n  \"a\": 1\n}");
}

}  // namespace
}  // namespace mubiao::text
