// Test support for tracking: a small store of reports written for the tests
// (a fictional year of 全国, 河南 and 郑州; the figures are ours) in which
// every kind of verdict occurs. Linked into tests only (CMake library
// mubiao_tracking_testing).
#ifndef MUBIAO_TRACKING_TESTING_H_
#define MUBIAO_TRACKING_TESTING_H_

#include <filesystem>
#include <optional>
#include <string>

#include "tracking/indicators.h"

namespace mubiao::tracking::testing {

// Writes five Markdown files into `dir` and loads them into a new SQLite
// store at `db_path` (closed on return). They are the national work report
// of 2023 (GDP 5%左右, 1200万 new urban jobs) and the 2023 statistical
// communiqué that settles it (5.2%, 1244万); 河南's reports of 2023 (GDP
// 6%左右, 110万 jobs 以上, prices 3%左右) and 2024, whose review (4.1%,
// 114.9万) settles 2023 as one target missed and one met and says nothing
// of prices (not mentioned), with `henan_2024_review_extra`
// inserted in the review right after "4.1%"; and 郑州's report of 2023 (GDP
// 7%以上), which nothing settles. A file or a load that fails adds a test
// failure (fatal: wrap calls in ASSERT_NO_FATAL_FAILURE).
void MakeTrackingStore(const std::filesystem::path& dir, const std::string& db_path,
                       const std::string& henan_2024_review_extra = "");

// A figure read with the builtin lexicon (`change` as TARGETS.md writes it:
// "", "up", "down"); a figure it does not read adds a test failure and
// gives an empty reading.
Reading ReadFigure(std::string indicator, double value, std::string unit, std::string change = "",
                   std::optional<double> value_max = std::nullopt);

}  // namespace mubiao::tracking::testing

#endif  // MUBIAO_TRACKING_TESTING_H_
