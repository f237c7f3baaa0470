// Quantities in Chinese text: every figure with its unit, its bound or
// approximation and its place in the text as written.
//
//   FindQuantities("粮食播种面积稳定在58万亩以上")
//     → {text "58万亩以上", value 580000, unit "亩", cmp ">="}
//
// Guarantee: time linear in the size of the input and memory linear in it
// (the normalised copy, its offset map and the results); no input, however
// long or malformed, makes the recogniser backtrack over what it has read.
// The grammar below is read by recursive descent (internal headers lexer.h,
// number.h, grammar.h); quantity_test.cc counts its work on adversarial
// inputs of growing length.
// All functions are thread-safe: the lexicons are immutable after first use.
//
// ## The grammar of a Chinese quantity
//
// Text is first normalised (text/normalize.h: full-width digits and signs
// become ASCII; ideographic and no-break spaces become ASCII spaces). In
// running text a gap of one or two spaces (IsGap: never a tab or a line
// break) may stand between the parts of a quantity: a bound word and the
// number ("达到 1200"), an Arabic number and its scale word or unit ("785.6
// 亿元", "0.3 个百分点"), the unit and a bound word after it ("5% 以上"), the
// ends of a range. The quantity's span and text cover the gap. Whole strings
// ignore spaces.
//
//   quantity   := [before] core [connector core] [after]        a range when
//                                                               the second core is there
//   core       := [sign] number [fraction] [unit [半] [yuan-tail]]
//               | [sign] per-hundred number                     百分之五 → 5 %
//   sign       := "-" | "−" | "负" | "負"                 (a numerator's: "-" | "负" | "負")
//   number     := arabic | chinese | arabic-or-chinese followed by scales
//   arabic     := digits ["," 3digits]* ["." digits]            1,050,000.5
//                 (whole strings also take 2e5, 2^5, 1.2k/M/G and ".5")
//               | digits [" " 3digits]* ["." digits]            1 780 万吨: only
//                 before a scale word or unit, and not after a figure and a
//                 gap (a row of figures: "156.7 48 134.2" stays three numbers)
//   chinese    := the positional numeral of numerals.txt, read in groups of
//                 four places (十 百 千) under scales (万 亿 兆, compounding:
//                 1.3万亿 = 1.3e12, 四万万 = 4e8); 零 marks skipped places
//                 (一百零五 = 105); a last digit right after a place word is
//                 the next place down (三万五 = 35000, 两千四百五 = 2450);
//                 廿 卅 卌 are 20 30 40; 点 starts decimals read digit by digit
//               | digit string: digits read one by one (二〇二三, 一一)
//               | place and scale words alone, before a unit of measure:
//                 千亿斤 = 1e11 斤, 万亿元, 百万吨
//   mixed      := Arabic and Chinese parts combined: 3千万, 200亿零四千230
//   approximate:= 余 | 多 after a number or place word   十余万, 300多家 (see cmp)
//               | two neighbouring digits                三四十万 = 300000..400000
//               | 几 | 数 before a place word             几十万 = 100000..1000000
//               | 几 as the last digit                    二十几万 = 200000, more
//   fraction   := "分之" number                          三分之一 (D分之N = N/D)
//               | "/" integer (a/b with a < b in running text)
//               | "又" number "分之" number               三又三分之一
//   per-hundred:= 百分之 | 千分之 | 万分之 …               a percentage (千分之五 = 0.5 %);
//                 百分百 and 百分之百 are 100 %
//   unit       := the longest entry of units.txt: % 个百分点 倍 元 亩 吨 个 家 …,
//                 or unit "/" unit (元/人); 成 and 折 are tenths (八成 = 80 %,
//                 七成六 = 76 %; 75折 = 75 % when two digits are written)
//   yuan-tail  := after 元/圆: 整 | 正 | digit 角 [digit 分]
//   connector  := 至 | 到 | - | — | – | ~ ; or 和 | 与 … 之间
//   before     := a "before" word of comparators.txt: 约 不低于 超过 控制在 …
//   after      := an "after" word of comparators.txt: 以上 以下 以内 左右 …
//
// A range's first core takes the unit and, when it has none of its own, the
// scale of the second: 5到6万 = 50000..60000, 4.5%至5%, 十八至三十万 =
// 180000..300000.
//
// What FindQuantities never reports: ordinals (第五届), dates and clock times
// (2023年2月27日, 两千零五年, 6月底, 三季度, 8:30, 八点三十), labels and names
// (PM2.5, 5G, G107, COVID-19, 3号线, 4.0版, “1+11+7”, quoted slogans),
// outline numbers (一、 （七） 1.), the words and slogans of
// non_quantities.txt (十四五, 一批, 两山, 进一步), 一X一Y slogans (一村一品),
// Chinese numerals with no unit or scale unless they stand alone (共一百零五。)
// or take a bound after them (五百以上) — so not 二十大, 一是, 六十七中 —,
// Chinese digit strings with no unit, magnitudes that name a class (千万家,
// 每万人口, 万元GDP), single capital numerals (陆地, 队伍), and bare Arabic
// numbers that look like years (2023) or codes (0371).
#ifndef MUBIAO_QUANTITY_QUANTITY_H_
#define MUBIAO_QUANTITY_QUANTITY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "quantity/comparator.h"
#include "text/utf8.h"

namespace mubiao::quantity {

// What a quantity measures, from its unit (units.txt).
enum class QuantityKind {
  kNumber,           // no unit: a bare number or a fraction (人口120万)
  kPercent,          // unit "%" (%, ％, 百分之, 千分之, 成, 折)
  kPercentagePoint,  // unit "个百分点"; never folded into %
  kMultiple,         // 倍, 番
  kMoney,            // 元, 美元, …
  kArea,             // 亩, 公顷, 平方米, 平方公里
  kMass,             // 吨, 斤, 公斤, 千克
  kLength,           // 公里, 千米, 米
  kVolume,           // 立方米, 方, 升
  kEnergy,           // 千瓦时, 度, 千瓦, 吨标准煤 (energy and power)
  kTime,             // durations: 年, 个月, 天, 小时
  kPeople,           // 人, 名, 人次, 户
  kCount,            // measure words: 个, 家, 所, 座, 条, 项, …
  kTemperature,      // ℃
  kData,             // 字节, 兆赫
};

// The lower-case name of a kind ("percent", "percentage_point", "money", …),
// as in units.txt.
std::string_view QuantityKindName(QuantityKind kind);
// The kind named `name` (as QuantityKindName writes it); nullopt otherwise.
std::optional<QuantityKind> ParseQuantityKind(std::string_view name);

// One quantity found in a text.
struct Quantity {
  // Byte offsets into the ORIGINAL text (not the normalised form), half-open:
  // begin included, end excluded. Covers the comparator words too
  // (约5%左右, 58万亩以上).
  text::Span span;
  // The original text of `span`.
  std::string text;
  // The value in base units of its scale: 58万 → 580000, 1.3万亿 → 1.3e12,
  // 5% → 5. For a range the lower end.
  double value = 0;
  // The upper end of a range (4.5%至5% → 5; 三四十万 → 400000), else absent.
  std::optional<double> value_max;
  // The unit as written without its scale word, in its canonical form
  // (個 → 个, ％ → %, 百分点 → 个百分点, 万吨 → 吨); "" for a bare number.
  // Compound units keep their slash: "元/人".
  std::string unit;
  QuantityKind kind = QuantityKind::kNumber;
  // The bound the text states (kNone when it states none).
  // Convention for 余/多/几 (十余万, 300多家, 二十几万): kAtLeast with approx
  // set and value the number written (100000, 300, 200000). A bound word
  // after the quantity wins over one before it.
  Comparator cmp = Comparator::kNone;
  // True when the figure is not exact: 约, 左右, 上下, 近, 逾, 余, 多, 几, and
  // ranges made of neighbouring digits (三四十万) or 几/数 (几十万).
  bool approx = false;

  bool operator==(const Quantity&) const = default;
};

// The most spaces that may stand between the parts of a quantity in running
// text (see the grammar above). More is layout, not a writer's habit.
inline constexpr int kMaxGap = 2;

// True when `between` is empty or a gap FindQuantities reads through: at
// most kMaxGap characters that normalisation makes a space (ASCII, U+3000,
// U+00A0, …), but no tab, which the importers put between table cells, and
// no line break.
bool IsGap(std::string_view between);

// Every quantity in `original_utf8`, in text order, none overlapping.
// Normalises a copy internally and maps offsets back to `original_utf8`.
// Invalid UTF-8 is tolerated (such bytes are never part of a quantity).
// Linear time and memory in the input size.
std::vector<Quantity> FindQuantities(std::string_view original_utf8);

// Reads a whole string as one quantity ("58万亩以上", "百分之五", "3-5%",
// "1.2k"). Spaces anywhere are ignored except between two Arabic digits
// (1 3/5 is one and three fifths; 2 315万吨 groups thousands, as in running
// text). Accepts what FindQuantities would find plus what only makes sense
// for a string known to be a figure: lone numerals (一, 壹), digit strings
// (二〇二三), scientific notation (2e5, 2^5), the suffixes k, M, G, and
// fractions without 之 (四分一). The result's span
// covers the whole string. Fails with kInvalidInput, saying why, when the
// string is empty, is not a quantity, or has text left over.
Result<Quantity> ParseQuantity(std::string_view text);

// How strictly ParseNumber reads Chinese numerals.
enum class NumberSyntax {
  // Everything ParseQuantity reads, plus: a trailing 个 (三个 = 3), counted
  // sets (一打 = 12, 一对 = 2) and written amounts of yuan (壹拾壹元 = 11).
  kLenient,
  // Only the canonical written form, as on a cheque: Chinese digits (no 〇,
  // no Arabic digits), every place named (一百一十, not 一百一), one 零 for
  // each gap and none elsewhere (十万零一 but 十万一千), decimals without
  // trailing 零, amounts of yuan ending 元整 or with 角/分.
  kStrict,
};

// Reads a whole string as one number, returning its value: "三万五" → 35000,
// "1.3万亿" → 1.3e12, "负三分之一" → -1/3, "十余万" → 100000 (the number
// written; the approximation is dropped). Fails with kInvalidInput when the
// string is not exactly one number (a range, a percentage, a unit other than
// those of NumberSyntax::kLenient, text left over) or breaks `syntax`.
Result<double> ParseNumber(std::string_view text, NumberSyntax syntax = NumberSyntax::kLenient);

}  // namespace mubiao::quantity

#endif  // MUBIAO_QUANTITY_QUANTITY_H_
