// The names of the targets module's vocabularies (target.h).
#include "base/enum_names.h"
#include "targets/target.h"

namespace mubiao::targets {
namespace {

constexpr EnumName<FindingKind> kKindNames[] = {{FindingKind::kTarget, "target"},
                                                {FindingKind::kOutcome, "outcome"},
                                                {FindingKind::kCommitment, "commitment"}};
constexpr EnumName<Change> kChangeNames[] = {
    {Change::kLevel, ""}, {Change::kUp, "up"}, {Change::kDown, "down"}};
constexpr EnumName<Strength> kStrengthNames[] = {
    {Strength::kNone, ""}, {Strength::kEnsure, "ensure"}, {Strength::kStrive, "strive"}};
constexpr EnumName<TargetStatus> kStatusNames[] = {
    {TargetStatus::kMet, "met"},
    {TargetStatus::kMissed, "missed"},
    {TargetStatus::kPartlyMet, "partly_met"},
    {TargetStatus::kNotMentioned, "not_mentioned"},
    {TargetStatus::kUnverified, "unverified"},
    {TargetStatus::kNotAssessable, "not_assessable"}};
constexpr EnumName<FindingKind> kKindLabels[] = {{FindingKind::kTarget, "目标"},
                                                 {FindingKind::kOutcome, "实绩"},
                                                 {FindingKind::kCommitment, "承诺"}};
constexpr EnumName<Change> kChangeLabels[] = {
    {Change::kLevel, ""}, {Change::kUp, "增加"}, {Change::kDown, "减少"}};
constexpr EnumName<Strength> kStrengthLabels[] = {
    {Strength::kNone, ""}, {Strength::kEnsure, "确保"}, {Strength::kStrive, "力争"}};
constexpr EnumName<TargetStatus> kStatusLabels[] = {{TargetStatus::kMet, "达成"},
                                                    {TargetStatus::kMissed, "未达成"},
                                                    {TargetStatus::kPartlyMet, "部分达成"},
                                                    {TargetStatus::kNotMentioned, "未提及"},
                                                    {TargetStatus::kUnverified, "待核实"},
                                                    {TargetStatus::kNotAssessable, "不可评估"}};

}  // namespace

std::string_view FindingKindName(FindingKind kind) { return NameIn(kKindNames, kind); }
std::string_view FindingKindLabel(FindingKind kind) { return NameIn(kKindLabels, kind); }
std::optional<FindingKind> ParseFindingKind(std::string_view name) {
  return ValueIn(kKindNames, name);
}
std::string_view ChangeName(Change change) { return NameIn(kChangeNames, change); }
std::string_view ChangeLabel(Change change) { return NameIn(kChangeLabels, change); }
std::optional<Change> ParseChange(std::string_view name) { return ValueIn(kChangeNames, name); }
std::string_view StrengthName(Strength strength) { return NameIn(kStrengthNames, strength); }
std::string_view StrengthLabel(Strength strength) { return NameIn(kStrengthLabels, strength); }
std::optional<Strength> ParseStrength(std::string_view name) {
  return ValueIn(kStrengthNames, name);
}
std::string_view StatusName(TargetStatus status) { return NameIn(kStatusNames, status); }
std::string_view StatusLabel(TargetStatus status) { return NameIn(kStatusLabels, status); }
std::optional<TargetStatus> ParseStatus(std::string_view name) {
  return ValueIn(kStatusNames, name);
}

std::string DueLabel(const Finding& finding) {
  if (!finding.average) return finding.deadline;
  return finding.deadline.empty() ? "年均" : finding.deadline + " 年均";
}

}  // namespace mubiao::targets
