#include <gtest/gtest.h>

#include "report/importer.h"

namespace mubiao::report {
namespace {

using namespace std::string_literals;

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

// Regression: one row with a NUL byte made the whole file "binary data".
TEST(JsonLinesImporter, BinaryJunkInARowRejectsOnlyThatRow) {
  const std::string good = "{\"title\": \"示例报告\", \"content\": \"各位代表：一、回顾\"}\n";
  const std::string rows = good + "{\"content\": \"第二\0篇\"}\n"s +  // raw NUL byte
                           "\x89PNG\r\n" +                            // binary junk, cut at \n
                           "\xC3\x28\xA0\xA1 abc\n" +                 // invalid UTF-8
                           "{\"content\": \"abc\\u0000def\"}\n" +     // NUL as an escape
                           good;
  for (auto imported : {ImportJsonLines(rows), ImportBytes(rows, "national.jsonl")}) {
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    ASSERT_EQ(imported->documents.size(), 2u);
    EXPECT_EQ(imported->documents[1].text, "各位代表：一、回顾");
    EXPECT_TRUE(imported->documents[1].path.ends_with("#6")) << imported->documents[1].path;
    ASSERT_EQ(imported->errors.size(), 4u);
    EXPECT_EQ(imported->errors[0], "line 2: binary data, not text (contains NUL bytes)");
    EXPECT_EQ(imported->errors[1], "line 3: not a JSON object");
    EXPECT_TRUE(imported->errors[2].starts_with("line 4: not valid UTF-8")) << imported->errors[2];
    EXPECT_EQ(imported->errors[3], "line 5: \"content\" is binary data, not text");
  }
}

TEST(JsonLinesImporter, RowsInGb18030AndFilesInUtf16) {
  // {"content": "粮食"} with the characters in GB18030.
  const std::string gb = "{\"content\": \"\xC1\xB8\xCA\xB3\"}\n";
  auto rows = ImportJsonLines(gb);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->documents[0].text, "粮食");
  EXPECT_EQ(rows->documents[0].encoding, "GB18030");

  // The same row in UTF-16LE with a BOM: decoded whole before rows are cut.
  std::string utf16("\xFF\xFE", 2);
  for (char c : std::string("{\"content\": \"")) utf16 += std::string{c, '\0'};
  utf16 += "\xAE\x7C\xDF\x98";  // 粮食
  for (char c : std::string("\"}\n")) utf16 += std::string{c, '\0'};
  auto file = ImportBytes(utf16, "rows.jsonl");
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ(file->documents.size(), 1u);
  EXPECT_EQ(file->documents[0].text, "粮食");
  EXPECT_EQ(file->documents[0].encoding, "UTF-16LE");
}

TEST(JsonLinesImporter, NoUsableRowIsAnError) { EXPECT_FALSE(ImportJsonLines("[1,2]\n").ok()); }

}  // namespace
}  // namespace mubiao::report
