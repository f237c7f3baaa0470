#include "report/report.h"

#include "base/enum_names.h"
#include "report/metadata.h"
#include "report/outline.h"
#include "report/scope.h"

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
  report.parts = BuildOutline(document, report.metadata.year, report.metadata.type);
  AssignScopes(document, report.metadata.year, report.metadata.type, &report.parts);
  report.document = std::move(document);
  return report;
}

}  // namespace mubiao::report
