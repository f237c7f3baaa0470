#include "store/export.h"

#include <string_view>

#include "text/csv.h"
#include "text/json_text.h"

namespace mubiao::store {
namespace {

using nlohmann::json;
using text::PutText;

// The fields that place a document, shared by every object naming one.
void PutPlace(json& j, report::DocType type, const std::string& region_code,
              const std::string& locality, regions::RegionLevel level, regions::GeoRegion geo,
              int year, const std::string& date) {
  j["type"] = report::DocTypeKey(type);
  PutText(j, "region_code", region_code);
  PutText(j, "locality", locality);
  j["level"] = regions::RegionLevelName(level);
  PutText(j, "geo_region", regions::GeoRegionSlug(geo));
  if (year != 0) j["year"] = year;
  PutText(j, "date", date);
}

void PutUrl(json& j, const DocumentUrl& url, int64_t id, regions::GeoRegion geo,
            regions::RegionLevel level) {
  if (url) j["url"] = url(id, geo, level);
}

}  // namespace

json DocumentSummaryJson(const DocumentSummary& d, const DocumentUrl& url) {
  json j = {{"id", d.id}, {"title", d.title}};
  PutText(j, "government", d.government);
  PutText(j, "province", d.province);
  PutPlace(j, d.doc_type, d.region_code, d.locality, d.level, d.geo, d.year, d.date);
  PutText(j, "speaker", d.speaker);
  PutText(j, "speaker_title", d.speaker_title);
  PutText(j, "source_url", d.source_url);
  PutText(j, "source_format", d.source_format);
  PutText(j, "imported_at", d.imported_at);
  j["targets"] = d.targets;
  j["comments"] = d.comments;
  if (d.primary_id != 0) j["primary_id"] = d.primary_id;
  PutUrl(j, url, d.id, d.geo, d.level);
  return j;
}

json SourceJson(const DocumentSummary& source, const DocumentUrl& url) {
  json j = {{"id", source.id},
            {"format", source.source_format},
            {"file", source.source_path.substr(source.source_path.find_last_of('/') + 1)},
            {"primary", source.primary_id == 0}};
  PutUrl(j, url, source.id, source.geo, source.level);
  return j;
}

json StoredFindingJson(const StoredFinding& s, const DocumentUrl& url) {
  json j = targets::FindingJson(s.finding);
  PutText(j, "key", s.key);
  json document = {{"id", s.document_id}, {"title", s.document_title}};
  PutPlace(document, s.doc_type, s.region_code, s.locality, s.level, s.geo, s.document_year,
           s.document_date);
  PutUrl(document, url, s.document_id, s.geo, s.level);
  j["document"] = std::move(document);
  return j;
}

json RegionSummaryJson(const RegionSummary& r) {
  json j = {{"code", r.region.code},
            {"name", r.region.name},
            {"short_name", r.region.short_name},
            {"level", regions::RegionLevelName(r.region.level)}};
  PutText(j, "parent_code", r.region.parent_code);
  PutText(j, "geo_region", regions::GeoRegionSlug(r.region.geo));
  j["documents"] = r.documents;
  j["documents_under"] = r.documents_under;
  if (r.year_min != 0) j["year_min"] = r.year_min;
  if (r.year_max != 0) j["year_max"] = r.year_max;
  return j;
}

json SearchHitJson(const search::SearchHit& hit, const DocumentUrl& url) {
  json j = {{"id", hit.id}, {"title", hit.title}};
  PutPlace(j, hit.doc_type, hit.region_code, hit.locality, hit.level, hit.geo, hit.year, hit.date);
  j["score"] = hit.score;
  j["snippet"] = hit.snippet;
  json highlights = json::array();
  for (const text::Span& h : hit.highlights) highlights.push_back({h.begin, h.end});
  j["highlights"] = std::move(highlights);
  PutUrl(j, url, hit.id, hit.geo, hit.level);
  return j;
}

json CommentJson(const Comment& c) {
  return {
      {"id", c.id},     {"document_id", c.document_id}, {"author", c.author},
      {"body", c.body}, {"created_at", c.created_at},   {"status", CommentStatusName(c.status)}};
}

json VerdictOverrideJson(const VerdictOverride& o) {
  return {{"id", o.id},
          {"target_key", o.target_key},
          {"status_before", targets::StatusName(o.status_before)},
          {"status_after", targets::StatusName(o.status_after)},
          {"author", o.author},
          {"reason", o.reason},
          {"created_at", o.created_at}};
}

json StoredDocumentJson(const StoredDocument& d, const DocumentUrl& url) {
  json j = DocumentSummaryJson(d.summary, url);
  const report::Document& document = d.report.document;
  json outline = json::array();
  for (const report::Part& part : d.report.parts) {
    json sections = json::array();
    for (const report::Section& section : part.sections) {
      if (!section.heading.empty()) sections.push_back(document.Slice(section.heading));
    }
    json entry = {{"kind", report::PartKindName(part.kind)}, {"sections", std::move(sections)}};
    PutText(entry, "heading", document.Slice(part.heading));
    outline.push_back(std::move(entry));
  }
  json findings = json::array();
  for (const StoredFinding& f : StoredFindingsOf(d)) {
    json finding = targets::FindingJson(f.finding);
    finding["key"] = f.key;
    findings.push_back(std::move(finding));
  }
  j["text"] = document.text;
  j["outline"] = std::move(outline);
  j["findings"] = std::move(findings);
  if (d.previous_id != 0) j["previous_id"] = d.previous_id;
  if (d.next_id != 0) j["next_id"] = d.next_id;
  PutText(j, "previous_title", d.previous_title);
  PutText(j, "next_title", d.next_title);
  j["sources"] = json::array();
  for (const DocumentSummary& source : d.sources) j["sources"].push_back(SourceJson(source, url));
  for (const auto& [key, others] :
       {std::pair{"same_year", &d.same_year}, std::pair{"related", &d.related}}) {
    j[key] = json::array();
    for (const DocumentSummary& other : *others) {
      json ref = {{"id", other.id}, {"title", other.title}};
      PutPlace(ref, other.doc_type, other.region_code, other.locality, other.level, other.geo,
               other.year, other.date);
      PutUrl(ref, url, other.id, other.geo, other.level);
      j[key].push_back(std::move(ref));
    }
  }
  return j;
}

std::string FindingsCsvHeader(bool with_url) {
  std::vector<std::string> header = {"报告", "地区", "地区代码", "级别", "报告年份", "类别",
                                     "原文", "指标", "数值",     "上限", "单位",     "比较",
                                     "变化", "力度", "期限",     "年均", "领域",     "所指年份",
                                     "章节", "句子", "起",       "止",   "键"};
  if (with_url) header.push_back("链接");
  return std::string(text::kUtf8Bom) + text::CsvLine(header);
}

std::string FindingCsvLine(const StoredFinding& s, const DocumentUrl& url,
                           const std::string& url_prefix) {
  using text::CsvCell;
  const auto number = [](const std::optional<double>& v) {
    return v ? text::CsvNumber(*v) : std::string();
  };
  const targets::Finding& f = s.finding;
  std::vector<std::string> cells = {CsvCell(s.document_title),
                                    CsvCell(s.locality),
                                    CsvCell(s.region_code),
                                    CsvCell(regions::RegionLevelLabel(s.level)),
                                    s.document_year != 0 ? std::to_string(s.document_year) : "",
                                    CsvCell(targets::FindingKindLabel(f.kind)),
                                    CsvCell(f.text),
                                    CsvCell(f.indicator),
                                    number(f.value),
                                    number(f.value_max),
                                    CsvCell(f.unit),
                                    CsvCell(quantity::ComparatorLabel(f.cmp)),
                                    CsvCell(targets::ChangeLabel(f.change)),
                                    CsvCell(targets::StrengthLabel(f.strength)),
                                    CsvCell(f.deadline),
                                    f.average ? "年均" : "",
                                    CsvCell(f.topic),
                                    f.year != 0 ? std::to_string(f.year) : "",
                                    CsvCell(f.section),
                                    CsvCell(f.sentence),
                                    std::to_string(f.span.begin),
                                    std::to_string(f.span.end),
                                    CsvCell(s.key)};
  if (url) cells.push_back(CsvCell(url_prefix + url(s.document_id, s.geo, s.level)));
  return text::CsvLine(cells);
}

std::string FindingsCsv(const std::vector<StoredFinding>& findings, const DocumentUrl& url,
                        const std::string& url_prefix) {
  std::string csv = FindingsCsvHeader(static_cast<bool>(url));
  for (const StoredFinding& s : findings) csv += FindingCsvLine(s, url, url_prefix);
  return csv;
}

}  // namespace mubiao::store
