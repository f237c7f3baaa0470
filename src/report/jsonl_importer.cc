// JSON Lines: one document per line, {"title", "content", "year", "url"}.

#include <nlohmann/json.hpp>

#include "report/importer.h"
#include "text/encoding.h"
#include "text/utf8.h"

namespace mubiao::report {

Result<ImportedFile> ImportJsonLines(std::string_view bytes) {
  ImportedFile file;
  size_t pos = 0;
  int line_number = 0;
  while (pos < bytes.size()) {
    // A newline byte is a newline in UTF-8 and GB18030 alike, so rows can be
    // cut before they are decoded, each on its own.
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view raw = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (text::TrimSpace(raw).empty()) continue;
    const std::string where = "line " + std::to_string(line_number) + ": ";
    Result<text::DecodedText> decoded = text::DecodeToUtf8(raw);
    if (!decoded.ok()) {
      file.errors.push_back(where + decoded.status().message());
      continue;
    }
    const std::string_view line = text::TrimSpace(decoded->utf8);
    nlohmann::json row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded() || !row.is_object()) {
      file.errors.push_back(where + "not a JSON object");
      continue;
    }
    auto content = row.find("content");
    if (content == row.end() || !content->is_string()) {
      file.errors.push_back(where + "no \"content\" string");
      continue;
    }
    const std::string& content_text = content->get_ref<const std::string&>();
    // \u0000 and other escapes can put binary junk into a well-formed row.
    if (content_text.find('\0') != std::string::npos || !text::LooksLikeText(content_text)) {
      file.errors.push_back(where + "\"content\" is binary data, not text");
      continue;
    }
    Result<Document> doc = ImportPlainText(content_text);
    if (!doc.ok()) {
      file.errors.push_back(where + doc.status().message());
      continue;
    }
    doc->format = SourceFormat::kJsonLines;
    doc->encoding = decoded->encoding;
    doc->path = "#" + std::to_string(line_number);
    if (auto title = row.find("title"); title != row.end() && title->is_string()) {
      doc->title = title->get<std::string>();
    }
    if (auto url = row.find("url"); url != row.end() && url->is_string()) {
      doc->source_url = url->get<std::string>();
    }
    if (auto year = row.find("year"); year != row.end() && year->is_number_integer()) {
      doc->year = year->get<int>();
    }
    file.documents.push_back(std::move(doc).value());
  }
  if (file.documents.empty()) {
    return InvalidInput(file.errors.empty() ? "no JSON Lines rows"
                                            : "no usable JSON Lines row (" + file.errors[0] + ")");
  }
  return file;
}

}  // namespace mubiao::report
