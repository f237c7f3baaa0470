#include "report/site_chrome.h"

#include <gtest/gtest.h>

namespace mubiao::report {
namespace {

TEST(SiteChrome, RecognisesArchivePageChrome) {
  for (const char* line : {
           "导航菜单",
           "  导航菜单 \r",
           "本文仅代表作者观点,不代表本站立场。 凡注明为示例网原创作品的,未经许可,不得转载。",
           "本文地址:/baogao/example/12.html",
           "本文地址：https://example.org/a.html",
           "留言与评论(共有 3 条评论)",
           "验证码:",
           "验证码",
           "上一篇:(示例省)青禾县人民政府工作报告(2022年)",
           "下一篇 示例市政府工作报告",
           "当前位置：首页 > 工作报告",
           "Copyright 2024 example.org",
           "【打印本页】",
       }) {
    EXPECT_TRUE(IsSiteChromeLine(line)) << line;
  }
}

TEST(SiteChrome, KeepsReportText) {
  for (const char* line : {
           "",
           "各位代表：",
           "新增城镇就业6000人。",
           // Sentences that start with a chrome word but go on as prose.
           "来源于群众的意见建议办结率达到98%。",
           "首页面向企业的政务服务事项全部网上可办。",
           "上一篇章已经写就，下一步要谱写新篇章。",
           "分享经济规模持续扩大。",
           // Chrome phrases in the middle of a paragraph do not make it chrome.
           "完善导航菜单式的政务服务清单。",
       }) {
    EXPECT_FALSE(IsSiteChromeLine(line)) << line;
  }
}

}  // namespace
}  // namespace mubiao::report
