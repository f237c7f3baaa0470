#include "web/tracking_view.h"

#include "regions/gazetteer.h"
#include "web/csv.h"
#include "web/labels.h"

namespace mubiao::web {
namespace {

using ctemplate::TemplateDictionary;
using nlohmann::json;

bool IsPercent(std::string_view unit) { return unit == "%" || unit == "个百分点"; }

json DocumentJson(const tracking::SourcedFinding& f) {
  return {{"id", f.document_id},          {"title", f.document_title},   {"type", f.doc_type},
          {"region_code", f.region_code}, {"locality", f.locality},      {"level", f.level},
          {"year", f.document_year},      {"url", FindingDocumentUrl(f)}};
}

json FindingJson(const targets::Finding& f) {
  json j = {{"text", f.text},         {"start", f.span.begin},    {"end", f.span.end},
            {"sentence", f.sentence}, {"indicator", f.indicator}, {"unit", f.unit},
            {"cmp", f.cmp},           {"change", f.change},       {"strength", f.strength},
            {"deadline", f.deadline}, {"topic", f.topic},         {"year", f.year}};
  j["value"] = f.value ? json(*f.value) : json();
  j["value_max"] = f.value_max ? json(*f.value_max) : json();
  return j;
}

// A figure in the unit of `unit` from a value in its family base.
std::string Figure(double value, const std::string& unit) {
  return tracking::FormatFigure(value, unit, PortalTrackOptions().lexicon->UnitFactor(unit));
}

}  // namespace

const tracking::TrackOptions& PortalTrackOptions() {
  static const tracking::TrackOptions options;
  return options;
}

std::string StatusLabel(tracking::TargetStatus status) {
  switch (status) {
    case tracking::TargetStatus::kMet:
      return "达成";
    case tracking::TargetStatus::kMissed:
      return "未达成";
    case tracking::TargetStatus::kUnverified:
      return "待核实";
    case tracking::TargetStatus::kNotAssessable:
      return "不可评估";
  }
  return "待核实";
}

std::string ToleranceLabel(const targets::Finding& target) {
  if (target.cmp != "~") return "";
  const tracking::Tolerance& tolerance = PortalTrackOptions().tolerance;
  if (IsPercent(target.unit)) return "±" + FormatNumber(tolerance.points) + "个百分点";
  return "±" + FormatNumber(tolerance.relative * 100) + "%";
}

std::string FindingDocumentUrl(const tracking::SourcedFinding& f) {
  // Stored findings do not carry their document's geographic region; it
  // follows from the region code as it did when the document was stored.
  std::string geo;
  if (const regions::Region* region = regions::Gazetteer::Builtin().FindByCode(f.region_code)) {
    if (region->level != regions::RegionLevel::kNational) {
      geo = std::string(regions::GeoRegionSlug(region->geo));
    }
  }
  return ReportUrl(geo, f.level, f.document_id);
}

std::string MarkupLabel(double value, const std::string& unit) {
  const std::string sign = value > 0 ? "+" : "";
  if (IsPercent(unit)) return sign + FormatNumber(value) + "个百分点";
  return sign + Figure(value, unit);
}

ReportTracking::ReportTracking(const std::vector<tracking::TrackedTarget>& tracked,
                               TemplateDictionary* table)
    : table_(table) {
  for (const tracking::TrackedTarget& t : tracked) {
    const text::Span& span = t.target.finding.span;
    by_span_.emplace(std::make_pair(span.begin, span.end), &t);
  }
}

void ReportTracking::AddRow(const targets::Finding& finding, int n, TemplateDictionary* row) {
  auto it = by_span_.find({finding.span.begin, finding.span.end});
  if (it == by_span_.end()) return;
  const tracking::TrackedTarget& t = *it->second;
  const std::string key(tracking::StatusName(t.status));
  const std::string label = StatusLabel(t.status);
  TemplateDictionary* status = row->AddSectionDictionary("STATUS");
  status->SetValue("KEY", key);
  status->SetValue("LABEL", label);

  counts_.Add(t.status);
  if (evidence_ == nullptr) evidence_ = table_->AddSectionDictionary("EVIDENCE");
  evidence_->SetIntValue("MET", counts_.met);
  evidence_->SetIntValue("MISSED", counts_.missed);
  evidence_->SetIntValue("UNVERIFIED", counts_.unverified);
  evidence_->SetIntValue("NOT_ASSESSABLE", counts_.not_assessable);
  TemplateDictionary* item = evidence_->AddSectionDictionary("ITEM");
  item->SetIntValue("N", n);
  item->SetValue("KEY", key);
  item->SetValue("LABEL", label);
  item->SetValue("TEXT", finding.text);
  const tracking::Verdict& v = t.verdict;
  if (!v.indicator_name.empty()) {
    item->SetValueAndShowSection("INDICATOR", v.indicator_name, "INDICATOR");
  }
  if (v.year != 0) item->SetValueAndShowSection("YEAR", std::to_string(v.year), "YEAR");
  if (!v.rule.empty()) item->SetValueAndShowSection("RULE", v.rule, "RULE");
  if (!v.reason.empty()) item->SetValueAndShowSection("REASON", v.reason, "REASON");
  const std::string tolerance = ToleranceLabel(finding);
  if (!tolerance.empty()) item->SetValueAndShowSection("TOLERANCE", tolerance, "TOLERANCE");
  if (v.outcome) {
    TemplateDictionary* outcome = item->AddSectionDictionary("OUTCOME");
    outcome->SetValue("URL", FindingDocumentUrl(*v.outcome));
    outcome->SetValue("TITLE", v.outcome->document_title);
    outcome->SetValue("SOURCE", DocTypeLabel(v.outcome->doc_type));
    outcome->SetValue("TEXT", v.outcome->finding.text);
    outcome->SetValue("SENTENCE", v.outcome->finding.sentence);
  }
  for (const store::VerdictOverride& o : t.overrides) {
    TemplateDictionary* entry = item->AddSectionDictionary("OVERRIDE");
    entry->SetValue("TIME", o.created_at.substr(0, 16));
    entry->SetValue("AUTHOR", o.author);
    const auto label_of = [](const std::string& name) {
      const std::optional<tracking::TargetStatus> s = tracking::ParseStatus(name);
      return s ? StatusLabel(*s) : name;
    };
    entry->SetValue("BEFORE", label_of(o.status_before));
    entry->SetValue("AFTER", label_of(o.status_after));
    entry->SetValue("REASON", o.reason);
  }
}

json TrackedJson(const tracking::TrackedTarget& t) {
  const tracking::Verdict& v = t.verdict;
  json j = {{"target", FindingJson(t.target.finding)},
            {"document", DocumentJson(t.target)},
            {"status", tracking::StatusName(t.status)},
            {"derived_status", tracking::StatusName(v.status)},
            {"indicator_id", v.indicator_id},
            {"indicator_name", v.indicator_name},
            {"measure", v.measure},
            {"year", v.year},
            {"rule", v.rule},
            {"reason", v.reason}};
  const std::string tolerance = ToleranceLabel(t.target.finding);
  j["tolerance"] = tolerance.empty() ? json() : json(tolerance);
  if (v.outcome) {
    j["outcome"] = FindingJson(v.outcome->finding);
    j["outcome"]["document"] = DocumentJson(*v.outcome);
    j["outcome"]["source"] = v.outcome_source;
  } else {
    j["outcome"] = nullptr;
  }
  json overrides = json::array();
  for (const store::VerdictOverride& o : t.overrides) {
    overrides.push_back({{"status_before", o.status_before},
                         {"status_after", o.status_after},
                         {"author", o.author},
                         {"reason", o.reason},
                         {"created_at", o.created_at}});
  }
  j["overrides"] = overrides;
  return j;
}

json CountsJson(const tracking::StatusCounts& c) {
  const std::optional<double> share = c.share_met();
  return {{"met", c.met},
          {"missed", c.missed},
          {"unverified", c.unverified},
          {"not_assessable", c.not_assessable},
          {"total", c.total()},
          {"share_met", share ? json(*share) : json()}};
}

json ScorecardJson(const tracking::Scorecard& card) {
  json by_year = json::array();
  for (const auto& [year, counts] : card.by_year) {
    json j = CountsJson(counts);
    j["year"] = year;
    by_year.push_back(std::move(j));
  }
  json by_topic = json::array();
  for (const auto& [topic, counts] : card.by_topic) {
    json j = CountsJson(counts);
    j["topic"] = topic;
    by_topic.push_back(std::move(j));
  }
  json series = json::array();
  for (const tracking::Series& s : card.series) {
    json points = json::array();
    for (const tracking::SeriesPoint& p : s.points) {
      points.push_back(
          {{"year", p.year},
           {"target_text", p.target_text},
           {"target_value", p.target_value},
           {"target_value_max", p.target_value_max ? json(*p.target_value_max) : json()},
           {"outcome_value", p.outcome_value ? json(*p.outcome_value) : json()},
           {"status", tracking::StatusName(p.status)}});
    }
    series.push_back({{"indicator_id", s.indicator_id},
                      {"indicator_name", s.indicator_name},
                      {"measure", s.measure},
                      {"unit", s.unit},
                      {"points", points}});
  }
  return {{"by_year", by_year}, {"by_topic", by_topic}, {"series", series}};
}

json EscalationJson(const tracking::Escalation& e) {
  json rows = json::array();
  for (const tracking::EscalationRow& r : e.rows) {
    const std::string& unit = r.target.target.finding.unit;
    rows.push_back({{"region_code", r.region_code},
                    {"locality", r.locality},
                    {"depth", r.depth},
                    {"value", r.value},
                    {"unit", unit},
                    {"value_label", Figure(r.value, unit)},
                    {"parent", r.parent ? json(e.rows[*r.parent].region_code) : json()},
                    {"markup", r.markup ? json(*r.markup) : json()},
                    {"markup_label", r.markup ? json(MarkupLabel(*r.markup, unit)) : json()},
                    {"target", TrackedJson(r.target)}});
  }
  return {{"indicator_id", e.indicator_id},
          {"indicator_name", e.indicator_name},
          {"measure", e.measure},
          {"year", e.year},
          {"rows", rows}};
}

std::string TrackedCsv(const std::vector<const tracking::TrackedTarget*>& tracked) {
  std::string out(text::kUtf8Bom);
  out += text::CsvLine({"地区代码", "地区", "报告年份", "目标", "指标", "标准指标", "判定年份",
                        "状态", "规则", "容差", "说明", "实际", "实际来源", "实际原文", "人工更正",
                        "报告链接"});
  for (const tracking::TrackedTarget* t : tracked) {
    const tracking::Verdict& v = t->verdict;
    std::string overrides;
    for (const store::VerdictOverride& o : t->overrides) {
      if (!overrides.empty()) overrides += "；";
      overrides += o.created_at.substr(0, 10) + " " + o.author + " " + o.status_before + "→" +
                   o.status_after + "：" + o.reason;
    }
    out += text::CsvLine(
        {t->target.region_code, t->target.locality, std::to_string(t->target.document_year),
         t->target.finding.text, t->target.finding.indicator, v.indicator_name,
         v.year != 0 ? std::to_string(v.year) : "", StatusLabel(t->status), v.rule,
         ToleranceLabel(t->target.finding), v.reason, v.outcome ? v.outcome->finding.text : "",
         v.outcome ? v.outcome->document_title : "", v.outcome ? v.outcome->finding.sentence : "",
         overrides, FindingDocumentUrl(t->target)});
  }
  return out;
}

std::string EscalationCsv(const tracking::Escalation& e) {
  std::string out(text::kUtf8Bom);
  out += text::CsvLine({"指标", "年份", "层级", "地区代码", "地区", "目标", "比较值", "上级",
                        "加码", "状态", "报告链接"});
  static constexpr const char* kDepths[] = {"全国", "省级", "地市级", "县级"};
  for (const tracking::EscalationRow& r : e.rows) {
    const std::string& unit = r.target.target.finding.unit;
    out += text::CsvLine({e.indicator_name, std::to_string(e.year),
                          r.depth >= 0 && r.depth <= 3 ? kDepths[r.depth] : "", r.region_code,
                          r.locality, r.target.target.finding.text, Figure(r.value, unit),
                          r.parent ? e.rows[*r.parent].locality : "",
                          r.markup ? MarkupLabel(*r.markup, unit) : "",
                          StatusLabel(r.target.status), FindingDocumentUrl(r.target.target)});
  }
  return out;
}

}  // namespace mubiao::web
