// What a command was given: the files it walks (keeping score of a batch)
// and option values read the same way by every command.
#ifndef MUBIAO_CLI_INPUTS_H_
#define MUBIAO_CLI_INPUTS_H_

#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "report/document.h"
#include "search/request.h"

namespace mubiao::cli {

// Successes and failures of a batch. Failures are printed as they happen, one
// line each ("mubiao: FILE: error: REASON", cli/errors.h, escaped so that a
// newline in a file name cannot split the line), and summarised at the end.
class BatchSummary {
 public:
  void Succeed() { ++succeeded_; }
  // Records and prints (to stderr) one failure.
  void Fail(const std::string& path, const std::string& reason);
  int succeeded() const { return succeeded_; }
  int failed() const { return failed_; }
  // "N parsed, M failed (K empty file, ...)" on one line.
  void Print(const std::string& verb, std::ostream& out) const;

 private:
  int succeeded_ = 0;
  int failed_ = 0;
  std::map<std::string, int> reasons_;
};

// The files under `paths`: files as given, folders read recursively (their
// regular files, in name order). A folder that cannot be listed is recorded
// as a failure in `summary`.
std::vector<std::filesystem::path> ListFiles(const std::vector<std::string>& paths,
                                             BatchSummary* summary);

// Imports every file under `paths` (files, or folders read recursively in
// name order) and calls `fn` for each document. Files that cannot be
// imported, and bad JSON Lines rows, are recorded as failures in `summary`.
void ForEachDocument(const std::vector<std::string>& paths, BatchSummary* summary,
                     const std::function<void(report::Document)>& fn);

// The code of a --region value, a six-digit code or a name (河南省, 河南,
// 新郑市); "" for "". Fails the command (kExitUsage) when it is neither.
std::string RegionCodeOption(const std::string& region);

// The keys --type takes: work_report, communique, five_year_plan, resolution,
// other.
std::vector<std::string> DocTypeKeys();

// Sets the years of `filters` from a --year value (2023, 2020-2023, 2020-,
// -2023); "" leaves them. Fails the command (kExitUsage) on anything else.
void YearRangeOption(const std::string& years, search::SearchFilters* filters);

// Who an --author or --by option names: `given`, else who runs the
// command: $USER, else the name of the account (a container or a cron job
// often has no $USER); "" when none is known.
std::string WhoOption(const std::string& given);

// Reads a new password: twice without echo on a terminal (exits with a
// usage error when they differ), else one line of stdin.
std::string ReadPassword();

}  // namespace mubiao::cli

#endif  // MUBIAO_CLI_INPUTS_H_
