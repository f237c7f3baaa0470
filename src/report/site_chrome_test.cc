#include "report/site_chrome.h"

#include <gtest/gtest.h>

namespace mubiao::report {
namespace {

TEST(SiteChrome, RecognisesArchivePageChrome) {
  EXPECT_TRUE(IsSiteChromeLine("导航菜单"));
  EXPECT_TRUE(IsSiteChromeLine("  导航菜单 \r"));
  EXPECT_TRUE(IsSiteChromeLine(
      "本文仅代表作者观点,不代表本站立场。 凡注明为示例网原创作品的,未经许可,不得转载。"));
  EXPECT_TRUE(IsSiteChromeLine("本文地址:/baogao/example/12.html"));
  EXPECT_TRUE(IsSiteChromeLine("本文地址：https://example.org/a.html"));
  EXPECT_TRUE(IsSiteChromeLine("留言与评论(共有 3 条评论)"));
  EXPECT_TRUE(IsSiteChromeLine("验证码:"));
  EXPECT_TRUE(IsSiteChromeLine("验证码"));
  EXPECT_TRUE(IsSiteChromeLine("上一篇:(示例省)青禾县人民政府工作报告(2022年)"));
  EXPECT_TRUE(IsSiteChromeLine("下一篇 示例市政府工作报告"));
  EXPECT_TRUE(IsSiteChromeLine("当前位置：首页 > 工作报告"));
  EXPECT_TRUE(IsSiteChromeLine("Copyright 2024 example.org"));
  EXPECT_TRUE(IsSiteChromeLine("【打印本页】"));
}

TEST(SiteChrome, KeepsReportText) {
  EXPECT_FALSE(IsSiteChromeLine(""));
  EXPECT_FALSE(IsSiteChromeLine("各位代表："));
  EXPECT_FALSE(IsSiteChromeLine("新增城镇就业6000人。"));
  // Sentences that start with a chrome word but go on as prose.
  EXPECT_FALSE(IsSiteChromeLine("来源于群众的意见建议办结率达到98%。"));
  EXPECT_FALSE(IsSiteChromeLine("首页面向企业的政务服务事项全部网上可办。"));
  EXPECT_FALSE(IsSiteChromeLine("上一篇章已经写就，下一步要谱写新篇章。"));
  EXPECT_FALSE(IsSiteChromeLine("分享经济规模持续扩大。"));
  // Chrome phrases in the middle of a paragraph do not make it chrome.
  EXPECT_FALSE(IsSiteChromeLine("完善导航菜单式的政务服务清单。"));
}

}  // namespace
}  // namespace mubiao::report
