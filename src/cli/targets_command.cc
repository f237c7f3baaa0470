// `mubiao targets FILE...`: the targets, outcomes and commitments of reports.

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "regions/gazetteer.h"
#include "report/report.h"
#include "store/export.h"
#include "targets/target.h"
#include "text/csv.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace mubiao::cli {
namespace {

using nlohmann::json;
using targets::Finding;

json ExtractionJson(const report::Report& r, const targets::Extraction& ex) {
  json out = {{"path", r.document.path},
              {"metadata", report::MetadataJson(r.metadata)},
              {"extractor_version", targets::kExtractorVersion}};
  json targets = json::array(), outcomes = json::array(), commitments = json::array();
  for (const store::StoredFinding& f : store::StoredFindingsOf(r, ex, 0)) {
    json j = targets::FindingJson(f.finding);
    j["key"] = f.key;
    switch (f.finding.kind) {
      case targets::FindingKind::kTarget:
        targets.push_back(std::move(j));
        break;
      case targets::FindingKind::kOutcome:
        outcomes.push_back(std::move(j));
        break;
      case targets::FindingKind::kCommitment:
        commitments.push_back(std::move(j));
        break;
    }
  }
  out["targets"] = std::move(targets);
  out["outcomes"] = std::move(outcomes);
  out["commitments"] = std::move(commitments);
  return out;
}

std::string Number(const std::optional<double>& v) { return v ? text::CsvNumber(*v) : ""; }

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
        << text::PadToColumns(f.unit, 14)
        << text::PadToColumns(quantity::ComparatorSymbol(f.cmp), 6)
        << text::PadToColumns(targets::ChangeLabel(f.change), 6)
        << text::PadToColumns(targets::StrengthLabel(f.strength), 8)
        << text::PadToColumns(targets::DueLabel(f), 12) << f.topic << "\n";
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
      std::cout << store::FindingsCsvHeader(false);
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
        std::cout << text::JsonText(ExtractionJson(*r, ex)) << "\n";
      } else if (opts->format == "csv") {
        for (const store::StoredFinding& f : store::StoredFindingsOf(*r, ex, 0)) {
          std::cout << store::FindingCsvLine(f);
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
