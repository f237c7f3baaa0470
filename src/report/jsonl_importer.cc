// JSON Lines: one document per line, {"title", "content", "year", "url"}.

#include <nlohmann/json.hpp>

#include "report/importer.h"
#include "text/utf8.h"

namespace mubiao::report {

Result<ImportedFile> ImportJsonLines(std::string_view utf8) {
  ImportedFile file;
  size_t pos = 0;
  int line_number = 0;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view line = text::TrimSpace(utf8.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty()) continue;
    const std::string where = "line " + std::to_string(line_number) + ": ";
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
    Result<Document> doc = ImportPlainText(content->get_ref<const std::string&>());
    if (!doc.ok()) {
      file.errors.push_back(where + doc.status().message());
      continue;
    }
    doc->format = SourceFormat::kJsonLines;
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
