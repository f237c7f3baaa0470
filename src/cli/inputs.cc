#include "cli/inputs.h"

#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/errors.h"
#include "regions/gazetteer.h"
#include "report/importer.h"
#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::cli {

namespace {

// What a failure's reason says without its variable parts, to count failures
// of one kind together: "near byte N", "line N: missing \"content\"", "not a
// government report".
std::string ReasonKind(std::string_view reason) {
  // Numbers standing as words are variable parts ("near byte 12", "line 3");
  // those inside a word ("UTF-16LE") are not.
  std::string kind;
  for (size_t i = 0; i < reason.size();) {
    const bool word_start = i == 0 || reason[i - 1] == ' ';
    size_t end = i;
    while (end < reason.size() && text::IsAsciiDigit(reason[end])) ++end;
    if (end > i && word_start && (end == reason.size() || !text::IsAsciiLetter(reason[end]))) {
      kind += 'N';
      i = end;
    } else {
      kind += reason[i++];
    }
  }
  // The detail after the first clause ("not a government report: TITLE")
  // or in brackets differs from file to file; a JSON Lines row keeps its
  // own first clause ("line N: \"content\" is binary data").
  const size_t clause = kind.starts_with("line N: ") ? kind.find(": ", 8) : kind.find(": ");
  kind = kind.substr(0, std::min(clause, kind.find(" (")));
  return kind;
}

}  // namespace

void BatchSummary::Fail(const std::string& path, const std::string& reason) {
  ++failed_;
  ++reasons_[ReasonKind(text::EscapeForDisplay(reason))];
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

std::string WhoOption(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  if (const passwd* account = getpwuid(getuid()); account != nullptr) return account->pw_name;
  return "";
}

std::string ReadPassword() {
  if (isatty(STDIN_FILENO) != 1) {
    std::string line;
    std::getline(std::cin, line);
    return line;
  }
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string first, second;
  std::cerr << "password: " << std::flush;
  std::getline(std::cin, first);
  std::cerr << "\nagain: " << std::flush;
  std::getline(std::cin, second);
  std::cerr << "\n";
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  if (first != second) Fail("", "the passwords differ", kExitUsage);
  return first;
}

}  // namespace mubiao::cli
