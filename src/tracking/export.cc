#include "tracking/export.h"

#include <cstdio>

#include "text/csv.h"
#include "text/json_text.h"
#include "tracking/evidence.h"

namespace mubiao::tracking {
namespace {

using nlohmann::json;
using text::PutText;

json JudgementJson(const Judgement& j) {
  json rule = {{"cmp", quantity::ComparatorSymbol(j.cmp)},
               {"actual", j.actual},
               {"target", j.target},
               {"sense", SenseName(j.sense)},
               {"decline", j.decline}};
  if (j.target_max) rule["target_max"] = *j.target_max;
  if (j.cmp == quantity::Comparator::kAbout) rule["slack"] = j.slack;
  if (j.relative > 0) rule["relative"] = j.relative;
  PutText(rule, "unit", j.unit);
  return rule;
}

json VerdictJson(const TrackedTarget& t, const Tolerance& tolerance,
                 const store::DocumentUrl& url) {
  json j = VerdictCodesJson(t.verdict);
  j["evidence"] = EvidenceText(t.verdict);
  PutText(j, "tolerance", ToleranceLabel(t.target.finding, tolerance));
  if (t.verdict.outcome) j["outcome"] = store::StoredFindingJson(*t.verdict.outcome, url);
  return j;
}

// The judgement VerdictCodesJson wrote as "rule" for a verdict of `reason`.
Result<Judgement> ParseJudgement(const json& rule, Reason reason) {
  Judgement j;
  j.status = reason == Reason::kMetRule      ? TargetStatus::kMet
             : reason == Reason::kMissedRule ? TargetStatus::kMissed
                                             : TargetStatus::kUnverified;
  std::optional<quantity::Comparator> cmp =
      quantity::ParseComparator(rule.value("cmp", std::string()));
  std::optional<Sense> sense = ParseSense(rule.value("sense", std::string()));
  if (!cmp || !sense) return InvalidInput("a verdict's rule names an unknown comparator or sense");
  j.cmp = *cmp;
  j.sense = *sense;
  j.actual = rule.value("actual", 0.0);
  j.target = rule.value("target", 0.0);
  if (rule.contains("target_max")) j.target_max = rule["target_max"].get<double>();
  j.slack = rule.value("slack", 0.0);
  j.relative = rule.value("relative", 0.0);
  j.decline = rule.value("decline", false);
  j.unit = rule.value("unit", std::string());
  return j;
}

// ParseVerdictCodes, with nlohmann's type errors left to the caller.
Result<Verdict> ParseVerdictFields(const json& j) {
  Verdict v;
  std::optional<TargetStatus> status = ParseStatus(j.value("status", std::string()));
  std::optional<Reason> reason = ParseReason(j.value("reason", std::string()));
  if (!status || !reason) return InvalidInput("a verdict names an unknown status or reason");
  v.status = *status;
  v.reason = *reason;
  v.place = j.value("place", std::string());
  v.indicator_id = j.value("indicator_id", std::string());
  v.indicator_name = j.value("indicator_name", std::string());
  if (j.contains("measure")) {
    v.measure = ParseMeasure(j["measure"].get<std::string>());
    if (!v.measure) return InvalidInput("a verdict names an unknown measure");
  }
  v.year = j.value("year", 0);
  if (j.contains("rule")) {
    Result<Judgement> judgement = ParseJudgement(j["rule"], v.reason);
    if (!judgement.ok()) return judgement.status();
    v.judgement = std::move(judgement).value();
  }
  for (const json& name : j.value("other_measures", json::array())) {
    std::optional<Measure> m = ParseMeasure(name.get<std::string>());
    if (!m) return InvalidInput("a verdict names an unknown measure");
    v.other_measures.push_back(*m);
  }
  for (const json& name : j.value("later_sources", json::array())) {
    (name.get<std::string>() == "communique" ? v.sources.communique : v.sources.next_report) = true;
  }
  v.wording = j.value("wording", std::string());
  v.open = j.value("open", false);
  v.candidates = j.value("candidates", 0);
  v.unit = j.value("unit", std::string());
  v.deadline = j.value("deadline", std::string());
  v.mention = j.value("mention", std::string());
  return v;
}

// The overrides of a target as one cell: "2026-11-29 审核员 待核实→达成：原因；…".
std::string OverridesCell(const std::vector<store::VerdictOverride>& overrides) {
  std::string cell;
  for (const store::VerdictOverride& o : overrides) {
    if (!cell.empty()) cell += "；";
    cell += o.created_at.substr(0, 10) + " " + o.author + " " +
            std::string(StatusLabel(o.status_before)) + "→" +
            std::string(StatusLabel(o.status_after)) + "：" + o.reason;
  }
  return cell;
}

}  // namespace

json VerdictCodesJson(const Verdict& v) {
  json j = {{"status", StatusName(v.status)}, {"reason", ReasonName(v.reason)}};
  PutText(j, "place", v.place);
  PutText(j, "indicator_id", v.indicator_id);
  PutText(j, "indicator_name", v.indicator_name);
  if (v.measure) j["measure"] = MeasureName(*v.measure);
  if (v.year != 0) j["year"] = v.year;
  if (v.judgement && v.judgement->cmp != quantity::Comparator::kNone) {
    j["rule"] = JudgementJson(*v.judgement);
  }
  if (!v.other_measures.empty()) {
    json measures = json::array();
    for (Measure m : v.other_measures) measures.push_back(MeasureName(m));
    j["other_measures"] = std::move(measures);
  }
  if (v.sources.any()) {
    json sources = json::array();
    if (v.sources.communique) sources.push_back("communique");
    if (v.sources.next_report) sources.push_back("next_report");
    j["later_sources"] = std::move(sources);
  }
  PutText(j, "wording", v.wording);
  if (v.open) j["open"] = true;
  if (v.candidates > 0) j["candidates"] = v.candidates;
  PutText(j, "unit", v.unit);
  PutText(j, "deadline", v.deadline);
  PutText(j, "mention", v.mention);
  return j;
}

Result<Verdict> ParseVerdictCodes(const json& codes) {
  if (!codes.is_object()) return InvalidInput("a verdict is not a JSON object");
  try {
    return ParseVerdictFields(codes);
  } catch (const json::exception& e) {
    return InvalidInput(std::string("a verdict has a field of the wrong type: ") + e.what());
  }
}

std::string ToleranceLabel(const targets::Finding& target, const Tolerance& tolerance) {
  if (target.cmp != quantity::Comparator::kAbout) return "";
  if (IsPercentUnit(target.unit)) return "±" + FormatFigure(tolerance.points, "个百分点", 1);
  return "±" + FormatFigure(tolerance.relative * 100, "%", 1);
}

std::string FigureLabel(double value, const std::string& unit) {
  return FormatFigure(value, unit, IndicatorLexicon::Builtin().UnitFactor(unit));
}

std::string MarkupLabel(double value, const std::string& unit) {
  const std::string sign = value > 0 ? "+" : "";
  if (IsPercentUnit(unit)) return sign + FormatFigure(value, "个百分点", 1);
  return sign + FigureLabel(value, unit);
}

json TrackedTargetJson(const TrackedTarget& t, const Tolerance& tolerance,
                       const store::DocumentUrl& url) {
  json overrides = json::array();
  for (const store::VerdictOverride& o : t.overrides) {
    overrides.push_back(store::VerdictOverrideJson(o));
  }
  return {{"key", t.target.key},
          {"status", StatusName(t.status)},
          {"target", store::StoredFindingJson(t.target, url)},
          {"verdict", VerdictJson(t, tolerance, url)},
          {"overrides", std::move(overrides)}};
}

std::string RateLabel(const StatusCounts& c) {
  auto percent = [](double share) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
    return std::string(buffer);
  };
  std::string label = "已核验 " + std::to_string(c.settled()) + "/" + std::to_string(c.total());
  if (const std::optional<double> coverage = c.coverage())
    label += "（" + percent(*coverage) + "）";
  label += "，其中达成 " + std::to_string(c.met);
  if (const std::optional<double> share = c.share_met()) label += "（" + percent(*share) + "）";
  return label;
}

json StatusCountsJson(const StatusCounts& c) {
  json j = {{"met", c.met},
            {"missed", c.missed},
            {"partly_met", c.partly_met},
            {"not_mentioned", c.not_mentioned},
            {"unverified", c.unverified},
            {"not_assessable", c.not_assessable},
            {"settled", c.settled()},
            {"total", c.total()}};
  if (const std::optional<double> coverage = c.coverage()) j["coverage"] = *coverage;
  if (const std::optional<double> share = c.share_met()) j["share_met"] = *share;
  return j;
}

json ScorecardJson(const Scorecard& card) {
  json by_year = json::array();
  for (const auto& [year, counts] : card.by_year) {
    json j = StatusCountsJson(counts);
    j["year"] = year;
    by_year.push_back(std::move(j));
  }
  json by_topic = json::array();
  for (const auto& [topic, counts] : card.by_topic) {
    json j = StatusCountsJson(counts);
    PutText(j, "topic", topic);
    by_topic.push_back(std::move(j));
  }
  json series = json::array();
  for (const Series& s : card.series) {
    json points = json::array();
    for (const SeriesPoint& p : s.points) {
      json point = {{"year", p.year},
                    {"target_text", p.target_text},
                    {"target_value", p.target_value},
                    {"status", StatusName(p.status)}};
      if (p.target_value_max) point["target_value_max"] = *p.target_value_max;
      if (p.outcome_value) point["outcome_value"] = *p.outcome_value;
      points.push_back(std::move(point));
    }
    series.push_back({{"indicator_id", s.indicator_id},
                      {"indicator_name", s.indicator_name},
                      {"measure", MeasureName(s.measure)},
                      {"unit", s.unit},
                      {"points", std::move(points)}});
  }
  return {{"by_year", by_year}, {"by_topic", by_topic}, {"series", series}};
}

json EscalationJson(const Escalation& e, const Tolerance& tolerance,
                    const store::DocumentUrl& url) {
  json rows = json::array();
  for (const EscalationRow& r : e.rows) {
    const std::string& unit = r.target.target.finding.unit;
    json row = {{"region_code", r.region_code},
                {"locality", r.locality},
                {"depth", r.depth},
                {"value", r.value},
                {"unit", unit},
                {"value_label", FigureLabel(r.value, unit)},
                {"target", TrackedTargetJson(r.target, tolerance, url)}};
    if (r.parent) row["parent"] = e.rows[*r.parent].region_code;
    if (r.markup) {
      row["markup"] = *r.markup;
      row["markup_label"] = MarkupLabel(*r.markup, unit);
    }
    rows.push_back(std::move(row));
  }
  return {{"indicator_id", e.indicator_id},
          {"indicator_name", e.indicator_name},
          {"measure", MeasureName(e.measure)},
          {"year", e.year},
          {"rows", std::move(rows)}};
}

std::string TrackedCsv(const std::vector<const TrackedTarget*>& tracked, const Tolerance& tolerance,
                       const store::DocumentUrl& url, const std::string& url_prefix) {
  using text::CsvCell;
  std::string out(text::kUtf8Bom);
  std::vector<std::string> header = {"键",   "地区代码", "地区",     "报告年份", "目标",
                                     "指标", "标准指标", "判定年份", "状态",     "依据",
                                     "容差", "实际",     "实际来源", "实际原文", "人工更正"};
  if (url) header.push_back("报告链接");
  out += text::CsvLine(header);
  for (const TrackedTarget* t : tracked) {
    const Verdict& v = t->verdict;
    const store::StoredFinding& target = t->target;
    std::vector<std::string> cells = {CsvCell(target.key),
                                      CsvCell(target.region_code),
                                      CsvCell(target.locality),
                                      std::to_string(target.document_year),
                                      CsvCell(target.finding.text),
                                      CsvCell(target.finding.indicator),
                                      CsvCell(v.indicator_name),
                                      v.year != 0 ? std::to_string(v.year) : "",
                                      CsvCell(StatusLabel(t->status)),
                                      CsvCell(EvidenceText(v)),
                                      CsvCell(ToleranceLabel(target.finding, tolerance)),
                                      CsvCell(v.outcome ? v.outcome->finding.text : ""),
                                      CsvCell(v.outcome ? v.outcome->document_title : ""),
                                      CsvCell(v.outcome ? v.outcome->finding.sentence : ""),
                                      CsvCell(OverridesCell(t->overrides))};
    if (url) {
      cells.push_back(CsvCell(url_prefix + url(target.document_id, target.geo, target.level)));
    }
    out += text::CsvLine(cells);
  }
  return out;
}

std::string EscalationCsv(const Escalation& e, const store::DocumentUrl& url,
                          const std::string& url_prefix) {
  using text::CsvCell;
  std::string out(text::kUtf8Bom);
  std::vector<std::string> header = {"指标", "年份",   "层级", "地区代码", "地区",
                                     "目标", "比较值", "上级", "加码",     "状态"};
  if (url) header.push_back("报告链接");
  out += text::CsvLine(header);
  static constexpr const char* kDepths[] = {"全国", "省级", "地市级", "县级"};
  for (const EscalationRow& r : e.rows) {
    const store::StoredFinding& target = r.target.target;
    const std::string& unit = target.finding.unit;
    std::vector<std::string> cells = {CsvCell(e.indicator_name),
                                      std::to_string(e.year),
                                      r.depth >= 0 && r.depth <= 3 ? kDepths[r.depth] : "",
                                      CsvCell(r.region_code),
                                      CsvCell(r.locality),
                                      CsvCell(target.finding.text),
                                      CsvCell(FigureLabel(r.value, unit)),
                                      CsvCell(r.parent ? e.rows[*r.parent].locality : ""),
                                      CsvCell(r.markup ? MarkupLabel(*r.markup, unit) : ""),
                                      CsvCell(StatusLabel(r.target.status))};
    if (url) {
      cells.push_back(CsvCell(url_prefix + url(target.document_id, target.geo, target.level)));
    }
    out += text::CsvLine(cells);
  }
  return out;
}

}  // namespace mubiao::tracking
