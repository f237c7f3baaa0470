// `mubiao track`: every target with its verdict and evidence; `track
// escalation`: one indicator's targets across levels of government; `track
// override` and `track history`: a person's corrections of verdicts, kept
// as an append-only history.

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/errors.h"
#include "cli/inputs.h"
#include "store/export.h"
#include "store/sql_store.h"
#include "text/csv.h"
#include "text/json_text.h"
#include "text/utf8.h"
#include "tracking/evidence.h"
#include "tracking/export.h"
#include "tracking/store_tracking.h"
#include "tracking/verdict.h"

namespace mubiao::cli {
namespace {

// The help text of `mubiao track`.
constexpr char kTrackHelp[] =
    "Targets with their verdicts (met, missed, partly_met, not_mentioned, unverified, "
    "not_assessable) and "
    "evidence: each target of year N against the outcome of year N from the statistical "
    "communiqué or the next year's report; not_mentioned when one of those is in the archive "
    "but says nothing of the target's indicator";

using nlohmann::json;
using tracking::TrackedTarget;

// Opens the database with its stored verdicts brought up to date (a
// database from an older mubiao has none, or stale ones).
std::unique_ptr<store::Store> OpenExisting(const std::string& db) {
  Result<std::unique_ptr<store::Store>> s = store::OpenStore(db, store::OpenMode::kMustExist);
  if (!s.ok()) Fail("", s.status().message());
  if (Result<int> updated = tracking::UpdateStoredVerdicts(s->get()); !updated.ok()) {
    Fail(db, updated.status().message());
  }
  return std::move(s).value();
}

void PrintTableRow(const TrackedTarget& t, std::ostream& out) {
  const tracking::Verdict& v = t.verdict;
  std::string status(targets::StatusLabel(t.status));
  if (!t.overrides.empty()) status += "*";
  out << text::PadToColumns(std::to_string(v.year), 6) << text::PadToColumns(t.target.locality, 14)
      << text::PadToColumns(
             v.indicator_name.empty() ? t.target.finding.indicator : v.indicator_name, 22)
      << text::PadToColumns(t.target.finding.text, 36) << text::PadToColumns(status, 16)
      << tracking::EvidenceText(v);
  if (v.outcome) out << "［" << report::DocTypeName(v.outcome->doc_type) << "］";
  if (!t.overrides.empty()) {
    const store::VerdictOverride& last = t.overrides.back();
    out << " | 人工更正（" << last.author << "）：" << last.reason;
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
  const tracking::Tolerance& tolerance = Tracking(o).tolerance;
  if (o.format == "json") {
    for (const TrackedTarget* t : shown) {
      std::cout << text::JsonText(tracking::TrackedTargetJson(*t, tolerance)) << "\n";
    }
    return;
  }
  if (o.format == "csv") {
    std::cout << tracking::TrackedCsv(shown, tolerance);
    return;
  }
  tracking::StatusCounts counts;
  std::cout << text::PadToColumns("年份", 6) << text::PadToColumns("地区", 14)
            << text::PadToColumns("指标", 22) << text::PadToColumns("目标", 36)
            << text::PadToColumns("状态", 16) << "依据\n";
  for (const TrackedTarget* t : shown) {
    PrintTableRow(*t, std::cout);
    counts.Add(t->status);
  }
  std::cout << "共 " << shown.size() << " 条：达成 " << counts.met << "，未达成 " << counts.missed
            << "，部分达成 " << counts.partly_met << "，未提及 " << counts.not_mentioned
            << "，待核实 " << counts.unverified << "，不可评估 " << counts.not_assessable << "；"
            << tracking::RateLabel(counts) << "（* 为人工更正；“左右”目标的容差：百分比 "
            << text::CsvNumber(o.points) << " 个百分点，数量为目标的 "
            << text::CsvNumber(o.relative * 100) << "%）\n";
}

void RunEscalation(const TrackOptions& o, const std::string& measure_name) {
  if (o.indicator.empty() || o.year == 0) {
    Fail("escalation", "needs --indicator and --year", kExitUsage);
  }
  std::optional<tracking::Measure> measure;
  if (!measure_name.empty()) {
    measure = tracking::ParseMeasure(measure_name);
    if (!measure) Fail("--measure", "must be growth, level, points or change", kExitUsage);
  }
  std::unique_ptr<store::Store> store = OpenExisting(o.db);
  Result<tracking::Escalation> e = tracking::StoredEscalation(
      store.get(), o.indicator, o.year, measure, RegionCodeOption(o.region), Tracking(o));
  if (!e.ok()) Fail("", e.status().message());
  if (o.format == "json") {
    std::cout << text::JsonText(tracking::EscalationJson(*e, Tracking(o).tolerance)) << "\n";
    return;
  }
  if (o.format == "csv") {
    std::cout << tracking::EscalationCsv(*e);
    return;
  }
  std::cout << e->indicator_name << "（" << tracking::MeasureLabel(e->measure) << "）" << e->year
            << "年：" << e->rows.size() << " 个政府定有目标\n";
  for (const tracking::EscalationRow& r : e->rows) {
    const std::string& unit = r.target.target.finding.unit;
    std::string markup = r.markup ? tracking::MarkupLabel(*r.markup, unit) : "";
    if (r.parent) markup += "（比" + e->rows[*r.parent].locality + "）";
    std::cout << std::string(2 * r.depth, ' ') << text::PadToColumns(r.locality, 16 - 2 * r.depth)
              << text::PadToColumns(r.target.target.finding.text, 36)
              << text::PadToColumns(markup, 30) << targets::StatusLabel(r.target.status) << "\n";
  }
}

// `track show KEY`: the finding a key names, as JSON, with its verdict when
// it is a target or commitment.
void RunShow(const TrackOptions& o, const std::string& key) {
  std::unique_ptr<store::Store> store = OpenExisting(o.db);
  Result<store::StoredFinding> found = store->FindingByKey(key);
  if (!found.ok()) Fail("", found.status().message());
  tracking::TrackQuery query;
  query.document_id = found->document_id;
  Result<std::vector<TrackedTarget>> tracked =
      tracking::TrackStored(store.get(), query, Tracking(o));
  if (!tracked.ok()) Fail("", tracked.status().message());
  for (const TrackedTarget& t : *tracked) {
    if (t.target.key == key) {
      std::cout << text::JsonText(tracking::TrackedTargetJson(t, Tracking(o).tolerance)) << "\n";
      return;
    }
  }
  std::cout << text::JsonText(store::StoredFindingJson(*found)) << "\n";
}

// `track history [KEY]`: overrides, oldest first, each with where its target
// is now, or "orphaned" when no stored finding has that key any more (its
// document's text changed and the quote was not found again).
void RunHistory(const TrackOptions& o, const std::string& key) {
  std::unique_ptr<store::Store> store = OpenExisting(o.db);
  Result<std::vector<store::VerdictOverride>> all = store->VerdictOverrides(key);
  if (!all.ok()) Fail("", all.status().message());
  if (o.format == "json") {
    for (const store::VerdictOverride& entry : *all) {
      json j = store::VerdictOverrideJson(entry);
      j["orphaned"] = !store->FindingByKey(entry.current_key).ok();
      std::cout << text::JsonText(j) << "\n";
    }
    return;
  }
  int orphaned = 0;
  for (const store::VerdictOverride& entry : *all) {
    const bool lost = !store->FindingByKey(entry.current_key).ok();
    orphaned += lost ? 1 : 0;
    std::cout << entry.created_at << "  " << entry.current_key;
    if (entry.current_key != entry.target_key) std::cout << " (was " << entry.target_key << ")";
    std::cout << (lost ? "  ORPHANED" : "") << "  " << targets::StatusName(entry.status_before)
              << " → " << targets::StatusName(entry.status_after) << "  " << entry.author << ": "
              << entry.reason << "\n";
  }
  std::cout << all->size() << " overrides, " << orphaned << " orphaned\n";
}

}  // namespace

void AddTrackCommand(CLI::App& app) {
  auto opts = std::make_shared<TrackOptions>();
  CLI::App* cmd = app.add_subcommand("track", kTrackHelp);
  auto common = [&](CLI::App* c) {
    AddDatabaseOption(c, &opts->db);
    c->add_option("--region", opts->region,
                  "A region (code or name) and everything under it; 000000 for all");
    c->add_option("--year", opts->year, "Plan year of the targets")->check(CLI::Range(1949, 2100));
    c->add_option("--indicator", opts->indicator,
                  "Canonical indicator, by id, name or any wording the indicator lexicon "
                  "knows (gdp, 地区生产总值, 国内生产总值, cpi, urban_new_jobs, …)");
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
  AddDatabaseOption(override_cmd, &opts->db);
  override_cmd->add_option("key", ov->key, "The target's key (TEXTHASH:START-END)")->required();
  override_cmd->add_option("--status", ov->status, "The status it should have")
      ->required()
      ->check(CLI::IsMember(
          {"met", "missed", "partly_met", "not_mentioned", "unverified", "not_assessable"}));
  override_cmd->add_option("--reason", ov->reason, "Why (shown with the verdict)")->required();
  override_cmd->add_option("--author", ov->author,
                           "Who overrides (default: $USER, else the account's name)");
  override_cmd->callback([opts, ov] {
    std::unique_ptr<store::Store> store = OpenExisting(opts->db);
    const std::string author = WhoOption(ov->author);
    Result<store::VerdictOverride> done =
        tracking::OverrideVerdict(store.get(), ov->key, *tracking::ParseStatus(ov->status), author,
                                  ov->reason, Tracking(*opts));
    if (!done.ok()) Fail("", done.status().message());
    std::cout << "override " << done->id << ": " << targets::StatusName(done->status_before)
              << " → " << targets::StatusName(done->status_after) << " by " << done->author
              << " at " << done->created_at << "\n";
  });

  auto history_key = std::make_shared<std::string>();
  CLI::App* history = cmd->add_subcommand(
      "history",
      "The override history, oldest first: of one target, or of all; overrides whose target "
      "is no longer found are marked orphaned");
  AddDatabaseOption(history, &opts->db);
  history->add_option("key", *history_key, "A target's key (default: every target)");
  history->add_option("--format", opts->format, "table or json (one object per line)")
      ->check(CLI::IsMember({"table", "json"}));
  history->callback([opts, history_key] { RunHistory(*opts, *history_key); });

  auto show_key = std::make_shared<std::string>();
  CLI::App* show = cmd->add_subcommand(
      "show", "The target (or outcome, commitment) a key names, with its verdict, as JSON");
  AddDatabaseOption(show, &opts->db);
  show->add_option("key", *show_key, "The key (TEXTHASH:START-END)")->required();
  show->callback([opts, show_key] { RunShow(*opts, *show_key); });

  cmd->callback([cmd, opts] {
    if (!cmd->get_subcommands().empty()) return;  // a subcommand did the work
    RunTrack(*opts);
  });
}

}  // namespace mubiao::cli
