#include "report/report.h"

#include <algorithm>
#include <vector>

#include "base/enum_names.h"
#include "report/lexicon.h"
#include "report/metadata.h"
#include "report/outline.h"
#include "report/scope.h"
#include "text/labels.h"
#include "text/utf8.h"

namespace mubiao::report {

namespace {

constexpr EnumName<DocType> kDocTypeNames[] = {{DocType::kWorkReport, "政府工作报告"},
                                               {DocType::kCommunique, "统计公报"},
                                               {DocType::kFiveYearPlan, "五年规划"},
                                               {DocType::kResolution, "决议"},
                                               {DocType::kOther, "其他报告"}};
constexpr EnumName<DocType> kDocTypeKeys[] = {{DocType::kWorkReport, "work_report"},
                                              {DocType::kCommunique, "communique"},
                                              {DocType::kFiveYearPlan, "five_year_plan"},
                                              {DocType::kResolution, "resolution"},
                                              {DocType::kOther, "other"}};
constexpr EnumName<PartKind> kPartKindNames[] = {{PartKind::kOpening, "opening"},
                                                 {PartKind::kReview, "review"},
                                                 {PartKind::kPlan, "plan"},
                                                 {PartKind::kAppendix, "appendix"},
                                                 {PartKind::kClosing, "closing"}};
constexpr EnumName<Scope> kScopeNames[] = {{Scope::kOther, "other"},
                                           {Scope::kReviewYear, "review_year"},
                                           {Scope::kReviewPeriod, "review_period"},
                                           {Scope::kPlanYear, "plan_year"},
                                           {Scope::kPlanPeriod, "plan_period"}};

// The most characters of a chapter heading run into its first paragraph.
constexpr size_t kRunInHeadingChars = 20;

// How far after such a heading its paragraph's first clause mark must stand.
constexpr size_t kRunInSentenceBytes = 3 * 30;

// Where a chapter heading run into the paragraph after it ends, when the
// source lost the line break ("一、2030年工作回顾这一年，…"): after a word
// that closes such headings (工作回顾), within kRunInHeadingChars and before
// any punctuation; 0 when the block starts no such heading.
size_t RunInHeadingEnd(std::string_view s) {
  const size_t label = text::NumeralLabel(s, U"、");
  if (label == 0) return 0;
  const std::string_view rest = s.substr(label);
  const std::vector<text::ListedWord>& ends = internal::Lexicon::Outline().Of("run_in_heading_end");
  size_t at = 0;
  for (size_t chars = 0; at < rest.size() && chars < kRunInHeadingChars; ++chars) {
    const char32_t c = text::DecodeUtf8(rest, &at);
    if (c == U'，' || c == U'。' || c == U'；' || c == U'：') return 0;
    const std::string_view heading = rest.substr(0, at);
    if (std::any_of(ends.begin(), ends.end(),
                    [&](const text::ListedWord& w) { return heading.ends_with(w.word); })) {
      // The paragraph goes on with words of its own, not with the clause's
      // punctuation ("一、落实年度工作安排，…" is an item).
      // The paragraph goes on with words of its own, a sentence with its
      // punctuation; a heading that goes on ("一、2030年工作回顾及“十五五”
      // 主要成就", "…工作回顾和2021年…") or an item's clause ("一、落实
      // 年度工作安排，…") is none.
      size_t next = at;
      const char32_t c = at < rest.size() ? text::DecodeUtf8(rest, &next) : 0;
      const bool words = (text::IsHan(c) || (c >= U'0' && c <= U'9')) &&
                         std::u32string_view(U"和及与暨并").find(c) == std::u32string_view::npos;
      const std::string_view after = rest.substr(at, kRunInSentenceBytes);
      const bool sentence =
          after.find("，") != std::string_view::npos || after.find("。") != std::string_view::npos;
      return words && sentence ? label + at : 0;
    }
  }
  return 0;
}

// Splits every paragraph that starts with a run-in chapter heading into the
// heading and the paragraph, so that the outline sees the chapter.
void SplitRunInHeadings(Document* doc) {
  std::vector<Block> blocks;
  blocks.reserve(doc->blocks.size());
  for (Block& b : doc->blocks) {
    const size_t end = b.kind == BlockKind::kParagraph ? RunInHeadingEnd(doc->Slice(b.span)) : 0;
    if (end == 0) {
      blocks.push_back(std::move(b));
      continue;
    }
    Block heading{BlockKind::kHeading, {b.span.begin, b.span.begin + end}, 0, {}};
    Block rest{BlockKind::kParagraph, {b.span.begin + end, b.span.end}, 0, {}};
    for (const Span& e : b.emphasis)
      (e.end <= heading.span.end ? heading : rest).emphasis.push_back(e);
    blocks.push_back(std::move(heading));
    blocks.push_back(std::move(rest));
  }
  doc->blocks = std::move(blocks);
}

}  // namespace

std::string_view DocTypeName(DocType type) { return NameIn(kDocTypeNames, type); }
std::string_view DocTypeKey(DocType type) { return NameIn(kDocTypeKeys, type); }
std::optional<DocType> ParseDocTypeKey(std::string_view key) { return ValueIn(kDocTypeKeys, key); }

std::string_view PartKindName(PartKind kind) { return NameIn(kPartKindNames, kind); }

std::string_view ScopeName(Scope scope) { return NameIn(kScopeNames, scope); }
std::optional<Scope> ParseScope(std::string_view name) { return ValueIn(kScopeNames, name); }
bool IsReview(Scope scope) { return scope == Scope::kReviewYear || scope == Scope::kReviewPeriod; }
bool IsPlan(Scope scope) { return scope == Scope::kPlanYear || scope == Scope::kPlanPeriod; }

const Part* Report::PartAt(size_t offset) const {
  for (const Part& part : parts) {
    if (offset >= part.span.begin && offset < part.span.end) return &part;
  }
  return nullptr;
}

Scope Paragraph::ScopeAt(size_t offset) const {
  for (const Sentence& s : sentences) {
    if (offset < s.span.end) return s.scope;
  }
  return scope;
}

Scope Report::ScopeAt(size_t offset) const {
  const Part* part = PartAt(offset);
  if (part == nullptr) return Scope::kOther;
  for (const Section& section : part->sections) {
    if (offset >= section.span.end) continue;
    for (const Paragraph& para : section.paragraphs) {
      if (offset >= para.span.end) continue;
      if (offset < para.span.begin) return part->scope;  // a heading between paragraphs
      return para.ScopeAt(offset);
    }
  }
  return part->scope;
}

std::string Report::SectionPath(size_t offset) const {
  const Part* part = PartAt(offset);
  if (part == nullptr) return "";
  std::string path(document.Slice(part->heading));
  for (const Section& section : part->sections) {
    if (offset < section.span.begin || offset >= section.span.end) continue;
    if (!section.heading.empty()) {
      if (!path.empty()) path += " > ";
      std::string_view heading = document.Slice(section.heading);
      // Drop the heading's full stop: "（七）坚持绿色低碳，全力打造生态县域样板".
      if (heading.size() >= 3 && heading.substr(heading.size() - 3) == "。") {
        heading.remove_suffix(3);
      }
      path += heading;
    }
    break;
  }
  return path;
}

Result<Report> AnalyzeDocument(Document document, const regions::Gazetteer& gazetteer) {
  Result<ReportMetadata> meta = ReadMetadata(document, gazetteer);
  if (!meta.ok()) return meta.status();
  Report report;
  report.metadata = std::move(meta).value();
  if (report.metadata.year == 0) report.metadata.year = YearFromBody(document);
  SplitRunInHeadings(&document);
  report.parts = BuildOutline(document, report.metadata.year, report.metadata.type);
  AssignScopes(document, report.metadata.year, report.metadata.type, &report.parts);
  report.document = std::move(document);
  return report;
}

}  // namespace mubiao::report
