#include <gtest/gtest.h>

#include "report/importer.h"

namespace mubiao::report {
namespace {

TEST(JsonLinesImporter, ReadsRowsAndKeepsGoingPastBadOnes) {
  auto file = ImportJsonLines(
      "{\"title\": \"示例报告\", \"content\": \"各位代表：\\n\\n一、回顾\", \"year\": 2024, "
      "\"url\": \"https://example.invalid\"}\n"
      "not json\n"
      "{\"title\": \"无内容\"}\n"
      "{\"content\": \"第二篇\", \"year\": null}\n");
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ(file->documents.size(), 2u);
  EXPECT_EQ(file->documents[0].title, "示例报告");
  EXPECT_EQ(file->documents[0].year, 2024);
  EXPECT_EQ(file->documents[0].blocks.size(), 2u);
  EXPECT_EQ(file->documents[0].path, "#1");
  EXPECT_FALSE(file->documents[1].year.has_value());
  ASSERT_EQ(file->errors.size(), 2u);
  EXPECT_EQ(file->errors[0], "line 2: not a JSON object");
  EXPECT_EQ(file->errors[1], "line 3: no \"content\" string");
}

TEST(JsonLinesImporter, NoUsableRowIsAnError) { EXPECT_FALSE(ImportJsonLines("[1,2]\n").ok()); }

}  // namespace
}  // namespace mubiao::report
