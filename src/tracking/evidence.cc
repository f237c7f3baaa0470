#include "tracking/evidence.h"

namespace mubiao::tracking {
namespace {

// How the indicator's direction enters the verdict.
std::string_view SenseWords(Sense sense) {
  return sense == Sense::kHigher  ? "越高越好"
         : sense == Sense::kLower ? "越低越好"
                                  : "偏离两侧均计";
}

// The comparison a judgement made, with its figures: "实际 5.2% ≥ 目标 5%
// − 容差 0.5个百分点（越高越好）".
std::string Comparison(const Judgement& j) {
  const std::string prefix = j.decline ? "下降" : "";
  auto fig = [&](double v) { return prefix + FormatFigure(v, j.unit, 1); };
  const bool met = j.status == TargetStatus::kMet;
  const std::string actual = "实际 " + fig(j.actual) + " ";
  const std::string sense(SenseWords(j.sense));
  switch (j.cmp) {
    case quantity::Comparator::kAtLeast:
      return actual + (met ? "≥" : "<") + " 目标 " + fig(j.target) + "（以上）";
    case quantity::Comparator::kAtMost:
      return actual + (met ? "≤" : ">") + " 目标 " + fig(j.target) + "（以内）";
    case quantity::Comparator::kEqual:
      return actual + (met ? "=" : "≠") + " 目标 " + fig(j.target) + "（须相等）";
    case quantity::Comparator::kRange: {
      const double high = j.target_max.value_or(j.target);
      const std::string range = "区间 " + fig(j.target) + "–" + fig(high);
      if (j.sense == Sense::kHigher) {
        return actual + (met ? "≥" : "<") + " 目标下限 " + fig(j.target) + "（" + range + "；" +
               sense + "）";
      }
      if (j.sense == Sense::kLower) {
        return actual + (met ? "≤" : ">") + " 目标上限 " + fig(high) + "（" + range + "；" + sense +
               "）";
      }
      return actual + (met ? "在" : "不在") + "目标" + range + " 之内";
    }
    case quantity::Comparator::kAbout: {
      const std::string slack =
          "容差 " + (IsPercentUnit(j.unit) ? FormatFigure(j.slack, "个百分点", 1)
                                           : FormatFigure(j.slack, j.unit, 1));
      const std::string note =
          j.relative > 0 ? "（目标的" + FormatFigure(j.relative * 100, "%", 1) + "；" + sense + "）"
                         : "（" + sense + "）";
      if (j.sense == Sense::kHigher) {
        return actual + (met ? "≥" : "<") + " 目标 " + fig(j.target) + " − " + slack + note;
      }
      if (j.sense == Sense::kLower) {
        return actual + (met ? "≤" : ">") + " 目标 " + fig(j.target) + " + " + slack + note;
      }
      return actual + (met ? "在" : "不在") + "目标 " + fig(j.target) + " ± " + slack + " 之内" +
             note;
    }
    case quantity::Comparator::kNone:
      break;
  }
  return "";
}

// The later sources of a verdict's place and year, as readers name them:
// "河南省2024年政府工作报告", "全国2023年统计公报和2024年政府工作报告" (`joiner`
// between the two).
std::string LaterSourceNames(const Verdict& v, std::string_view joiner) {
  const std::string communique = std::to_string(v.year) + "年统计公报";
  const std::string report = std::to_string(v.year + 1) + "年政府工作报告";
  if (v.sources.communique && v.sources.next_report) {
    return v.place + communique + std::string(joiner) + report;
  }
  return v.place + (v.sources.communique ? communique : report);
}

std::string Measures(const std::vector<Measure>& measures) {
  std::string out;
  for (Measure m : measures) out += (out.empty() ? "" : "、") + std::string(MeasureLabel(m));
  return out;
}

}  // namespace

std::string EvidenceText(const Verdict& v) {
  const std::string year = std::to_string(v.year) + "年";
  switch (v.reason) {
    case Reason::kMetRule:
    case Reason::kMissedRule: {
      const std::string comparison = Comparison(*v.judgement);
      // A full-width bracket needs no space before the arrow.
      return comparison + (comparison.ends_with("）") ? "→ " : " → ") +
             std::string(v.reason == Reason::kMetRule ? "达成" : "未达成") +
             (v.open ? "（按原文指标“" + v.indicator_name + "”对应）" : "");
    }
    case Reason::kNoComparator:
      return "目标未写明比较方式（以上、以内、左右等），无法判定";
    case Reason::kNoLaterSource:
      return "尚无" + v.place + year + "的统计公报或" + std::to_string(v.year + 1) +
             "年的政府工作报告";
    case Reason::kNotMentioned:
      return LaterSourceNames(v, "和") +
             (v.sources.communique && v.sources.next_report ? "均" : "") + "未提及" + year +
             v.indicator_name + "的实绩";
    case Reason::kReviewUnread:
      return LaterSourceNames(v, "和") + "中没有读出" + year + "的任何实绩数字，无法判断是否提及";
    case Reason::kUnreadMention:
      return LaterSourceNames(v, "或") + "提到了" + v.indicator_name +
             "，但没有读出可与目标比较的" + year + "数字";
    case Reason::kMeasureMismatch:
      return year + v.indicator_name + "的实绩只有" + Measures(v.other_measures) +
             "，没有目标所用的" + std::string(MeasureLabel(v.measure.value_or(Measure::kLevel)));
    case Reason::kSaidAchieved:
      return LaterSourceNames(v, "或") + "写明：“" + v.mention + "”→ 达成";
    case Reason::kPartlySaidAchieved:
      return LaterSourceNames(v, "或") + "写明：“" + v.mention +
             "”，其余各项没有写明已经完成 → 部分达成";
    case Reason::kNotSaidAchieved:
      return LaterSourceNames(v, "或") + "提到了“" + v.indicator_name + "”（“" + v.mention +
             "”），但没有写明已经完成";
    case Reason::kOutcomeBound:
      return year + v.indicator_name + "的实绩只写明了界限（" +
             (v.outcome ? v.outcome->finding.text : std::string()) + "），不足以判定是否达成";
    case Reason::kIncomparable:
      return year + v.indicator_name + "的实绩单位或口径与目标不同，无法比较";
    case Reason::kPeriodGoal:
      return "多年期目标（" + v.deadline + "），不按单一年度评估";
    case Reason::kQualitative:
      return "定性承诺，没有可核对的数字";
    case Reason::kNoValue:
      return "目标没有数值，无法核对";
    case Reason::kIndicatorUnknown:
      return "指标“" + v.wording + "”不在指标词表中" +
             (v.sources.any() ? "，" + LaterSourceNames(v, "和") + "中也没有同一说法的实绩"
                              : "，无法自动核对");
    case Reason::kUnitMismatch:
      return "单位“" + (v.unit.empty() ? std::string("无") : v.unit) + "”不适用于" +
             v.indicator_name;
    case Reason::kNotNew:
      return v.indicator_name + "须为新增量，原文没有“新增”或“增长”";
    case Reason::kAmbiguous:
      return LaterSourceNames(v, "和") + "中有" + std::to_string(v.candidates) + "个数值不一的" +
             year + "“" + v.indicator_name + "”实绩，需人工核实";
  }
  return "";
}

}  // namespace mubiao::tracking
