// `mubiao track`: every target with its verdict and evidence; `track
// escalation`: one indicator's targets across levels of government; `track
// override` and `track history`: a person's corrections of verdicts, kept
// as an append-only history.

#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "store/sqlite_store.h"
#include "text/csv.h"
#include "text/utf8.h"
#include "tracking/store_tracking.h"
#include "tracking/verdict.h"

namespace mubiao::cli {
namespace {

using nlohmann::json;
using tracking::TrackedTarget;

std::unique_ptr<store::Store> OpenExisting(const std::string& db) {
  Result<std::unique_ptr<store::Store>> s = store::OpenSqliteStore(db, store::OpenMode::kMustExist);
  if (!s.ok()) Fail("", s.status().message());
  return std::move(s).value();
}

std::string Number(double v) {
  std::ostringstream s;
  s << std::setprecision(10) << v;
  return s.str();
}

json FindingJson(const tracking::SourcedFinding& f) {
  json j = {{"document_id", f.document_id},   {"document_title", f.document_title},
            {"doc_type", f.doc_type},         {"source_path", f.source_path},
            {"region_code", f.region_code},   {"locality", f.locality},
            {"year", f.finding.year},         {"text", f.finding.text},
            {"sentence", f.finding.sentence}, {"start", f.finding.span.begin},
            {"end", f.finding.span.end},      {"indicator", f.finding.indicator},
            {"unit", f.finding.unit},         {"cmp", f.finding.cmp},
            {"change", f.finding.change}};
  if (f.finding.value) j["value"] = *f.finding.value;
  if (f.finding.value_max) j["value_max"] = *f.finding.value_max;
  return j;
}

json TrackedJson(const TrackedTarget& t) {
  const tracking::Verdict& v = t.verdict;
  json j = {{"key", t.key},
            {"status", tracking::StatusName(t.status)},
            {"derived_status", tracking::StatusName(v.status)},
            {"indicator_id", v.indicator_id},
            {"indicator_name", v.indicator_name},
            {"measure", v.measure},
            {"year", v.year},
            {"target", FindingJson(t.target)}};
  if (!v.rule.empty()) j["rule"] = v.rule;
  if (!v.reason.empty()) j["reason"] = v.reason;
  if (v.outcome) {
    j["outcome"] = FindingJson(*v.outcome);
    j["outcome_source"] = v.outcome_source;
  }
  json history = json::array();
  for (const store::VerdictOverride& o : t.overrides) {
    history.push_back({{"id", o.id},
                       {"status_before", o.status_before},
                       {"status_after", o.status_after},
                       {"author", o.author},
                       {"reason", o.reason},
                       {"created_at", o.created_at}});
  }
  j["overrides"] = history;
  return j;
}

const char kCsvHeader[] =
    "key,region_code,locality,year,indicator,canonical,measure,target,status,derived_status,rule,"
    "reason,outcome,outcome_source,outcome_document,outcome_start,outcome_end,overrides\r\n";

void PrintCsv(const TrackedTarget& t, std::ostream& out) {
  const tracking::Verdict& v = t.verdict;
  const std::vector<std::string> fields = {
      t.key,
      t.target.region_code,
      t.target.locality,
      std::to_string(v.year),
      t.target.finding.indicator,
      v.indicator_id,
      v.measure,
      t.target.finding.text,
      std::string(tracking::StatusName(t.status)),
      std::string(tracking::StatusName(v.status)),
      v.rule,
      v.reason,
      v.outcome ? v.outcome->finding.text : "",
      v.outcome_source,
      v.outcome ? v.outcome->document_title : "",
      v.outcome ? std::to_string(v.outcome->finding.span.begin) : "",
      v.outcome ? std::to_string(v.outcome->finding.span.end) : "",
      std::to_string(t.overrides.size())};
  std::vector<std::string> cells;
  for (const std::string& field : fields) cells.push_back(text::CsvCell(field));
  out << text::CsvLine(cells);
}

void PrintTableRow(const TrackedTarget& t, std::ostream& out) {
  const tracking::Verdict& v = t.verdict;
  std::string status(tracking::StatusName(t.status));
  if (!t.overrides.empty()) status += "*";
  out << text::PadToColumns(std::to_string(v.year), 6) << text::PadToColumns(t.target.locality, 14)
      << text::PadToColumns(
             v.indicator_name.empty() ? t.target.finding.indicator : v.indicator_name, 22)
      << text::PadToColumns(t.target.finding.text, 36) << text::PadToColumns(status, 16)
      << (v.rule.empty() ? v.reason : v.rule + " [" + v.outcome_source + "]");
  if (!t.overrides.empty()) {
    const store::VerdictOverride& last = t.overrides.back();
    out << " | overridden by " << last.author << ": " << last.reason;
  }
  out << "\n";
}

struct TrackOptions {
  std::string db = kDefaultDatabase;
  std::string region;
  int year = 0;
  std::string indicator;
  std::string format = "table";
  bool headlines = false;
  double points = tracking::Tolerance{}.points;
  double relative = tracking::Tolerance{}.relative;
};

tracking::TrackOptions Tracking(const TrackOptions& o) {
  tracking::TrackOptions t;
  t.tolerance.points = o.points;
  t.tolerance.relative = o.relative;
  return t;
}

void RunTrack(const TrackOptions& o) {
  std::unique_ptr<store::Store> store = OpenExisting(o.db);
  tracking::TrackQuery query;
  query.region_code = RegionCodeOption(o.region);
  query.year = o.year;
  query.indicator = o.indicator;
  query.commitments = !o.headlines;
  Result<std::vector<TrackedTarget>> tracked =
      tracking::TrackStored(store.get(), query, Tracking(o));
  if (!tracked.ok()) Fail("", tracked.status().message());
  std::vector<const TrackedTarget*> shown;
  if (o.headlines) {
    shown = tracking::Headlines(*tracked);
  } else {
    for (const TrackedTarget& t : *tracked) shown.push_back(&t);
  }
  if (o.format == "json") {
    for (const TrackedTarget* t : shown) {
      std::cout << TrackedJson(*t).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    }
    return;
  }
  if (o.format == "csv") {
    std::cout << text::kUtf8Bom << kCsvHeader;
    for (const TrackedTarget* t : shown) PrintCsv(*t, std::cout);
    return;
  }
  tracking::StatusCounts counts;
  std::cout << text::PadToColumns("年份", 6) << text::PadToColumns("地区", 14)
            << text::PadToColumns("指标", 22) << text::PadToColumns("目标", 36)
            << text::PadToColumns("状态", 16) << "依据 (rule or reason)\n";
  for (const TrackedTarget* t : shown) {
    PrintTableRow(*t, std::cout);
    counts.Add(t->status);
  }
  std::cout << shown.size() << " targets: " << counts.met << " met, " << counts.missed
            << " missed, " << counts.unverified << " unverified, " << counts.not_assessable
            << " not assessable (* = overridden; tolerance for 左右: " << Number(o.points)
            << " points, " << Number(o.relative * 100) << "% for amounts)\n";
}

void RunEscalation(const TrackOptions& o, const std::string& measure) {
  if (o.indicator.empty() || o.year == 0) {
    Fail("escalation", "needs --indicator and --year", kExitUsage);
  }
  std::unique_ptr<store::Store> store = OpenExisting(o.db);
  Result<tracking::Escalation> e = tracking::StoredEscalation(
      store.get(), o.indicator, o.year, measure, RegionCodeOption(o.region), Tracking(o));
  if (!e.ok()) Fail("", e.status().message());
  const std::string unit = e->measure == "growth" || e->measure == "points" ? "个百分点" : "";
  if (o.format == "json") {
    json rows = json::array();
    for (const tracking::EscalationRow& r : e->rows) {
      json row = {{"region_code", r.region_code},
                  {"locality", r.locality},
                  {"depth", r.depth},
                  {"value", r.value},
                  {"target", TrackedJson(r.target)}};
      if (r.parent) row["parent_region_code"] = e->rows[*r.parent].region_code;
      if (r.markup) row["markup"] = *r.markup;
      rows.push_back(row);
    }
    std::cout << json{{"indicator_id", e->indicator_id},
                      {"indicator_name", e->indicator_name},
                      {"measure", e->measure},
                      {"year", e->year},
                      {"rows", rows}}
                     .dump(-1, ' ', false, json::error_handler_t::replace)
              << "\n";
    return;
  }
  if (o.format == "csv") {
    std::cout << text::kUtf8Bom
              << "region_code,locality,depth,parent_region_code,target,value,markup,status\r\n";
    for (const tracking::EscalationRow& r : e->rows) {
      std::cout << r.region_code << "," << text::CsvCell(r.locality) << "," << r.depth << ","
                << (r.parent ? e->rows[*r.parent].region_code : "") << ","
                << text::CsvCell(r.target.target.finding.text) << "," << Number(r.value) << ","
                << (r.markup ? Number(*r.markup) : "") << ","
                << tracking::StatusName(r.target.status) << "\r\n";
    }
    return;
  }
  std::cout << e->indicator_name << " (" << e->measure << ") " << e->year << ": " << e->rows.size()
            << " governments with a target\n";
  for (const tracking::EscalationRow& r : e->rows) {
    std::string markup = r.markup ? (*r.markup >= 0 ? "+" : "") + Number(*r.markup) + unit : "";
    if (r.parent) markup += " vs " + e->rows[*r.parent].locality;
    std::cout << std::string(2 * r.depth, ' ') << text::PadToColumns(r.locality, 16 - 2 * r.depth)
              << text::PadToColumns(r.target.target.finding.text, 36)
              << text::PadToColumns(markup, 30) << tracking::StatusName(r.target.status) << "\n";
  }
}

}  // namespace

void AddTrackCommand(CLI::App& app) {
  auto opts = std::make_shared<TrackOptions>();
  CLI::App* cmd = app.add_subcommand(
      "track",
      "Targets with their verdicts (met, missed, unverified, not_assessable) and evidence: each "
      "target of year N against the outcome of year N from the statistical communiqué or the "
      "next year's report");
  auto common = [&](CLI::App* c) {
    c->add_option("--db", opts->db, "Database file (made by mubiao import)");
    c->add_option("--region", opts->region,
                  "A region (code or name) and everything under it; 000000 for all");
    c->add_option("--year", opts->year, "Plan year of the targets")->check(CLI::Range(1949, 2100));
    c->add_option("--indicator", opts->indicator,
                  "Canonical indicator, by id or name (gdp, 地区生产总值, cpi, urban_new_jobs, …)");
    c->add_option("--format", opts->format,
                  "table, csv (UTF-8 with BOM, for Excel) or json (one object per line)")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    c->add_option("--tolerance", opts->points,
                  "How far a 左右 target in % may be missed on its bad side, in percentage points")
        ->check(CLI::Range(0.0, 100.0));
    c->add_option("--relative-tolerance", opts->relative,
                  "The same for amounts, as a fraction of the target (0.05 = 5%)")
        ->check(CLI::Range(0.0, 1.0));
  };
  common(cmd);
  cmd->add_flag("--headlines", opts->headlines,
                "Only the headline target of each place, year and indicator");

  CLI::App* escalation = cmd->add_subcommand(
      "escalation",
      "层层加码: one indicator's targets of a year from the nation down to prefectures and "
      "counties, with each level's mark-up over the one above");
  common(escalation);
  auto measure = std::make_shared<std::string>();
  escalation->add_option("--measure", *measure,
                         "growth, level, points or change (default: that of most targets)");
  escalation->callback([opts, measure] { RunEscalation(*opts, *measure); });

  struct OverrideOptions {
    std::string key;
    std::string status;
    std::string reason;
    std::string author;
  };
  auto ov = std::make_shared<OverrideOptions>();
  CLI::App* override_cmd = cmd->add_subcommand(
      "override",
      "Override the verdict of one target (its key from `mubiao track --format json|csv`); the "
      "history is kept");
  override_cmd->add_option("--db", opts->db, "Database file");
  override_cmd->add_option("key", ov->key, "The target's key (SOURCE_PATH#START-END)")->required();
  override_cmd->add_option("--status", ov->status, "The status it should have")
      ->required()
      ->check(CLI::IsMember({"met", "missed", "unverified", "not_assessable"}));
  override_cmd->add_option("--reason", ov->reason, "Why (shown with the verdict)")->required();
  override_cmd->add_option("--author", ov->author, "Who overrides (default: $USER)");
  override_cmd->callback([opts, ov] {
    std::unique_ptr<store::Store> store = OpenExisting(opts->db);
    std::string author = ov->author;
    if (author.empty() && std::getenv("USER") != nullptr) author = std::getenv("USER");
    Result<store::VerdictOverride> done =
        tracking::OverrideVerdict(store.get(), ov->key, *tracking::ParseStatus(ov->status), author,
                                  ov->reason, Tracking(*opts));
    if (!done.ok()) Fail("", done.status().message());
    std::cout << "override " << done->id << ": " << done->status_before << " → "
              << done->status_after << " by " << done->author << " at " << done->created_at << "\n";
  });

  auto history_key = std::make_shared<std::string>();
  CLI::App* history = cmd->add_subcommand(
      "history", "The override history, oldest first: of one target, or of all");
  history->add_option("--db", opts->db, "Database file");
  history->add_option("key", *history_key, "A target's key (default: every target)");
  history->callback([opts, history_key] {
    std::unique_ptr<store::Store> store = OpenExisting(opts->db);
    Result<std::vector<store::VerdictOverride>> all = store->VerdictOverrides(*history_key);
    if (!all.ok()) Fail("", all.status().message());
    for (const store::VerdictOverride& o : *all) {
      std::cout << o.created_at << "  " << o.target_key << "  " << o.status_before << " → "
                << o.status_after << "  " << o.author << ": " << o.reason << "\n";
    }
    std::cout << all->size() << " overrides\n";
  });

  cmd->callback([cmd, opts] {
    if (!cmd->get_subcommands().empty()) return;  // a subcommand did the work
    RunTrack(*opts);
  });
}

}  // namespace mubiao::cli
