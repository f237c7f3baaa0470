#include "report/site_chrome.h"

#include <array>
#include <cctype>

#include "text/utf8.h"

namespace mubiao::report {
namespace {

// Whole lines that are navigation or page controls. A report paragraph is
// never just one of these words.
constexpr std::array<std::string_view, 24> kChromeLines = {
    "导航菜单", "网站导航",     "网站首页",     "首页",     "返回首页", "返回顶部",
    "返回列表", "打印本页",     "关闭窗口",     "打印",     "关闭",     "【打印】",
    "【关闭】", "【打印本页】", "【关闭窗口】", "扫一扫",   "分享",     "相关文章",
    "相关阅读", "推荐阅读",     "热门文章",     "发表评论", "网友评论", "评论",
};

// Phrases that start a chrome line whatever follows: the site disclaimer
// ("本文仅代表作者观点,不代表本站立场。…"), the comment box heading
// ("留言与评论(共有 N 条评论)"), share bars and copyright footers.
constexpr std::array<std::string_view, 6> kChromePrefixes = {
    "本文仅代表作者观点", "留言与评论", "分享到", "版权所有", "免责声明", "©",
};

// Labels that start a chrome line when followed by a colon, white space or
// nothing ("本文地址:/baogao/…", "验证码:", "上一篇:…"). Requiring the
// separator keeps sentences such as "来源于…" in the text.
constexpr std::array<std::string_view, 14> kChromeLabels = {
    "本文地址",     "本文链接", "验证码", "上一篇", "下一篇",   "当前位置", "您的位置",
    "您现在的位置", "责任编辑", "字号",   "来源",   "发布时间", "发布日期", "浏览次数",
};

// True when `rest` (what follows a label) is empty or starts with a colon or
// white space, ASCII or full-width.
bool IsLabelEnd(std::string_view rest) {
  if (rest.empty()) return true;
  for (std::string_view sep : {":", "：", " ", "\t", "\u3000", "\u00A0"}) {
    if (rest.starts_with(sep)) return true;
  }
  return false;
}

// Case-insensitive ASCII prefix test (for "Copyright").
bool StartsWithNoCase(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
  }
  return true;
}

}  // namespace

bool IsSiteChromeLine(std::string_view line) {
  line = text::TrimSpace(line);
  if (line.empty()) return false;
  for (std::string_view whole : kChromeLines) {
    if (line == whole) return true;
  }
  for (std::string_view prefix : kChromePrefixes) {
    if (line.starts_with(prefix)) return true;
  }
  for (std::string_view label : kChromeLabels) {
    if (line.starts_with(label) && IsLabelEnd(line.substr(label.size()))) return true;
  }
  return StartsWithNoCase(line, "copyright");
}

}  // namespace mubiao::report
