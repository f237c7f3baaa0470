// `mubiao documents`: what a database holds, one line (or JSON object) per
// report, with every source it was read from.

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "report/report.h"
#include "store/export.h"
#include "store/sql_store.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace mubiao::cli {
namespace {

// The help text of `mubiao documents`.
constexpr char kDocumentsHelp[] =
    "What the database holds, newest first: one line per report with its id, region code, "
    "year, type, date and title, then one line per source it was read from (the primary "
    "first)";

using nlohmann::json;

struct DocumentsOptions {
  std::string db = kDefaultDatabase;
  std::string region;
  std::string years;
  std::string type;
  std::string format = "table";
};

// "12  410184  2023  work_report  2023-02-27  新郑市人民政府工作报告", then one
// line per source: "         [markdown] /corpus/….md", the primary first.
void PrintRow(const store::DocumentSummary& d, const std::vector<store::DocumentSummary>& sources) {
  std::cout << text::PadToColumns(std::to_string(d.id), 7)
            << text::PadToColumns(d.region_code.empty() ? "-" : d.region_code, 8)
            << text::PadToColumns(d.year > 0 ? std::to_string(d.year) : "-", 6)
            << text::PadToColumns(report::DocTypeKey(d.doc_type), 15)
            << text::PadToColumns(d.date.empty() ? "-" : d.date, 12) << d.title << "\n";
  for (const store::DocumentSummary& s : sources) {
    std::cout << "       " << text::PadToColumns(std::to_string(s.id), 7) << "[" << s.source_format
              << "] " << text::EscapeForDisplay(s.source_path) << "\n";
  }
}

// The report's summary with the sources it was read from (SourceJson and
// the whole path).
json DocumentsJson(const store::DocumentSummary& d,
                   const std::vector<store::DocumentSummary>& sources) {
  json j = store::DocumentSummaryJson(d);
  j["sources"] = json::array();
  for (const store::DocumentSummary& s : sources) {
    json source = store::SourceJson(s);
    source["path"] = s.source_path;
    j["sources"].push_back(std::move(source));
  }
  return j;
}

void ListDocuments(const DocumentsOptions& o) {
  store::DocumentFilter filter;
  filter.filters.region_code = RegionCodeOption(o.region);
  YearRangeOption(o.years, &filter.filters);
  if (!o.type.empty()) filter.filters.doc_type = report::ParseDocTypeKey(o.type);
  filter.limit = store::kMaxListLimit;
  Result<std::unique_ptr<store::Store>> store = store::OpenStore(o.db, store::OpenMode::kMustExist);
  if (!store.ok()) Fail(o.db, store.status().message());
  json all = json::array();
  for (;;) {
    Result<store::DocumentPage> page = (*store)->ListDocuments(filter);
    if (!page.ok()) Fail(o.db, page.status().message());
    for (const store::DocumentSummary& d : page->documents) {
      Result<std::vector<store::DocumentSummary>> sources = (*store)->ReportSources(d.id);
      if (!sources.ok()) Fail(o.db, sources.status().message());
      if (o.format == "json") {
        all.push_back(DocumentsJson(d, *sources));
      } else {
        PrintRow(d, *sources);
      }
    }
    filter.offset += static_cast<int>(page->documents.size());
    if (page->documents.empty() || filter.offset >= page->total) break;
  }
  if (o.format == "json") std::cout << text::JsonText(all, 2) << "\n";
}

}  // namespace

void AddDocumentsCommand(CLI::App& app) {
  auto opts = std::make_shared<DocumentsOptions>();
  CLI::App* cmd = app.add_subcommand("documents", kDocumentsHelp);
  AddDatabaseOption(cmd, &opts->db);
  cmd->add_option("--region", opts->region,
                  "Region code or name; matches everything under it (410000 or 河南)");
  cmd->add_option("--year", opts->years, "A year or a range: 2023, 2020-2023, 2020-, -2023");
  cmd->add_option("--type", opts->type,
                  "work_report, communique, five_year_plan, resolution or other")
      ->check(CLI::IsMember(DocTypeKeys()));
  cmd->add_option("--format", opts->format, "Output format: table or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([opts] { ListDocuments(*opts); });
}

}  // namespace mubiao::cli
