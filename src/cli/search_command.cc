// `mubiao search QUERY...`: full-text search over the database, with filters,
// ranking, highlighted snippets and pages.

#include <unistd.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "regions/gazetteer.h"
#include "report/report.h"
#include "search/request.h"
#include "store/export.h"
#include "store/sql_store.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace mubiao::cli {
namespace {

// The help text of `mubiao search`.
constexpr char kSearchHelp[] =
    "Full-text search. QUERY: words (all must occur), \"a phrase\", a OR b, -excluded. "
    "Any Chinese word of one or more characters finds exactly the documents containing it.";

using nlohmann::json;

// The snippet with its highlights between `open` and `close`.
std::string Marked(const search::SearchHit& hit, const char* open, const char* close) {
  std::string out;
  size_t at = 0;
  for (const text::Span& h : hit.highlights) {
    out +=
        hit.snippet.substr(at, h.begin - at) + open + hit.snippet.substr(h.begin, h.size()) + close;
    at = h.end;
  }
  return out + hit.snippet.substr(at);
}

json ResultsJson(const search::SearchRequest& request, const search::SearchResults& results) {
  json hits = json::array();
  for (const search::SearchHit& hit : results.hits) hits.push_back(store::SearchHitJson(hit));
  return {{"query", request.query},
          {"total", results.total},
          {"offset", request.offset},
          {"limit", request.limit},
          {"hits", hits}};
}

void PrintText(const search::SearchRequest& request, const search::SearchResults& results) {
  const bool terminal = isatty(STDOUT_FILENO) == 1;
  const char* open = terminal ? "\033[1;31m" : "【";
  const char* close = terminal ? "\033[0m" : "】";
  if (results.total == 0) {
    std::cout << "no documents match\n";
    return;
  }
  const int64_t first = request.offset + 1;
  const int64_t last = request.offset + static_cast<int64_t>(results.hits.size());
  std::cout << results.total << " documents match";
  if (results.hits.empty()) {
    std::cout << "; page past the last one\n";
    return;
  }
  std::cout << "; " << first << "-" << last << ":\n";
  int64_t n = first;
  for (const search::SearchHit& hit : results.hits) {
    std::cout << "\n" << n++ << ". " << hit.title << "\n   " << hit.locality;
    if (!hit.region_code.empty()) std::cout << " " << hit.region_code;
    std::cout << " · " << regions::RegionLevelLabel(hit.level);
    if (hit.geo != regions::GeoRegion::kNone) std::cout << " · " << regions::GeoRegionName(hit.geo);
    std::cout << " · " << hit.year;
    if (!hit.date.empty()) std::cout << " · " << hit.date;
    std::cout << "\n   " << Marked(hit, open, close) << "\n   " << hit.source_path << "\n";
  }
}

}  // namespace

void AddSearchCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> words;
    std::string db = kDefaultDatabase;
    std::string region;
    std::string geo;
    std::string level;
    std::string years;
    std::string type;
    int page = 1;
    int per_page = 10;
    std::string format = "text";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("search", kSearchHelp);
  cmd->add_option("query", opts->words,
                  "The query (several arguments are joined by spaces; quote a query with "
                  "exclusions: '养老 -疫情')")
      ->required();
  AddDatabaseOption(cmd, &opts->db);
  cmd->add_option("--region", opts->region,
                  "Region code or name; matches everything under it (410000 or 河南 → the "
                  "province, its cities and counties)");
  cmd->add_option("--geo", opts->geo,
                  "Geographic region: huabei dongbei huadong huazhong huanan xinan xibei (or "
                  "华北 ... 西北)");
  cmd->add_option("--level", opts->level, "national, province, prefecture or county")
      ->check(CLI::IsMember({"national", "province", "prefecture", "county"}));
  cmd->add_option("--year", opts->years, "A year or a range: 2023, 2020-2023, 2020-, -2023");
  cmd->add_option("--type", opts->type,
                  "work_report, communique, five_year_plan, resolution or other")
      ->check(CLI::IsMember(DocTypeKeys()));
  cmd->add_option("--page", opts->page, "Page number, from 1")->check(CLI::Range(1, 100000));
  cmd->add_option("--per-page", opts->per_page, "Results per page")
      ->check(CLI::Range(1, search::kMaxSearchLimit));
  cmd->add_option("--format", opts->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts] {
    search::SearchRequest request;
    for (const std::string& word : opts->words) {
      request.query += (request.query.empty() ? "" : " ") + word;
    }
    request.filters.region_code = RegionCodeOption(opts->region);
    if (!opts->geo.empty()) {
      const regions::GeoRegion geo = regions::GeoRegionFromKey(opts->geo);
      if (geo == regions::GeoRegion::kNone) {
        Fail("--geo",
             "unknown geographic region \"" + opts->geo +
                 "\"; use huabei, dongbei, huadong, huazhong, huanan, xinan or xibei",
             kExitUsage);
      }
      request.filters.geo = geo;
    }
    if (!opts->level.empty()) request.filters.level = regions::ParseRegionLevel(opts->level);
    if (!opts->type.empty()) request.filters.doc_type = report::ParseDocTypeKey(opts->type);
    YearRangeOption(opts->years, &request.filters);
    if (static_cast<int64_t>(opts->page - 1) * opts->per_page > search::kMaxSearchOffset) {
      Fail("--page", std::to_string(opts->page) + " is too far; narrow the search instead",
           kExitUsage);
    }
    request.limit = opts->per_page;
    request.offset = (opts->page - 1) * opts->per_page;

    Result<std::unique_ptr<store::Store>> store =
        store::OpenStore(opts->db, store::OpenMode::kMustExist);
    if (!store.ok()) Fail("", store.status().message());
    Result<search::SearchResults> results = (*store)->Search(request);
    if (!results.ok()) Fail("", results.status().message());
    if (opts->format == "json") {
      std::cout << text::JsonText(ResultsJson(request, *results)) << "\n";
    } else {
      PrintText(request, *results);
    }
  });
}

}  // namespace mubiao::cli
