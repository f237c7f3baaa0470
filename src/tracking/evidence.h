// A verdict's evidence in Chinese, for readers: the one place where a
// verdict's reason and its parameters (track.h) become text. The portal,
// the CSV downloads and the command line's table show it; JSON keeps the
// reason's code and parameters and adds this text beside them.
#ifndef MUBIAO_TRACKING_EVIDENCE_H_
#define MUBIAO_TRACKING_EVIDENCE_H_

#include <string>

#include "tracking/track.h"

namespace mubiao::tracking {

// The evidence of `verdict`, one line: the rule with its figures for a
// met or missed target ("实际 5.2% ≥ 目标 5% − 容差 0.5个百分点（越高越好）→
// 达成"), else why it is not settled ("河南省2024年政府工作报告未提及2023年
// 城镇新增就业的实绩", "尚无郑州市2023年的统计公报或2024年的政府工作报告").
std::string EvidenceText(const Verdict& verdict);

}  // namespace mubiao::tracking

#endif  // MUBIAO_TRACKING_EVIDENCE_H_
