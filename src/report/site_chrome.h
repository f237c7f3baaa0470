// Recognising the chrome of report-archive web sites: the navigation,
// disclaimer, permalink, comment box and paging lines that surround a report
// when a page is saved as text or HTML. Importers move such lines to
// Document::notes so they are never analysed as report text.
#ifndef MUBIAO_REPORT_SITE_CHROME_H_
#define MUBIAO_REPORT_SITE_CHROME_H_

#include <string_view>

namespace mubiao::report {

// True when `line` (one paragraph, UTF-8, surrounding white space allowed) is
// site chrome rather than report text: 导航菜单, 本文仅代表作者观点…,
// 本文地址:…, 留言与评论(…), 验证码:, 上一篇:/下一篇:, 当前位置:, 分享到…,
// 责任编辑:… and the like. Matches only whole short lines or lines that start
// with one of these phrases, so report sentences that merely mention them are
// kept.
bool IsSiteChromeLine(std::string_view line);

// True when `line` opens a footer that runs to the end of the text: the
// licence notice a transcription site appends ("本作品是中华人民共和国的法律…",
// "本作品在全世界都属于公有领域"). The footer is no report text either.
bool IsSiteFooterLine(std::string_view line);

}  // namespace mubiao::report

#endif  // MUBIAO_REPORT_SITE_CHROME_H_
