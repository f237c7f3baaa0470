#include "report/testing.h"

#include <gtest/gtest.h>

namespace mubiao::report::testing {

std::string TextOf(const Result<Document>& doc) {
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? doc->text : "";
}

std::vector<std::string> BlockTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) out.emplace_back(doc.Slice(b.span));
  return out;
}

std::vector<std::string> BlockOutline(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) {
    out.push_back(std::string(BlockKindName(b.kind)) + " " + std::to_string(b.level) + ": " +
                  std::string(doc.Slice(b.span)));
  }
  return out;
}

}  // namespace mubiao::report::testing
