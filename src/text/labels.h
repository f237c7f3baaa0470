// The labels that number headings and list items in Chinese documents:
// "十二、", "（三）", "第二章", "一是", "1.", "（1）", "①". Each function gives
// the byte length of the label at the start of `s`, or 0 when it has none.
#ifndef MUBIAO_TEXT_LABELS_H_
#define MUBIAO_TEXT_LABELS_H_

#include <cstddef>
#include <string_view>

namespace mubiao::text {

// A Chinese-numeral label ending in one of `marks` ("一、", "十二、" with marks
// "、"); up to four numerals.
size_t NumeralLabel(std::string_view s, std::u32string_view marks);

// A section label: "（一）" or "(一)".
size_t SectionLabel(std::string_view s);

// A chapter label: "第一章", "第三篇", "第二部分" (five-year plans, older reports).
size_t ChapterLabel(std::string_view s);

// A list item label: 一是, 第一，, 1., 1、, （1）, (1), (1）, （ 1）, ①.
size_t ListLabel(std::string_view s);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_LABELS_H_
