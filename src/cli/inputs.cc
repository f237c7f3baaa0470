#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>

#include "cli/errors.h"
#include "regions/gazetteer.h"
#include "report/importer.h"
#include "text/utf8.h"

namespace mubiao::cli {

void BatchSummary::Fail(const std::string& path, const std::string& reason) {
  ++failed_;
  const std::string shown = text::EscapeForDisplay(reason);
  // Group reasons without their variable parts ("near byte 12").
  std::string key = shown.substr(0, shown.find_first_of("(0123456789"));
  while (!key.empty() && key.back() == ' ') key.pop_back();
  ++reasons_[key];
  PrintError(path, reason);
}

void BatchSummary::Print(const std::string& verb, std::ostream& out) const {
  out << succeeded_ << " " << verb << ", " << failed_ << " failed";
  if (!reasons_.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [reason, n] : reasons_) {
      out << (first ? "" : "; ") << n << " " << reason;
      first = false;
    }
    out << ")";
  }
  out << "\n";
}

std::vector<std::filesystem::path> ListFiles(const std::vector<std::string>& paths,
                                             BatchSummary* summary) {
  std::vector<std::filesystem::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> found;
      for (auto it = std::filesystem::recursive_directory_iterator(
               p, std::filesystem::directory_options::skip_permission_denied, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) found.push_back(it->path());
      }
      if (ec) summary->Fail(p, "cannot list folder: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(p);
    }
  }
  return files;
}

void ForEachDocument(const std::vector<std::string>& paths, BatchSummary* summary,
                     const std::function<void(report::Document)>& fn) {
  for (const auto& file : ListFiles(paths, summary)) {
    Result<report::ImportedFile> imported = report::ImportFile(file);
    if (!imported.ok()) {
      summary->Fail(file.string(), imported.status().message());
      continue;
    }
    for (const std::string& row_error : imported->errors) summary->Fail(file.string(), row_error);
    for (report::Document& doc : imported->documents) fn(std::move(doc));
  }
}

std::string RegionCodeOption(const std::string& region) {
  if (region.empty()) return "";
  std::string code = regions::Gazetteer::Builtin().CodeOf(region);
  if (code.empty()) {
    Fail("--region", "unknown region \"" + region + "\"; give a name or a six-digit code",
         kExitUsage);
  }
  return code;
}

std::vector<std::string> DocTypeKeys() {
  std::vector<std::string> keys;
  for (report::DocType t : report::kAllDocTypes) keys.emplace_back(report::DocTypeKey(t));
  return keys;
}

void YearRangeOption(const std::string& years, search::SearchFilters* filters) {
  if (years.empty()) return;
  const std::optional<search::YearRange> range = search::ParseYearRange(years);
  if (!range) {
    Fail("--year",
         "must be YEAR or FIRST-LAST, years 1949-2100 (e.g. 2023, 2020-2023, 2020-), got \"" +
             years + "\"",
         kExitUsage);
  }
  filters->year_min = range->first;
  filters->year_max = range->last;
}

}  // namespace mubiao::cli
