// `mubiao targets FILE...`: the targets, outcomes and commitments of reports.

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "regions/gazetteer.h"
#include "report/report.h"
#include "targets/target.h"
#include "text/csv.h"
#include "text/utf8.h"

namespace mubiao::cli {
namespace {

using nlohmann::json;
using targets::Finding;

json FindingJson(const Finding& f) {
  json j = {{"text", f.text},         {"start", f.span.begin}, {"end", f.span.end},
            {"sentence", f.sentence}, {"section", f.section},  {"indicator", f.indicator},
            {"year", f.year}};
  if (f.value) j["value"] = *f.value;
  if (f.value_max) j["value_max"] = *f.value_max;
  for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"unit", &f.unit},
                                   {"cmp", &f.cmp},
                                   {"change", &f.change},
                                   {"strength", &f.strength},
                                   {"deadline", &f.deadline},
                                   {"topic", &f.topic}}) {
    if (!value->empty()) j[key] = *value;
  }
  return j;
}

json ExtractionJson(const report::Report& r, const targets::Extraction& ex) {
  const report::ReportMetadata& m = r.metadata;
  json out = {{"path", r.document.path},
              {"metadata",
               {{"type", report::DocTypeName(m.type)},
                {"title", m.title},
                {"locality", m.locality},
                {"province", m.province},
                {"region_code", m.region_code},
                {"level", regions::RegionLevelName(m.level)},
                {"year", m.year},
                {"date", m.date}}},
              {"offsets", "bytes of the document text (UTF-8), half-open [start, end)"},
              {"extractor_version", targets::kExtractorVersion}};
  for (const auto& [key, list] :
       {std::pair<const char*, const std::vector<Finding>*>{"targets", &ex.targets},
        {"outcomes", &ex.outcomes},
        {"commitments", &ex.commitments}}) {
    json items = json::array();
    for (const Finding& f : *list) items.push_back(FindingJson(f));
    out[key] = items;
  }
  return out;
}

std::string Number(const std::optional<double>& v) {
  if (!v) return "";
  std::ostringstream s;
  s << std::setprecision(15) << *v;
  return s.str();
}

void PrintCsvRow(const report::Report& r, const Finding& f, std::ostream& out) {
  const std::vector<std::string> fields = {r.document.path,
                                           r.metadata.locality,
                                           r.metadata.region_code,
                                           std::to_string(r.metadata.year),
                                           std::string(targets::FindingKindName(f.kind)),
                                           f.text,
                                           f.indicator,
                                           Number(f.value),
                                           Number(f.value_max),
                                           f.unit,
                                           f.cmp,
                                           f.change,
                                           f.strength,
                                           f.deadline,
                                           f.topic,
                                           f.section,
                                           f.sentence,
                                           std::to_string(f.span.begin),
                                           std::to_string(f.span.end)};
  std::vector<std::string> cells;
  for (const std::string& field : fields) cells.push_back(text::CsvCell(field));
  out << text::CsvLine(cells);
}

void PrintTable(const report::Report& r, const targets::Extraction& ex, std::ostream& out) {
  out << r.document.path << "  " << r.metadata.locality << " " << r.metadata.year << "  ("
      << ex.targets.size() << " targets, " << ex.outcomes.size() << " outcomes, "
      << ex.commitments.size() << " commitments)\n";
  out << "  " << text::PadToColumns("指标", 28) << text::PadToColumns("数值", 16)
      << text::PadToColumns("单位", 14) << text::PadToColumns("比较", 6)
      << text::PadToColumns("变化", 6) << text::PadToColumns("力度", 8)
      << text::PadToColumns("期限", 12) << "领域\n";
  for (const Finding& f : ex.targets) {
    out << "  " << text::PadToColumns(f.indicator, 28)
        << text::PadToColumns(Number(f.value) + (f.value_max ? "-" + Number(f.value_max) : ""), 16)
        << text::PadToColumns(f.unit, 14) << text::PadToColumns(f.cmp, 6)
        << text::PadToColumns(f.change, 6) << text::PadToColumns(f.strength, 8)
        << text::PadToColumns(f.deadline, 12) << f.topic << "\n";
  }
  for (const Finding& f : ex.commitments) out << "  [承诺] " << f.text << "\n";
}

}  // namespace

void AddTargetsCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "table";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "targets", "Extract targets (plan), outcomes (review) and qualitative commitments");
  cmd->add_option("paths", opts->paths, "Files or folders (folders are read recursively)")
      ->required();
  cmd->add_option("--format", opts->format,
                  "json (one object per document per line), csv (UTF-8 with BOM, for Excel) "
                  "or table")
      ->check(CLI::IsMember({"json", "csv", "table"}));
  cmd->callback([opts] {
    BatchSummary summary;
    if (opts->format == "csv") {
      std::cout << text::kUtf8Bom
                << "path,locality,region_code,year,kind,text,indicator,value,value_max,unit,cmp,"
                   "change,strength,deadline,topic,section,sentence,start,end\r\n";
    }
    ForEachDocument(opts->paths, &summary, [&](report::Document doc) {
      std::string path = doc.path;
      auto r = report::AnalyzeDocument(std::move(doc), regions::Gazetteer::Builtin());
      if (!r.ok()) {
        summary.Fail(path, r.status().message());
        return;
      }
      summary.Succeed();
      targets::Extraction ex = targets::Extract(*r);
      if (opts->format == "json") {
        std::cout << ExtractionJson(*r, ex).dump(-1, ' ', false, json::error_handler_t::replace)
                  << "\n";
      } else if (opts->format == "csv") {
        for (const auto* list : {&ex.targets, &ex.outcomes, &ex.commitments}) {
          for (const Finding& f : *list) PrintCsvRow(*r, f, std::cout);
        }
      } else {
        PrintTable(*r, ex, std::cout);
      }
    });
    summary.Print("documents", std::cerr);
    if (summary.failed() > 0) Exit(kExitFailed);
  });
}

}  // namespace mubiao::cli
