#include "tracking/testing.h"

#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "base/testing.h"
#include "store/sql_store.h"
#include "store/testing.h"

namespace mubiao::tracking::testing {

using store::testing::ReviewAndPlanReport;

void MakeTrackingStore(const std::filesystem::path& dir, const std::string& db_path,
                       const std::string& henan_2024_review_extra) {
  using mubiao::testing::WriteFile;
  WriteFile(dir / "national-2023.md",
            ReviewAndPlanReport("国务院", "全国", 2023, "过去一年，经济平稳运行。",
                                "今年发展主要预期目标是：国内生产总值增长5%左右；"
                                "城镇新增就业1200万人左右。"));
  WriteFile(dir / "communique-2023.md",
            "---\ntitle: 中华人民共和国2023年国民经济和社会发展统计公报\n---\n\n"
            "国家统计局\n\n2024年2月29日\n\n**一、综合**\n\n"
            "初步核算，全年国内生产总值1260582亿元，比上年增长5.2%。"
            "全年城镇新增就业1244万人。\n");
  WriteFile(dir / "henan-2023.md",
            ReviewAndPlanReport("河南省人民", "河南省", 2023, "过去一年，全省经济恢复。",
                                "全省地区生产总值增长6%左右，城镇新增就业110万人以上，"
                                "居民消费价格涨幅3%左右。"));
  WriteFile(dir / "henan-2024.md",
            ReviewAndPlanReport(
                "河南省人民", "河南省", 2024,
                "全省地区生产总值增长4.1%" + henan_2024_review_extra + "，城镇新增就业114.9万人。",
                "全省地区生产总值增长5%左右。"));
  WriteFile(dir / "zhengzhou-2023.md",
            ReviewAndPlanReport("郑州市人民", "郑州市", 2023, "过去一年，全市经济恢复。",
                                "全市地区生产总值增长7%以上。"));
  Result<std::unique_ptr<store::Store>> store = store::OpenStore(db_path);
  ASSERT_TRUE(store.ok()) << db_path << ": " << store.status().message();
  store::testing::LoadMarkdownFiles(store->get(), dir);
}

Reading ReadFigure(std::string indicator, double value, std::string unit, std::string change,
                   std::optional<double> value_max) {
  targets::Finding f;
  f.indicator = std::move(indicator);
  f.value = value;
  f.value_max = value_max;
  f.unit = std::move(unit);
  f.change = *targets::ParseChange(change);
  std::optional<Reading> r = IndicatorLexicon::Builtin().Read(f);
  EXPECT_TRUE(r.has_value()) << f.indicator;
  return r.value_or(Reading{});
}

}  // namespace mubiao::tracking::testing
