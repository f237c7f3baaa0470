// The report model: what a Document says about itself (metadata, region) and
// how it is built (outline of parts, sections, paragraphs, sentences and
// clauses, with each part classified as review, plan, ...).
//
// Offsets are byte offsets into Document::text, half-open [begin, end).
#ifndef MUBIAO_REPORT_REPORT_H_
#define MUBIAO_REPORT_REPORT_H_

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "regions/gazetteer.h"
#include "report/document.h"

namespace mubiao::report {

// What kind of document this is.
enum class DocType {
  kWorkReport,    // 政府工作报告
  kCommunique,    // 国民经济和社会发展统计公报
  kFiveYearPlan,  // 五年计划 / 规划纲要
  kResolution,    // 关于政府工作报告的决议 of the people's congress
  kOther,         // another report to the congress (budget, annual plan)
};

// Every type, in the order lists and filters show them.
inline constexpr DocType kAllDocTypes[] = {DocType::kWorkReport, DocType::kCommunique,
                                           DocType::kFiveYearPlan, DocType::kResolution,
                                           DocType::kOther};

// Chinese name: "政府工作报告", "统计公报", "五年规划", "决议", "其他报告".
std::string_view DocTypeName(DocType type);
// The key in data files, URLs and filters: "work_report", "communique",
// "five_year_plan", "resolution", "other".
std::string_view DocTypeKey(DocType type);
// The type whose key is `key`; nullopt for any other text.
std::optional<DocType> ParseDocTypeKey(std::string_view key);

// Who issued the document and when, as far as the document itself says.
struct ReportMetadata {
  DocType type = DocType::kWorkReport;
  std::string title;       // display title, e.g. "新郑市人民政府工作报告"
  std::string government;  // issuing government, e.g. "新郑市人民政府", "国务院"
  std::string province;    // e.g. "河南省"; "" for national documents
  std::string locality;    // e.g. "新郑市"; "全国" for national documents
  regions::RegionLevel level = regions::RegionLevel::kNational;
  std::string region_code;  // GB/T 2260 code; "000000" for national documents
  std::string parent_code;  // enclosing division's code; "" for national and provinces
  regions::GeoRegion geo = regions::GeoRegion::kNone;
  // The year the document is about: a work report's plan year (a report
  // delivered in December 2017 for 2018 is 2018); a communiqué's statistical
  // year; a five-year plan's first year.
  int year = 0;
  std::string date;           // delivery or publication date, ISO "2023-02-27"; "" if unknown
  std::string speaker;        // e.g. "王太晖"
  std::string speaker_title;  // e.g. "市长", "代市长", "国务院总理"
  std::string source_url;
  // What the import should tell the user: the plan year read from the text
  // against another the file name or title states ("plan year 2007 from the
  // text (delivered 2007-01-26); the file name says 2006").
  std::vector<std::string> warnings;
};

// The one JSON shape of a report's metadata, written by `mubiao parse` and
// `mubiao targets` (the rules every JSON object follows: targets/target.h,
// FindingJson): type (DocTypeKey), title, government, province, locality,
// level, region_code, parent_code, geo_region, year, date, speaker,
// speaker_title, source_url.
nlohmann::json MetadataJson(const ReportMetadata& metadata);

// The role of a part of a report.
enum class PartKind {
  kOpening,   // title, date line, speaker, 各位代表, the opening sentence
  kReview,    // what was done: the past year, the past five years
  kPlan,      // what is promised: this year's targets and work, five-year goals
  kAppendix,  // 名词解释, notes, attachments
  kClosing,   // the final appeal (各位代表！...) after the plan
};

// "opening", "review", "plan", "appendix", "closing".
std::string_view PartKindName(PartKind kind);

// What a stretch of text is about, decided paragraph by paragraph and, where
// a paragraph mixes, sentence by sentence. Targets come only from plan text;
// outcomes only from review text, of the year or period it describes.
enum class Scope {
  kOther,         // title, date line, salutation, closing appeal, glossary
  kReviewYear,    // results of the last year (the plan year - 1)
  kReviewPeriod,  // results over several past years (过去五年, 年均, 累计)
  kPlanYear,      // what the plan year is to bring (今年, 主要预期目标)
  kPlanPeriod,    // goals for several coming years (今后五年, 到2035年)
};

// "other", "review_year", "review_period", "plan_year", "plan_period".
std::string_view ScopeName(Scope scope);
// The scope named `name` (as ScopeName writes it); nullopt otherwise.
std::optional<Scope> ParseScope(std::string_view name);
// True for kReviewYear and kReviewPeriod.
bool IsReview(Scope scope);
// True for kPlanYear and kPlanPeriod.
bool IsPlan(Scope scope);

// A sentence and its clauses.
struct Sentence {
  Span span;
  std::vector<Span> clauses;
  Scope scope = Scope::kOther;
};

// A paragraph (one block of the document) with its sentences.
struct Paragraph {
  Span span;
  Span lead;        // the lead sentence ("扛稳粮食安全责任。"); empty when none
  Span item_label;  // a list label at the start ("一是", "1.", "（1）"); empty when none
  std::vector<Sentence> sentences;
  // The paragraph's scope; when `mixed`, some sentences have another one.
  Scope scope = Scope::kOther;
  bool mixed = false;

  // The scope of the sentence containing byte `offset` (inside the
  // paragraph); the paragraph's own scope past its sentences.
  Scope ScopeAt(size_t offset) const;
};

// A numbered or headed section inside a part, e.g. "（七）坚持绿色低碳…".
// Paragraphs before the first section heading of a part form a section with
// an empty heading.
struct Section {
  std::string label;  // "（七）" or "" when unnumbered
  Span heading;       // the heading text (may lie inside the first paragraph); empty if none
  Span span;          // from the heading to the end of the section
  std::vector<Paragraph> paragraphs;
};

// A top-level part ("一、2022年工作回顾") with its role.
struct Part {
  PartKind kind = PartKind::kOpening;
  bool multi_year = false;  // about several years (过去五年, 今后五年, “十四五”时期)
  Scope scope = Scope::kOther;  // the scope of its heading and the default of its paragraphs
  std::string label;            // "一、" or "" when unnumbered or implicit
  Span heading;                 // empty for an implicit part (a report without headings)
  Span span;                    // from the heading to the start of the next part
  std::vector<Section> sections;
};

// A document understood as a report.
struct Report {
  Document document;
  ReportMetadata metadata;
  std::vector<Part> parts;  // in order, covering the whole text

  // The part containing byte `offset` of the text; nullptr when none.
  const Part* PartAt(size_t offset) const;
  // The scope of the sentence (or heading) containing `offset`; kOther
  // outside every part.
  Scope ScopeAt(size_t offset) const;
  // The outline path of the paragraph containing `offset`, e.g.
  // "二、2023年工作安排 > （七）坚持绿色低碳，全力打造生态县域样板". Empty when none.
  std::string SectionPath(size_t offset) const;
};

// Analyses a document: metadata, region, outline, part roles.
// Errors (kInvalidInput): the document is not a government report,
// statistical communiqué or five-year plan ("not a government report: ...").
// `gazetteer` must outlive the call only.
Result<Report> AnalyzeDocument(Document document, const regions::Gazetteer& gazetteer);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_REPORT_H_
