// Extraction of targets, outcomes and commitments.
//
// For every sentence (a ；-separated list item counts as one) of a plan part,
// each quantity with a unit is a candidate target. Its clause is cut at
// ，；： and, outside quotation marks, at 、. What stands before the number is
// read right to left: comparator and change words (稳定在, 增长, 控制在), then
// the indicator, then count verbs and commitment words (新建, 确保). When
// nothing but a verb precedes the number ("新建8个…公园游园"), the indicator
// follows it. Numbers that specify another (the 5000平方米 of
// "8个5000平方米以上公园"), background figures (全市共有58个乡镇) and
// durations are not targets. Review parts give outcomes the same way.
// A gap of spaces a writer puts around a number ("增长 4.7%", "785.6 亿元",
// quantity::IsGap) is no word: the words before and after it are read as if
// it were not there.

#include <algorithm>
#include <functional>
#include <span>

#include "quantity/quantity.h"
#include "targets/lexicon.h"
#include "targets/target.h"
#include "text/ascii.h"
#include "text/labels.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace mubiao::targets {
namespace {

using report::PartKind;
using text::Span;

// The text of a figure "flat on the year before" (see AddFlatFigures).
constexpr std::string_view kFlat = "持平";

// Byte offsets, relative to the sentence, where clauses end: ，；：,;: and the
// sentence end.
bool IsClauseMark(std::string_view s, size_t at, size_t* len) {
  for (std::string_view m : {"，", "；", "：", "。", "！", "？"}) {
    if (s.substr(at, m.size()) == m) {
      *len = m.size();
      return true;
    }
  }
  if (s[at] == ',' || s[at] == ';' || s[at] == ':') {
    *len = 1;
    return true;
  }
  return false;
}

// The clause around [begin, end) of `s`: from after the previous clause mark
// to the next one.
Span ClauseAround(std::string_view s, size_t begin, size_t end) {
  // Backwards byte by byte: no mark's first byte continues a character, so
  // none is found inside one.
  size_t start = 0;
  for (size_t i = begin; i > 0; --i) {
    size_t len;
    if (IsClauseMark(s, i - 1, &len)) {
      start = i - 1 + len;
      break;
    }
  }
  size_t stop = s.size();
  for (size_t i = end; i < s.size();) {
    size_t len;
    if (IsClauseMark(s, i, &len)) {
      stop = i;
      break;
    }
    text::DecodeUtf8(s, &i);
  }
  return {start, stop};
}

// The start of the list item containing `at` within [from, at): after the
// last 、 that is not inside quotation marks.
size_t ItemStart(std::string_view s, size_t from, size_t at) {
  size_t start = from;
  int quote_depth = 0;
  for (size_t i = from; i < at;) {
    size_t next = i;
    char32_t c = text::DecodeUtf8(s, &next);
    if (c == U'“' || c == U'《' || c == U'「' || c == U'（' || c == U'(') ++quote_depth;
    if ((c == U'”' || c == U'》' || c == U'」' || c == U'）' || c == U')') && quote_depth > 0) {
      --quote_depth;
    }
    if (c == U'、' && quote_depth == 0) start = next;
    i = next;
  }
  return start;
}

// The end of a phrase StripWords works on.
enum class PhraseEnd { kFront, kBack };

// Strips, repeatedly, the longest word of any of `categories` at `end` of
// `s`, never into a noun that starts or ends like one (noun_start: 建档立卡
// keeps its 建; noun_end: 行为 keeps its 为); `stripped` gets each stripped
// word as it stands in `s`.
std::string_view StripWords(const Lexicon& lex, PhraseEnd end, std::string_view s,
                            std::initializer_list<std::string_view> categories,
                            std::vector<std::string_view>* stripped = nullptr) {
  const bool front = end == PhraseEnd::kFront;
  const auto word_at_end = [&](std::string_view category) {
    return front ? lex.PrefixIn(category, s) : lex.SuffixIn(category, s);
  };
  for (bool more = true; more && !s.empty();) {
    more = false;
    s = text::TrimSpace(s);
    if (!word_at_end(front ? "noun_start" : "noun_end").empty()) break;
    for (std::string_view category : categories) {
      const size_t size = word_at_end(category).size();
      if (size == 0) continue;
      if (stripped != nullptr)
        stripped->push_back(front ? s.substr(0, size) : s.substr(s.size() - size));
      if (front) {
        s.remove_prefix(size);
      } else {
        s.remove_suffix(size);
      }
      more = true;
      break;
    }
  }
  return text::TrimSpace(s);
}

// The most characters of a comparison's base ("2000年", "“十一五”期末"),
// and those of the words around a base in "在…的基础上".
constexpr size_t kBaseChars = 8;
constexpr size_t kOnChars = 5;

// `indicator` without the base it is compared with at its end
// ("人均生产总值比2000年" → 人均生产总值, "…较“十五”期末", "…在2010年的基础
// 上"): when, not what; "" when nothing else is left.
std::string_view WithoutBase(std::string_view indicator) {
  constexpr std::string_view kOn = "基础上";
  if (indicator.ends_with(kOn)) {
    const size_t at = indicator.rfind("在");
    const bool dated = at != std::string_view::npos &&
                       text::CountCodePoints(indicator.substr(at)) <= kBaseChars + kOnChars;
    return dated ? text::TrimSpace(indicator.substr(0, at))
                 : text::TrimSpace(indicator.substr(0, indicator.size() - kOn.size()));
  }
  for (std::string_view than : {"比", "较"}) {
    const size_t at = indicator.rfind(than);
    if (at == std::string_view::npos) continue;
    const std::string_view base = indicator.substr(at + than.size());
    const bool when = base.ends_with("年") || base.ends_with("末") || base.ends_with("”");
    if (when && text::CountCodePoints(base) <= kBaseChars) {
      return text::TrimSpace(indicator.substr(0, at));
    }
  }
  return indicator;
}

// Where the words before `at` in `s` end: before the gap of spaces there, if any.
size_t EndBeforeGap(std::string_view s, size_t at) {
  const std::string_view words = text::TrimSpace(s.substr(0, at));
  return words.empty() ? 0 : static_cast<size_t>(words.data() - s.data()) + words.size();
}

// How many ASCII digits stand right before `at` in `s`.
size_t DigitsBefore(std::string_view s, size_t at) {
  size_t digits = 0;
  while (digits < at && text::IsAsciiDigit(static_cast<unsigned char>(s[at - 1 - digits]))) {
    ++digits;
  }
  return digits;
}

// The end of the year that starts `s` ("2025年", "2025 年"), or 0.
size_t YearAtStart(std::string_view s) {
  constexpr std::string_view kYear = "年";
  if (s.size() < 4 || DigitsBefore(s, 4) != 4) return 0;
  const std::string_view rest = text::TrimSpace(s.substr(4));
  return rest.starts_with(kYear) ? static_cast<size_t>(rest.data() - s.data()) + kYear.size() : 0;
}

// Deadlines written before the number: 年底前, 6月底前, 到2025年, 用3年时间,
// “十五五”时期, 今后五年. Returns the last one found in `s`, as written.
std::string FindDeadline(const Lexicon& lex, std::string_view s) {
  std::string found;
  size_t found_at = 0;
  auto consider = [&](size_t at, size_t end) {
    if (found.empty() || at >= found_at) {
      found = std::string(s.substr(at, end - at));
      found_at = at;
    }
  };
  for (const std::string& fixed : lex.Words("deadline")) {
    for (size_t at = s.find(fixed); at != std::string_view::npos; at = s.find(fixed, at + 1)) {
      consider(at, at + fixed.size());
    }
  }
  // A five-year plan's period or end ("“十二五”期间", "“十三五”末").
  constexpr std::string_view kOpen = "“", kClose = "”";
  for (size_t at = s.find(kOpen); at != std::string_view::npos; at = s.find(kOpen, at + 1)) {
    const std::string_view rest = s.substr(at + kOpen.size());
    const std::string_view plan = lex.PrefixIn("period", rest);
    if (plan.empty() || !rest.substr(plan.size()).starts_with(kClose)) continue;
    const std::string_view after = rest.substr(plan.size() + kClose.size());
    for (std::string_view when : {"时期", "期间", "期末", "末"}) {
      if (after.starts_with(when)) {
        consider(at, static_cast<size_t>(after.data() - s.data()) + when.size());
        break;
      }
    }
  }
  // "到2025年", "2025年前", "2025年底前", "6月底前", "用3年时间", also with
  // gaps of spaces around the number ("到 2025 年").
  for (size_t at = s.find("年"); at != std::string_view::npos; at = s.find("年", at + 3)) {
    const size_t number_end = EndBeforeGap(s, at);
    const size_t digits = DigitsBefore(s, number_end);
    const size_t word_end = EndBeforeGap(s, number_end - digits);  // of the word before the number
    const auto word_before = [&](std::string_view word) {
      return word_end >= word.size() && s.substr(word_end - word.size(), word.size()) == word;
    };
    size_t end = at + 3;
    if (digits == 4) {
      const bool to = word_before("到");
      const size_t begin = to ? word_end - 3 : number_end - 4;
      if (s.substr(end, 6) == "底前") {
        end += 6;
      } else if (s.substr(end, 3) == "前" || s.substr(end, 3) == "底") {
        end += 3;
      } else if (!to) {
        continue;  // a bare year is a date, not a deadline
      }
      consider(begin, end);
    } else if (digits > 0 && digits <= 2 && word_before("用") && s.substr(end, 6) == "时间") {
      consider(word_end - 3, end + 6);
    }
  }
  for (size_t at = s.find("月底"); at != std::string_view::npos; at = s.find("月底", at + 1)) {
    const size_t number_end = EndBeforeGap(s, at);
    const size_t digits = DigitsBefore(s, number_end);
    if (digits == 0) continue;
    size_t end = at + 6;
    if (s.substr(end, 3) == "前") end += 3;
    consider(number_end - digits, end);
  }
  return found;
}

// The noun phrase after a number ("8个" → "公园游园"): up to the clause end,
// a list mark or a conjunction. A threshold or size class right after the
// number is part of it, as TARGETS.md writes "5000万元以上项目" (20户以上自然村,
// 50亿级产业集群); a specification of size is not ("5000平方米以上公园游园" →
// 公园游园), nor another measure of the same things (7条86.4公里中小河流治理
// 工程 → 中小河流治理工程).
std::string_view IndicatorAfter(const Lexicon& lex, std::string_view rest,
                                const std::vector<quantity::Quantity>& qs, size_t rest_offset) {
  // A gap of spaces after the number is no word ("8个 公园").
  const size_t gap = static_cast<size_t>(text::TrimSpace(rest).data() - rest.data());
  size_t skip = gap;
  for (const quantity::Quantity& q : qs) {
    const bool bound =
        (q.cmp == quantity::Comparator::kAtLeast || q.cmp == quantity::Comparator::kAtMost) &&
        lex.Has("threshold_unit", q.unit);
    const size_t size = q.span.end - rest_offset;
    if (q.span.begin == rest_offset + gap && !bound &&
        !rest.substr(std::min(size, rest.size())).starts_with("级")) {
      skip = size;
    }
  }
  std::string_view s = text::TrimSpace(rest.substr(std::min(skip, rest.size())));
  const size_t s_offset = rest_offset + static_cast<size_t>(s.data() - rest.data());
  // A joining word ends the phrase when another item follows it ("10个集群、
  // 30个产业链", "和郑新快速路等干线公路"), when the words before it are a
  // whole phrase of their own (more than a short modifier, and no 的 closes
  // the modifiers after it: "30个城边村气化改造和未改造城中村洁净煤置换") or
  // the clause goes on past the phrase's length; not when it joins two
  // modifiers of one noun ("100个乡镇及社区体育健身中心", "2家具有全省标杆和
  // 引领作用的农民专业合作社").
  const auto lists_more = [&](size_t at) {
    const std::string_view after = s.substr(at);
    constexpr size_t kModifier = 5;  // characters: a short modifier and the joint
    const std::string_view before = s.substr(0, at);
    if (text::CountCodePoints(before) > kModifier && after.find("的") == std::string_view::npos) {
      return true;
    }
    // Groups of people served ("300万农村人口及学校师生饮水安全问题") are
    // counted as the first group, as ServedIndicator reads them.
    if (!lex.PrefixIn("people", before).empty()) return true;
    return std::any_of(
               qs.begin(), qs.end(),
               [&](const quantity::Quantity& q) { return q.span.begin >= s_offset + at; }) ||
           !lex.PrefixIn("count", after).empty() || !lex.PrefixIn("vague_count", after).empty() ||
           after.find("等") != std::string_view::npos || text::CountCodePoints(s) > 20;
  };
  size_t end = 0;
  size_t chars = 0;
  while (end < s.size() && chars < 20) {
    size_t next = end;
    char32_t c = text::DecodeUtf8(s, &next);
    const bool joint = c == U'、' || c == U'和' || c == U'及' || c == U'与';
    if ((joint && lists_more(next)) || c == U'为' || c == U'（' || c == U'(' || c == ' ') {
      break;
    }
    end = next;
    ++chars;
  }
  return text::TrimSpace(s.substr(0, end));
}

// Whether quantity `k` of sentence `s` is no target by what stands right
// around it: a specification (时速400公里, 500千伏, 5000万元以上项目), a meeting ordinal
// (七届十三次), a count of the document's own items (10个方面, 8个约束性
// 指标, 办好10件民生实事) or of a policy's articles (38条措施, “40条”).
bool IsNoTarget(const Lexicon& lex, std::string_view s, const std::vector<quantity::Quantity>& qs,
                size_t k) {
  const quantity::Quantity& q = qs[k];
  if (lex.Has("spec_unit", q.unit)) return true;
  // Policies are named by their articles in Chinese numerals (大气十条, 惠十条).
  if (q.unit == "条" && q.text.find_first_of("0123456789") == std::string::npos) return true;
  // A gap of spaces between the number and its words is no word ("时速 350公里").
  const std::string_view before = text::TrimSpace(s.substr(0, q.span.begin));
  const std::string_view rest_after = text::TrimSpace(s.substr(q.span.end));
  // The value a standard starts from, its basis between (由每人每年410元).
  const std::string_view basis = lex.SuffixIn("basis", before);
  const std::string_view before_basis = before.substr(0, before.size() - basis.size());
  if (!basis.empty() && (before_basis.ends_with("由") || before_basis.ends_with("从"))) return true;
  // A size class written with its unit: "10亿元级企业", "30万吨级码头".
  if (rest_after.starts_with("级")) return true;
  if (!lex.SuffixIn("spec_before", before).empty() ||
      !lex.SuffixIn("ordinal_before", before).empty() ||
      !lex.SuffixIn("self_count_before", before).empty()) {
    return true;
  }
  // An amount of money (or a size in households, people or area) bounded
  // before a noun specifies it: "5000万元以上项目100个", "营收过两百亿元的企业",
  // "27户以上自然村", "5万平方米以上棚户区" (a count of things so bounded,
  // "建设10个以上特色小镇", is the target itself).
  const bool bound =
      (lex.Has("threshold_unit", q.unit) || lex.Has("size_unit", q.unit)) &&
      (q.cmp == quantity::Comparator::kAtLeast || q.cmp == quantity::Comparator::kAtMost ||
       !lex.SuffixIn("threshold_before", before).empty());
  size_t next = 0;
  if (bound && !rest_after.empty() && text::IsHan(text::DecodeUtf8(rest_after, &next)) &&
      lex.PrefixIn("after_bound", rest_after).empty()) {
    return true;
  }
  // So is an amount that qualifies enterprises or projects with 的, alone or
  // in a list of amounts: "主营业务收入过100亿元、50亿元的企业" (not "每座10万
  // 元的奖励", a promise).
  if (lex.Has("threshold_unit", q.unit)) {
    size_t last = k;
    while (last + 1 < qs.size() && qs[last + 1].unit == q.unit &&
           text::TrimSpace(
               s.substr(qs[last].span.end, qs[last + 1].span.begin - qs[last].span.end)) == "、") {
      ++last;
    }
    const std::string_view tail = text::TrimSpace(s.substr(qs[last].span.end));
    constexpr std::string_view kDe = "的";
    if (tail.starts_with(kDe) && !lex.PrefixIn("threshold_noun", tail.substr(kDe.size())).empty()) {
      return true;
    }
  }
  // A capacity or size followed by its project is the project's
  // specification: "冷水江天宝30万吨冷轧项目", "8米深水航道工程"; after a
  // count verb it is the work to do ("完成2552公里…防护工程").
  if ((q.kind == quantity::QuantityKind::kMass || q.kind == quantity::QuantityKind::kEnergy ||
       q.kind == quantity::QuantityKind::kArea || q.kind == quantity::QuantityKind::kLength ||
       q.kind == quantity::QuantityKind::kVolume) &&
      lex.SuffixIn("count", before).empty()) {
    // In its item; a capacity also in a list of projects closed by 等
    // ("青禾石化60万吨乙烯、…等重点项目建设"; not "退耕还林30万亩、…等重点
    // 工程", work to do).
    std::string_view rest = s.substr(q.span.end);
    for (std::string_view mark : {"，", "。", "；"}) rest = rest.substr(0, rest.find(mark));
    const std::string_view item = rest.substr(0, rest.find("、"));
    const size_t etc = rest.rfind("等");
    const bool capacity =
        q.kind == quantity::QuantityKind::kMass || q.kind == quantity::QuantityKind::kEnergy;
    if (lex.AnyIn("project_word", item) || (capacity && etc != std::string_view::npos &&
                                            lex.AnyIn("project_word", rest.substr(etc)))) {
      return true;
    }
  }
  // A price per unit in brackets explains its item ("接种流感疫苗（76元/剂，
  // 一年一次）"): no promise of its own.
  if ((rest_after.starts_with("/") || rest_after.starts_with("／")) &&
      before.rfind("（") != std::string_view::npos &&
      (before.rfind("）") == std::string_view::npos || before.rfind("）") < before.rfind("（"))) {
    return true;
  }
  // Research institutes go by their numbers ("长城信息和48所等骨干企业"): a
  // number of 所 listed among names, with no noun of its own, is a name.
  if (q.unit == "所" && rest_after.starts_with("等") &&
      (before.ends_with("和") || before.ends_with("与") || before.ends_with("、"))) {
    return true;
  }
  // A place in a ranking ("排名全省前十位", "位居第3名") is no amount.
  if ((q.unit == "位" || q.unit == "名") && (before.ends_with("前") || before.ends_with("第"))) {
    return true;
  }
  // A few words may stand between: "38条降本减负措施".
  const std::string_view after = rest_after.substr(0, std::min(rest_after.find("，"), size_t{18}));
  return lex.AnyIn("self_count", after) || (q.unit == "条" && lex.AnyIn("article_count", after));
}

// An indicator without what only surrounds it: the basis of a rate and the
// value a change starts from ("补助标准由1600元/月" → 补助标准, "审批时间从
// 41个工作日", "面积由“十四五”末的…", "补助标准由年人均1700元", "看护人按每人
// 每月" → 监护人), the verb and basis of the value reached ("最低标准提高到每人
// 每月" → 最低标准), a joining word left at either end ("及优化调整公交站点",
// "精钢和淘汰"), and 即 or 的 at its start.
std::string_view TidyIndicator(const Lexicon& lex, std::string_view indicator) {
  // Every occurrence is tried: 从 and 由 also stand inside words (从业, 自由).
  for (std::string_view cut : {"按每", "由", "从"}) {
    for (size_t at = indicator.find(cut, 1); at != std::string_view::npos;
         at = indicator.find(cut, at + 1)) {
      const std::string_view rest = text::TrimSpace(indicator.substr(at + cut.size()));
      if (cut == "按每" ||
          (!rest.empty() && text::IsAsciiDigit(static_cast<unsigned char>(rest[0]))) ||
          rest.starts_with("“") || rest.starts_with("上年") || rest.starts_with("去年") ||
          !lex.PrefixIn("basis", rest).empty()) {
        indicator = indicator.substr(0, at);
        break;
      }
    }
  }
  if (const std::string_view basis = lex.SuffixIn("basis", indicator); !basis.empty()) {
    const std::string_view before = indicator.substr(0, indicator.size() - basis.size());
    const std::string_view verb = lex.SuffixIn("reach", before);
    if (!verb.empty() && verb.size() < before.size()) {
      indicator = before.substr(0, before.size() - verb.size());
    }
  }
  // 和 and 与 may start a name (和美乡村); 及时 is a word.
  for (bool more = true; more;) {
    more = false;
    for (std::string_view word : {"以及", "及", "即", "的"}) {
      if (indicator.starts_with(word) && !indicator.starts_with("及时")) {
        indicator.remove_prefix(word.size());
        more = true;
      }
    }
    for (std::string_view word : {"以及", "和", "及", "与"}) {
      if (indicator.ends_with(word)) {
        indicator.remove_suffix(word.size());
        more = true;
      }
    }
  }
  return text::TrimSpace(indicator);
}

// Whether quantity `k` of review sentence `s` states no figure of the year
// but its distance from another figure ("高出全省0.8个百分点", "高于预期目标
// 0.5个百分点") or what a project will yield once built ("建成后预计实现产值
// 60亿元").
bool IsRelativeOrProjected(const Lexicon& lex, std::string_view s, const quantity::Quantity& q) {
  const Span clause = ClauseAround(s, q.span.begin, q.span.end);
  const std::string_view lead_in = s.substr(clause.begin, q.span.begin - clause.begin);
  return (q.unit == "个百分点" && lex.AnyIn("relative_to", lead_in)) ||
         lex.AnyIn("projected", lead_in);
}

// Whether quantity `k` of review sentence `s` is the size of the set another
// figure is about ("40宗重点项目完成投资51.2亿元", "79条河涌中64条完成整治"):
// a count opening its item, linked to the figure after it.
bool IsBaseSet(const Lexicon& lex, std::string_view s, const std::vector<quantity::Quantity>& qs,
               size_t k) {
  const quantity::Quantity& q = qs[k];
  const Span clause = ClauseAround(s, q.span.begin, q.span.end);
  const size_t item = ItemStart(s, clause.begin, q.span.begin);
  if (!lex.Has("set_unit", q.unit) ||
      !text::TrimSpace(s.substr(item, q.span.begin - item)).empty() || k + 1 >= qs.size() ||
      qs[k + 1].span.begin >= clause.end) {
    return false;
  }
  const std::string_view between = s.substr(q.span.end, qs[k + 1].span.begin - q.span.end);
  return between.find("、") == std::string_view::npos && lex.AnyIn("set_link", between);
}

// Whether the clause around `q` states a figure of a period ("“十五五”前四年
// 累计…下降14.38%", "年均增长"): an outcome of no single year.
bool IsPeriodFigure(const Lexicon& lex, std::string_view s, const quantity::Quantity& q) {
  const Span clause = ClauseAround(s, q.span.begin, q.span.end);
  return lex.AnyIn("period_figure", s.substr(clause.begin, clause.end - clause.begin));
}

// Whether `s` names `year` ("2029年", "２０２９年").
bool NamesYear(std::string_view s, int year) {
  bool named = false;
  text::ForEachFourDigitNumber(s, /*spaced=*/false, [&](int value, size_t, size_t end) {
    named = named || (value == year && text::TrimSpace(s.substr(end)).starts_with("年"));
  });
  return named;
}

struct Marker {
  size_t at;
  Strength strength;
};

class SentenceScanner {
 public:
  SentenceScanner(const report::Report& report, const Lexicon& lex)
      : report_(report), doc_(report.document), lex_(lex) {}

  // Adds the findings of one sentence of a part of the given kind.
  // `qs` are the quantities of the sentence, with offsets relative to it.
  // `year` is the plan year of a plan's targets, or the year a review's
  // figures are of (0: unknown); `period` when the review covers several
  // years.
  void Scan(Span sentence, const std::vector<quantity::Quantity>& qs, PartKind kind, int year,
            bool period, Extraction* out) {
    std::string_view s = doc_.Slice(sentence);
    const bool plan = kind == PartKind::kPlan;
    std::vector<Marker> markers;
    if (plan) {
      for (Strength strength : {Strength::kEnsure, Strength::kStrive}) {
        for (const std::string& w : lex_.Words(StrengthName(strength))) {
          for (size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + 1)) {
            markers.push_back({at, strength});
          }
        }
      }
    }
    bool any_target = false;
    const size_t first_in_sentence = plan ? out->targets.size() : out->outcomes.size();
    for (size_t k = 0; k < qs.size(); ++k) {
      const quantity::Quantity& q = qs[k];
      if (q.unit.empty()
              ? !MeasuredRightBefore(s, q, "unitless_measure")
              : lex_.Has("duration", q.unit) && !MeasuredRightBefore(s, q, "time_measure")) {
        continue;
      }
      // A number right after another one specifies it: "8个5000平方米以上公园"
      // (but "由36.5%达到39%" reaches it).
      if (k > 0 &&
          quantity::IsGap(s.substr(qs[k - 1].span.end, q.span.begin - qs[k - 1].span.end)) &&
          lex_.PrefixIn("reach", q.text).empty() && lex_.PrefixIn("ge", q.text).empty() &&
          lex_.PrefixIn("le", q.text).empty()) {
        continue;
      }
      // Small numbers in Chinese numerals are words more often than figures
      // (坚持一个中国原则, 三门峡, 四个专班), and so are counts of named sets
      // up to twenty (十项改革, 十二项青禾行动); reports write promises in
      // digits.
      if (q.text.find_first_of("0123456789") == std::string::npos && q.text != kFlat &&
          !IsDoubling(q) && (q.value < 10 || (q.value <= 20 && lex_.Has("set_unit", q.unit)))) {
        continue;
      }
      if (IsSizeClass(s, q)) continue;
      if (IsNoTarget(lex_, s, qs, k) ||
          (!plan && (IsBaseSet(lex_, s, qs, k) || IsRelativeOrProjected(lex_, s, q)))) {
        continue;
      }
      Finding f;
      const std::vector<Finding>& found = plan ? out->targets : out->outcomes;
      const std::string* previous =
          found.size() > first_in_sentence ? &found.back().indicator : nullptr;
      if (!Describe(s, qs, k, plan, previous, &f)) continue;
      OwnAmount(s, sentence.begin,
                std::span<const Finding>(found.begin() + first_in_sentence, found.end()), &f);
      f.kind = plan ? FindingKind::kTarget : FindingKind::kOutcome;
      f.year = plan ? year : OutcomeYearOf(s, q, f, year, period);
      for (const Marker& m : markers) {
        if (m.at < q.span.begin) f.strength = m.strength;
      }
      f.sentence = std::string(s);
      f.sentence_span = sentence;
      f.span = {sentence.begin + f.span.begin, sentence.begin + f.span.end};
      f.section = report_.SectionPath(sentence.begin);
      f.topic = lex_.TopicOf(f.indicator);
      if (f.topic.empty()) f.topic = lex_.TopicOf(f.section);
      if (f.topic.empty()) f.topic = lex_.TopicOf(s);
      any_target = true;
      const std::span<const Finding> earlier(found.begin() + first_in_sentence, found.end());
      for (Finding& each : SplitSubjects(s, qs, earlier, &k, std::move(f))) {
        (plan ? out->targets : out->outcomes).push_back(std::move(each));
      }
    }
    if (plan && !any_target) FindCommitments(sentence, qs, markers, out);
  }

 private:
  // A doubling (翻番, 翻两番): a multiple written in words, a figure all the same.
  static bool IsDoubling(const quantity::Quantity& q) {
    return q.kind == quantity::QuantityKind::kMultiple && q.text.starts_with("翻");
  }

  // Whether `q` is the value of a measure of `category` named right before
  // it in its clause, past link words (保持在, 提高到) and the value it
  // starts from (由78岁提高到): a duration of one counted in time
  // ("优良天数保持在305天", time_measure), a bare number of an index or
  // ratio ("居民消费价格指数102.5左右", unitless_measure).
  bool MeasuredRightBefore(std::string_view s, const quantity::Quantity& q,
                           std::string_view category) const {
    const Span clause = ClauseAround(s, q.span.begin, q.span.end);
    std::string_view before = StripWords(
        lex_, PhraseEnd::kBack, s.substr(clause.begin, q.span.begin - clause.begin), {"trail"});
    constexpr std::string_view kFrom = "由";
    if (const size_t from = before.rfind(kFrom); from != std::string_view::npos) {
      before = text::TrimSpace(before.substr(0, from));
    }
    return !lex_.SuffixIn(category, before).empty();
  }

  // A bare magnitude in Chinese numerals naming the noun right after it
  // (千万亩青禾节水改造工程, 百万亩果园基地, 千亿级产业): a size class, no
  // figure; "新增造林一百万亩。" states one.
  static bool IsSizeClass(std::string_view s, const quantity::Quantity& q) {
    static constexpr std::string_view kMagnitudes[] = {"十", "百", "千", "万", "亿"};
    if (q.text.find_first_of("0123456789") != std::string::npos ||
        std::none_of(std::begin(kMagnitudes), std::end(kMagnitudes),
                     [&](std::string_view m) { return q.text.starts_with(m); })) {
      return false;
    }
    size_t at = q.span.end;
    if (at >= s.size()) return false;
    const char32_t next = text::DecodeUtf8(s, &at);
    static constexpr std::u32string_view kNotNouns = U"以左上多余的，。；、）";
    return next >= 0x4E00 && next <= 0x9FFF && kNotNouns.find(next) == std::u32string_view::npos;
  }

  // The comparator the words of `q` state; none for a review's 达到, which
  // states the figure reached (TARGETS.md: an outcome is "=" unless the
  // text says 以上, 左右…).
  quantity::Comparator StatedComparator(const quantity::Quantity& q, bool plan) const {
    const bool reached = !plan && q.cmp == quantity::Comparator::kAtLeast && !q.approx &&
                         lex_.AnyIn("reach", q.text) && !lex_.AnyIn("outcome_bound", q.text);
    return reached ? quantity::Comparator::kNone : q.cmp;
  }

  // `before` (the words before quantity `k` in `s`) without a count it
  // starts with: the size of the set the figure is about (a bound such as
  // "500万元以上" is a threshold that defines the measure, and stays).
  std::string_view AfterLeadingQuantity(std::string_view s,
                                        const std::vector<quantity::Quantity>& qs, size_t k,
                                        std::string_view before) const {
    if (before.empty()) return before;
    const size_t at = static_cast<size_t>(before.data() - s.data());
    for (size_t j = 0; j < k; ++j) {
      if (qs[j].span.begin == at && qs[j].span.end < qs[k].span.begin &&
          lex_.Has("set_unit", qs[j].unit) && qs[j].cmp == quantity::Comparator::kNone) {
        return text::TrimSpace(s.substr(qs[j].span.end, qs[k].span.begin - qs[j].span.end));
      }
    }
    return before;
  }

  // `indicator` without the verbs standing between its subject and its
  // measure: a budget or commitment verb ("省财政拟安排“三农”投入" →
  // 省财政“三农”投入, "新材料产业力争实现营业收入" → 新材料产业营业收入)
  // and 用于…的 ("省财政用于科技的支出" → 省财政科技支出).
  std::string WithoutInnerVerbs(std::string_view indicator) const {
    std::string out;
    for (size_t at = 0; at < indicator.size();) {
      const std::string_view rest = indicator.substr(at);
      constexpr std::string_view kFor = "用于", kDe = "的";
      const size_t verb = out.empty() ? 0 : lex_.PrefixIn("inner_verb", rest).size();
      const size_t de = rest.starts_with(kFor) ? rest.find(kDe, verb) : 0;
      if (verb > 0 && verb < rest.size() && de != std::string_view::npos &&
          de + kDe.size() < rest.size()) {
        // 用于 goes only with the 的 that closes its object.
        if (de > 0) out.append(rest.substr(verb, de - verb));
        at += de > 0 ? de + kDe.size() : verb;
        continue;
      }
      const size_t begin = at;
      text::DecodeUtf8(indicator, &at);
      out.append(indicator.substr(begin, at - begin));
    }
    return out;
  }

  // The indicator of a count of those served, as the measure reads: "残疾人
  // 提供托养服务" (为3000名残疾人提供康复服务) → 提供康复服务的残疾人, and after
  // 解决 (`verbs`), "农村居民饮水安全问题" → 解决饮水安全问题的农村居民.
  std::string ServedIndicator(const std::string& indicator,
                              const std::vector<std::string_view>& verbs) const {
    constexpr std::string_view kDe = "的";
    const bool solved = std::any_of(verbs.begin(), verbs.end(), [](std::string_view v) {
      return v.find("解决") != std::string_view::npos;
    });
    if (solved) {
      const std::string_view who = lex_.PrefixIn("people", indicator);
      std::string_view what = std::string_view(indicator).substr(who.size());
      if (what.starts_with(kDe)) what.remove_prefix(kDe.size());
      if (who.empty() || what.empty()) return indicator;
      return "解决" + std::string(what) + std::string(kDe) + std::string(who);
    }
    for (size_t at = 0; at < indicator.size();) {
      text::DecodeUtf8(indicator, &at);
      const std::string_view rest = std::string_view(indicator).substr(at);
      const size_t verb = lex_.PrefixIn("served_verb", rest).size();
      if (verb > 0 && verb < rest.size()) {
        return std::string(rest) + std::string(kDe) + indicator.substr(0, at);
      }
    }
    return indicator;
  }

  // The year a review's figure is of: `last_year`, unless it sums up a
  // period (累计, 年均); in a review of several years, only a level reached
  // ("森林覆盖率达到36.7%") or a figure its clause dates to the last year
  // ("2030年生产总值612.4亿元"), not a change over the period or what was
  // built or spent over it.
  int OutcomeYearOf(std::string_view s, const quantity::Quantity& q, const Finding& f,
                    int last_year, bool period) const {
    if (IsPeriodFigure(lex_, s, q) || ComparesWithEarlierYear(s, q, last_year)) return 0;
    if (!period || last_year <= 0) return last_year;
    const Span clause = ClauseAround(s, q.span.begin, q.span.end);
    const std::string_view words = s.substr(clause.begin, clause.end - clause.begin);
    if (NamesYear(words, last_year)) return last_year;
    // A level reached is written with a word of reaching, right before the
    // number or as the start of its text; what was built or spent over the
    // years is not.
    const std::string_view lead_in =
        text::TrimSpace(s.substr(clause.begin, q.span.begin - clause.begin));
    const bool reached =
        !lex_.SuffixIn("reach", lead_in).empty() || !lex_.PrefixIn("reach", q.text).empty();
    // So is a stock named without a verb ("社会消费品零售总额318.7亿元");
    // a count verb before the number counts what the years built or spent.
    std::vector<std::string_view> verbs;
    StripWords(lex_, PhraseEnd::kFront, StripWords(lex_, PhraseEnd::kFront, lead_in, {"lead"}),
               {"count"}, &verbs);
    const bool stock = verbs.empty() && lex_.AnyIn("stock", lead_in);
    return f.change == Change::kLevel && (reached || stock) ? last_year : 0;
  }

  // Whether the clause of `q` compares with a year before the one before
  // `last_year` ("较2025年增长30%" in a review of 2030): a change over
  // several years, no figure of one.
  static bool ComparesWithEarlierYear(std::string_view s, const quantity::Quantity& q,
                                      int last_year) {
    if (last_year <= 0) return false;
    const Span clause = ClauseAround(s, q.span.begin, q.span.end);
    const std::string_view words = s.substr(clause.begin, q.span.begin - clause.begin);
    bool earlier = false;
    text::ForEachFourDigitNumber(words, /*spaced=*/false, [&](int value, size_t begin, size_t end) {
      const std::string_view before = words.substr(0, begin);
      const bool base = before.ends_with("比") || before.ends_with("较") || before.ends_with("与");
      earlier = earlier || (base && words.substr(end).starts_with("年") && value < last_year - 1);
    });
    return earlier;
  }

  // Fills indicator, value, unit, cmp, change, deadline and the span of
  // `text` (relative to the sentence). False when the number is no target.
  // `body` from the stripped verb before it that says what it measures: a
  // verb that defines the measure (引进领军人才), else, before a bare measure
  // word, the last count verb (新增造林面积 → 造林面积, not 面积).
  std::string_view WithDefiningVerb(std::string_view body,
                                    const std::vector<std::string_view>& verbs) const {
    if (body.empty()) return body;
    const auto from = [&](std::string_view verb) {
      return std::string_view(verb.data(),
                              static_cast<size_t>(body.data() + body.size() - verb.data()));
    };
    const auto defining = std::find_if(
        verbs.begin(), verbs.end(), [&](std::string_view v) { return lex_.Has("count_kept", v); });
    if (defining != verbs.end()) return from(*defining);
    if (!lex_.Has("bare_measure", body)) return body;
    const auto count = std::find_if(verbs.rbegin(), verbs.rend(),
                                    [&](std::string_view v) { return lex_.Has("count", v); });
    return count == verbs.rend() ? body : from(*count);
  }

  // "实施交通项目32个，完成投资250亿元": an amount with no subject of its
  // own (bare_amount) is of the things the sentence counted last before it
  // (交通项目投资), when their count is of a set (个, 家, 宗…) named by a
  // noun, not by what happened to it ("建成或部分建成40个"), in the clause
  // before its own; else of the industry the clause before names ("做强青禾装备
  // 制造产业，营业收入达到86亿元" → 青禾装备制造产业营业收入). `f`'s span is
  // relative to sentence `s`, which begins at `sentence_at`; the earlier
  // findings' spans are the document's.
  void OwnAmount(std::string_view s, size_t sentence_at, std::span<const Finding> earlier,
                 Finding* f) const {
    if (!lex_.Has("bare_amount", f->indicator)) return;
    if (const std::string counted = CountedBefore(s, sentence_at, earlier, *f); !counted.empty()) {
      f->indicator = counted + f->indicator;
    } else {
      f->indicator = IndustryBefore(s, f->span.begin) + f->indicator;
    }
  }

  // The indicator of the set counted before amount `f` whose amount it is
  // (see OwnAmount), else "".
  std::string CountedBefore(std::string_view s, size_t sentence_at,
                            std::span<const Finding> earlier, const Finding& f) const {
    const auto counted = std::find_if(earlier.rbegin(), earlier.rend(), [&](const Finding& e) {
      return lex_.Has("set_unit", e.unit);
    });
    if (counted == earlier.rend() || !lex_.SuffixIn("count", counted->indicator).empty() ||
        !lex_.SuffixIn("bare_event", counted->indicator).empty()) {
      return {};
    }
    const size_t from = counted->span.end - sentence_at;
    if (from > f.span.begin) return {};
    size_t clauses = 0;
    for (size_t at = from, len = 0; at < f.span.begin; at += std::max<size_t>(len, 1)) {
      len = 0;
      if (IsClauseMark(s, at, &len)) ++clauses;
    }
    // Each figure after the count may take a clause of its own ("发展到710家，
    // 产值达到1800亿元，增加值达到550亿元"); other clauses change the subject.
    const auto figures_between = std::distance(earlier.rbegin(), counted);
    return clauses <= 1 + static_cast<size_t>(figures_between) ? counted->indicator : std::string();
  }

  // Whether `before` has a background word (共有, 拥有) outside the names of
  // measures that hold one (万人发明专利拥有量, 每千人拥有医生数).
  bool NamesBackground(std::string_view before) const {
    if (!lex_.AnyIn("background", before)) return false;
    std::string rest(before);
    for (const std::string& name : lex_.Words("background_not")) {
      for (size_t at = rest.find(name); at != std::string::npos; at = rest.find(name, at)) {
        rest.replace(at, name.size(), "|");
      }
    }
    return lex_.AnyIn("background", rest);
  }

  // The most characters of an industry's name.
  static constexpr size_t kIndustryChars = 12;

  // The industry the clause before the one at `at` of `s` ends naming, its
  // verbs dropped ("做优青禾纺织产业，营业收入达到46亿元" → 青禾纺织产业), else "".
  std::string IndustryBefore(std::string_view s, size_t at) const {
    const size_t own = ClauseAround(s, at, at).begin;
    if (own == 0) return {};
    // The mark before the clause: one byte (",") or a full-width one.
    const size_t mark = own - (static_cast<unsigned char>(s[own - 1]) < 0x80 ? 1 : 3);
    const Span before = ClauseAround(s, mark, mark);
    const std::string_view words = s.substr(before.begin, mark - before.begin);
    if (lex_.SuffixIn("industry_end", words).empty()) return {};
    const std::string_view industry =
        StripWords(lex_, PhraseEnd::kFront, words, {"lead", "ensure", "strive", "count", "manner"});
    if (text::CountCodePoints(industry) > kIndustryChars || lex_.Has("industry_end", industry)) {
      return {};
    }
    return std::string(industry);
  }

  // `body` up to its count verb: without a 的 or the words of what remains
  // of a set ("完成剩余的" → 完成) that may stand between the verb and the
  // number.
  std::string_view VerbEnd(std::string_view body) const {
    for (std::string_view tail : {"剩余的", "剩余", "的"}) {
      if (body.ends_with(tail)) return body.substr(0, body.size() - tail.size());
    }
    return body;
  }

  // `before` without its commitment and lead words and a deadline written
  // before the number (年底前, 到2027年, "2025年新材料产业规模…"), which goes
  // to `deadline`.
  std::string_view WithoutLeadAndDeadline(std::string_view s, const quantity::Quantity& q,
                                          std::string_view before, std::string* deadline) const {
    std::string_view head =
        StripWords(lex_, PhraseEnd::kFront, before, {"lead", "ensure", "strive"});
    *deadline = FindDeadline(lex_, s.substr(0, q.span.begin));
    if (!deadline->empty() && head.starts_with(*deadline)) {
      head = StripWords(lex_, PhraseEnd::kFront, head.substr(deadline->size()),
                        {"lead", "ensure", "strive"});
    } else if (const size_t year = YearAtStart(head); year > 0 && year < head.size()) {
      // "2025年新材料产业规模…": the year is when, not what.
      if (deadline->empty()) *deadline = std::string(head.substr(0, year));
      head = StripWords(lex_, PhraseEnd::kFront, head.substr(year), {"lead", "ensure", "strive"});
    }
    return head;
  }

  // The indicator of quantity `k` when the words before it (`indicator`)
  // name nothing of their own: what follows the number, with `end` moved to
  // its end ("新建6个3000平方米以上口袋公园"); so in "推进滨河大道等12条道路建设",
  // where X is only an example, and in "完成城区12处易积水点改造", where X
  // is only where. Else the example or the place itself, the verb (`head`:
  // "共认定15家"), or `list_previous`, the measure of the item before a list
  // item ("覆盖率分别为100%和80%"); empty when there is none.
  std::string_view IndicatorAfterNumber(std::string_view s,
                                        const std::vector<quantity::Quantity>& qs, size_t k,
                                        Span clause, std::string_view indicator,
                                        std::string_view head, bool counted,
                                        const std::string* list_previous, size_t* end) const {
    const quantity::Quantity& q = qs[k];
    const bool example = !indicator.empty();
    if (!counted && !example) return {};
    const std::string_view rest = s.substr(q.span.end, clause.end - q.span.end);
    const std::string_view after =
        StripWords(lex_, PhraseEnd::kBack, IndicatorAfter(lex_, rest, qs, q.span.end), {"trail"});
    if (!after.empty()) {
      indicator = after;
      *end = static_cast<size_t>(indicator.data() + indicator.size() - s.data());
    } else if (indicator.ends_with("等")) {
      indicator.remove_suffix(std::string_view("等").size());  // the example is all there is
    } else if (!example) {
      // "共认定15家": nothing names what is counted but the verb; "覆盖率
      // 分别为100%和80%": the item after 和 is of the same measure.
      indicator = StripWords(lex_, PhraseEnd::kBack, head, {"trail"});
      if (indicator.empty() && list_previous != nullptr) indicator = *list_previous;
    }  // a place with nothing named after the number stays the indicator
    return indicator;
  }

  // The words before quantity `k` that may say what it measures: from the
  // start of its item of `clause` (or of the clause, when the item holds
  // less), without the item's label or a count opening it. `list_item` is
  // set when the number opens a list item that counts what follows it.
  std::string_view WordsBefore(std::string_view s, const std::vector<quantity::Quantity>& qs,
                               size_t k, Span clause, bool* list_item) const {
    const quantity::Quantity& q = qs[k];
    size_t item = ItemStart(s, clause.begin, q.span.begin);
    std::string_view before = text::TrimSpace(s.substr(item, q.span.begin - item));
    // A number that opens a list item ("打造10个集群、30个产业链和300个…")
    // counts what follows it, like the item before it.
    for (std::string_view joint : {"和", "及", "与"}) {
      if (before.ends_with(joint) && k > 0 && qs[k - 1].span.end > item) *list_item = true;
    }
    if (before.empty() && item > clause.begin) *list_item = true;
    if (*list_item) before = {};
    if (!*list_item && text::CountCodePoints(before) < 2) {
      // "王庄、酒孙2个精品片区项目": the words before the 、 belong to it.
      item = clause.begin;
      before = text::TrimSpace(s.substr(item, q.span.begin - item));
    }
    // A list item's label ("（12）", "3.", "三是") numbers the item, not the
    // measure; nor does the size of the set a figure is about ("180宗重点
    // 项目完成投资51.2亿元").
    before = text::TrimSpace(before.substr(text::ListLabel(before)));
    before = AfterLeadingQuantity(s, qs, k, before);
    return before;
  }

  bool Describe(std::string_view s, const std::vector<quantity::Quantity>& qs, size_t k, bool plan,
                const std::string* previous_indicator, Finding* f) {
    const quantity::Quantity& q = qs[k];
    const Span clause = ClauseAround(s, q.span.begin, q.span.end);
    bool list_item = false;
    const std::string_view before = WordsBefore(s, qs, k, clause, &list_item);
    if (NamesBackground(before) || (plan && lex_.AnyIn("done_marker", before))) {
      return false;
    }

    // Left to right: commitment and lead words, a deadline, count verbs.
    std::string deadline;
    std::string_view head = WithoutLeadAndDeadline(s, q, before, &deadline);
    std::vector<std::string_view> verbs;
    // Joined verbs go together: "新建和改造提升青禾渠系".
    std::string_view body = StripWords(lex_, PhraseEnd::kFront, head, {"count", "lead"}, &verbs);
    // A count verb, or nothing but commitment words, before the number: what
    // is counted follows it ("争创30个省级美丽宜居村庄"); a verb of change
    // with nothing named after the number changes the measure before
    // ("同比提升3个百分点", but "增加400辆公交车").
    const auto named_after = [&] {
      return !IndicatorAfter(lex_, s.substr(q.span.end, clause.end - q.span.end), qs, q.span.end)
                  .empty();
    };
    const bool change_only =
        body.empty() && !verbs.empty() &&
        std::all_of(verbs.begin(), verbs.end(),
                    [&](std::string_view v) { return lex_.Has("change_count", v); }) &&
        !named_after();
    // A count verb right before the number, after words that are no noun
    // ("高标准谋划和组织实施100个省列重大项目", "全面完成剩余的122个…"):
    // what is counted follows the number, as after a leading verb.
    const bool verb_before = !body.empty() && !lex_.SuffixIn("count", VerbEnd(body)).empty() &&
                             lex_.SuffixIn("level_verb", body).empty() && named_after();
    if (verb_before) body = {};
    const bool counted = (!verbs.empty() && !change_only) || head.empty() || verb_before;
    body = WithDefiningVerb(body, verbs);
    std::string_view indicator =
        StripWords(lex_, PhraseEnd::kBack,
                   WithoutBase(StripWords(lex_, PhraseEnd::kBack, body, {"trail"})), {"trail"});
    size_t end = q.span.end;
    bool served = false;  // the indicator is what the number counts, after it
    if (indicator.empty() && !counted && previous_indicator != nullptr &&
        !previous_indicator->empty()) {
      // "地区生产总值完成186.4亿元，增长6.2%": the rate of the same indicator.
      indicator = *previous_indicator;
    } else if (indicator.empty() || indicator.ends_with("等") ||
               !lex_.SuffixIn("place_end", indicator).empty()) {
      indicator = IndicatorAfterNumber(s, qs, k, clause, indicator, head, counted,
                                       list_item ? previous_indicator : nullptr, &end);
      if (indicator.empty()) return false;
      served = counted;
    }
    // "“舞台艺术进乡村、进社区”等各类演出": the indicator is what follows 等.
    for (std::string_view cut : {"等各类", "等", "各类"}) {
      size_t at = indicator.rfind(cut);
      if (at != std::string_view::npos && at + cut.size() < indicator.size() &&
          !indicator.substr(at).starts_with("等级")) {
        indicator = text::TrimSpace(indicator.substr(at + cut.size()));
        break;
      }
    }
    indicator = TidyIndicator(lex_, indicator);
    if (text::CountCodePoints(indicator) < 2) return false;

    f->indicator = WithoutInnerVerbs(indicator);
    if (served) f->indicator = ServedIndicator(f->indicator, verbs);
    // "实施通村油路3000公里，建成通车1500公里": an event without a subject of
    // its own happens to the item before.
    if (lex_.Has("bare_event", indicator) && previous_indicator != nullptr &&
        !previous_indicator->empty() && head.ends_with(indicator)) {
      f->indicator = *previous_indicator + std::string(head);
    }
    // The text runs from the words before the number (or the indicator
    // after it); an indicator taken from the item before starts at the
    // number.
    size_t begin = q.span.begin;
    const std::less_equal<const char*> at_or_before;
    for (std::string_view from : {head, indicator}) {
      if (!from.empty() && at_or_before(s.data(), from.data()) &&
          at_or_before(from.data(), s.data() + q.span.begin)) {
        begin = static_cast<size_t>(from.data() - s.data());
        break;
      }
    }
    begin = std::min(begin, q.span.begin);
    f->span = {begin, end};
    f->text = std::string(s.substr(begin, end - begin));
    f->value = q.value;
    f->value_max = q.value_max;
    f->unit = q.unit;
    f->deadline = deadline;
    f->average = lex_.AnyIn("average", s.substr(clause.begin, q.span.begin - clause.begin));

    SetComparison(q, plan, before, head, body, verbs, indicator, f);
    return true;
  }

  // The comparator and change of `f` from the words before its number
  // (`before`, with `head` and `body` what is left of it after the lead and
  // the count words `verbs`): 增长/下降, 不低于/控制在, 按每人, 拟投入….
  void SetComparison(const quantity::Quantity& q, bool plan, std::string_view before,
                     std::string_view head, std::string_view body,
                     const std::vector<std::string_view>& verbs, std::string_view indicator,
                     Finding* f) const {
    std::string_view lead_in = before.substr(before.size() - std::min<size_t>(before.size(), 15));
    if (!lex_.SuffixIn("up", lead_in).empty()) f->change = Change::kUp;
    if (!lex_.SuffixIn("down", lead_in).empty()) f->change = Change::kDown;
    for (std::string_view v : verbs) {
      if (v == "新增") f->change = Change::kUp;
    }
    if (body.starts_with("新增") || head.starts_with("新增")) f->change = Change::kUp;

    using quantity::Comparator;
    const Comparator written = StatedComparator(q, plan);
    if (written != Comparator::kNone) {
      f->cmp = written;
    } else if (!plan) {
      f->cmp = Comparator::kEqual;
    } else if (lex_.AnyIn("set_rate", before)) {
      f->cmp = Comparator::kEqual;  // a standard per head: 按每人每月380元
    } else if (!lex_.SuffixIn("le", before).empty()) {
      f->cmp = Comparator::kAtMost;
    } else if (!lex_.SuffixIn("ge", before).empty()) {
      f->cmp = Comparator::kAtLeast;
    } else if (lex_.AnyIn("budget", before) && (q.unit == "元" || q.unit == "%")) {
      f->cmp = Comparator::kEqual;
    } else if (lex_.AnyIn("cap", indicator) && f->change != Change::kDown) {
      f->cmp = Comparator::kAtMost;
    } else {
      f->cmp = Comparator::kAtLeast;
    }
  }

  // The head the subjects of a list share, taken from the last one, or ""
  // when each names its own: "城镇和农村低保标准": short modifiers of equal
  // length share what follows the last one's (城镇低保标准, 农村低保标准); a
  // last modifier one character longer ends at a head word ("蔬菜、中药材产值"
  // → 产值). Longer modifiers of equal length ("城镇居民、农村居民人均可支配
  // 收入", "户籍人口和常住人口城镇化率") share it when they are built alike and
  // what follows names a measure (a list_head or shared_head word closes it).
  std::string_view SharedModifierHead(const std::vector<std::string_view>& subjects) const {
    const size_t width = text::CountCodePoints(subjects.front());
    if (width > kParallelChars ||
        !std::all_of(subjects.begin(), subjects.end() - 1,
                     [&](std::string_view x) { return text::CountCodePoints(x) == width; })) {
      return {};
    }
    const std::string_view last = subjects.back();
    const std::string_view word = lex_.SuffixIn("list_head", last);
    size_t at = 0;
    for (size_t i = 0; i < width && at < last.size(); ++i) text::DecodeUtf8(last, &at);
    if (width <= 2 && !word.empty() &&
        text::CountCodePoints(last.substr(0, last.size() - word.size())) == width + 1) {
      return word;
    }
    if (width <= 2) return last.substr(at);
    const bool measure = !word.empty() || !lex_.SuffixIn("shared_head", last).empty();
    return at < last.size() && measure && Parallel(subjects.front(), last.substr(0, at))
               ? last.substr(at)
               : std::string_view();
  }

  // The longest modifiers of a list read as parallel (equal in length).
  static constexpr size_t kParallelChars = 6;

  // Whether two modifiers of equal length are built alike: some character
  // stands at the same place in both (城镇居民 and 农村居民, 高中阶段 and
  // 高等教育), which a cut at the wrong place ("化学需氧量" beside
  // "二氧化硫排…") does not show.
  static bool Parallel(std::string_view a, std::string_view b) {
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (text::DecodeUtf8(a, &i) == text::DecodeUtf8(b, &j)) return true;
    }
    return false;
  }

  // "甲、乙、丙产量分别达到10万吨、20万吨、3万吨" is three findings, paired in
  // order, and "甲、乙均增长10%" (各) two with the value shared (TARGETS.md):
  // `f`, the finding of quantity *k, split by its subjects. A 分别 that
  // opens its clause pairs its values with the subjects of the findings
  // before it in the sentence (`earlier`): "城镇居民收入4万元、农村居民收入2万元，
  // 分别增长5%和7%". For 分别, *k moves to the last quantity paired.
  // Anything else is `f` alone.
  std::vector<Finding> SplitSubjects(std::string_view s, const std::vector<quantity::Quantity>& qs,
                                     std::span<const Finding> earlier, size_t* k, Finding f) const {
    const quantity::Quantity& q = qs[*k];
    const Span clause = ClauseAround(s, q.span.begin, q.span.end);
    std::string_view lead = s.substr(clause.begin, q.span.begin - clause.begin);
    lead.remove_prefix(text::ListLabel(lead));
    // The subjects stand between the clause's lead words and the mark.
    size_t mark = lead.find("分别");
    // "城乡居民人均可支配收入达4.1万元、2.3万元": a 城乡 subject with two
    // values listed after it pairs them as 分别 would.
    if (mark == std::string_view::npos && ListsTwoAfterTownAndCountry(s, qs, *k, clause, f)) {
      mark = lead.size();
    }
    const bool each = mark != std::string_view::npos;
    bool shared = false;
    if (!each && (f.indicator.ends_with("均") || f.indicator.ends_with("各")) &&
        lex_.SuffixIn("per_word", f.indicator).empty()) {
      mark = lead.rfind(f.indicator.ends_with("均") ? "均" : "各");
      shared = mark != std::string_view::npos;
    }
    if (!each && !shared) return {std::move(f)};
    const std::string_view subjects_text = StripWords(
        lex_, PhraseEnd::kBack,
        WithoutCountVerb(StripWords(lex_, PhraseEnd::kFront, text::TrimSpace(lead.substr(0, mark)),
                                    {"lead", "ensure", "strive"})),
        {"trail"});
    std::vector<size_t> values = {*k};  // for 分别: this quantity and those listed after it
    while (each && values.back() + 1 < qs.size()) {
      const quantity::Quantity& next = qs[values.back() + 1];
      const std::string_view gap = GapAfter(s, qs, values.back());
      if (next.span.end > clause.end ||
          !(gap == "、" || gap == "和" || gap == "及" || gap == "与")) {
        break;
      }
      values.push_back(values.back() + 1);
    }
    const std::vector<std::string> paired = each && subjects_text.empty()
                                                ? EarlierSubjects(earlier, values.size())
                                                : PairedSubjects(subjects_text);
    const std::vector<std::string_view> subjects =
        paired.empty() ? SplitList(subjects_text)
                       : std::vector<std::string_view>(paired.begin(), paired.end());
    // "二氧化硫、氮氧化物排放量分别下降2.5%": one value for every subject (not
    // the last value of a list that began before it).
    const size_t mark_at = static_cast<size_t>(lead.data() - s.data()) + mark;
    const bool one_value =
        each && values.size() == 1 && (*k == 0 || qs[*k - 1].span.end <= mark_at);
    if (subjects.size() < 2 || (each && !one_value && subjects.size() != values.size())) {
      return {std::move(f)};
    }
    const std::string_view head = SharedModifierHead(subjects);
    // "农村卫生厕所和污水处理设施覆盖率分别…": a rate or amount closing
    // the last subject is each one's (农村卫生厕所覆盖率, 二氧化硫排放量).
    const std::string_view shared_head = lex_.SuffixIn("shared_head", subjects.back());
    // Each finding's span runs from its own subject to its own value, so no
    // two share a span, and a key: "乙、丙产量分别达到10万吨、20万吨" for 乙.
    // The two of 城乡… begin at 城 and at 乡.
    const size_t sentence_at = f.sentence_span.begin;
    const auto subject_at = [&](size_t i) {
      if (subjects_text.empty()) return f.span.begin - sentence_at;
      const std::string_view from = paired.empty() ? subjects[i] : subjects_text;
      const size_t at = static_cast<size_t>(from.data() - s.data());
      return paired.empty() || i == 0 ? at : at + std::string_view("城").size();
    };
    std::vector<Finding> out;
    for (size_t i = 0; i < subjects.size(); ++i) {
      Finding one = f;
      const size_t end = each && !one_value && values[i] != values.front()
                             ? sentence_at + qs[values[i]].span.end
                             : f.span.end;
      const size_t begin = sentence_at + subject_at(i);
      one.span = {i == 0 ? std::min(begin, f.span.begin) : begin, end};
      one.text = std::string(s.substr(one.span.begin - sentence_at, end - one.span.begin));
      one.indicator = std::string(subjects[i]);
      if (i + 1 < subjects.size()) one.indicator += head;
      if (head.empty() && !shared_head.empty() && shared_head.size() < subjects.back().size() &&
          lex_.SuffixIn("shared_head", one.indicator).empty() && !one.indicator.ends_with("率")) {
        one.indicator += shared_head;
      }
      if (each && !one_value) {
        const quantity::Quantity& v = qs[values[i]];
        one.value = v.value;
        one.value_max = v.value_max;
        one.unit = v.unit;
        const quantity::Comparator stated = StatedComparator(v, f.kind == FindingKind::kTarget);
        if (stated != quantity::Comparator::kNone) one.cmp = stated;
      }
      out.push_back(std::move(one));
    }
    *k = values.back();
    return out;
  }

  // `subjects` without the count verbs before them ("新建乡村便民服务站和文化站
  // 分别为…" → 乡村便民服务站, 文化站); a verb that defines what is counted
  // (引进) or says how it changes (新增, 增加) stays.
  std::string_view WithoutCountVerb(std::string_view subjects) const {
    std::vector<std::string_view> verbs;
    const std::string_view rest =
        StripWords(lex_, PhraseEnd::kFront, subjects, {"count", "lead"}, &verbs);
    const bool defining = std::any_of(verbs.begin(), verbs.end(), [&](std::string_view v) {
      return lex_.Has("count_kept", v) || lex_.Has("up", v) || lex_.Has("down", v);
    });
    return rest.empty() || defining ? subjects : rest;
  }

  // The text between quantity `k` and the next, trimmed (、 in "3万吨、5万吨").
  static std::string_view GapAfter(std::string_view s, const std::vector<quantity::Quantity>& qs,
                                   size_t k) {
    return text::TrimSpace(s.substr(qs[k].span.end, qs[k + 1].span.begin - qs[k].span.end));
  }

  // Whether quantity `k` of a finding whose subject is 城乡… is followed in
  // its clause by exactly one more of its unit, joined by 、 or 和, and is
  // the first value of the clause.
  static bool ListsTwoAfterTownAndCountry(std::string_view s,
                                          const std::vector<quantity::Quantity>& qs, size_t k,
                                          Span clause, const Finding& f) {
    if (!f.indicator.starts_with("城乡") || PairedSubjects(f.indicator).empty() ||
        k + 1 >= qs.size() || (k > 0 && qs[k - 1].span.end > clause.begin)) {
      return false;
    }
    const quantity::Quantity& next = qs[k + 1];
    const std::string_view gap = GapAfter(s, qs, k);
    const bool third = k + 2 < qs.size() && qs[k + 2].span.end <= clause.end;
    return next.span.end <= clause.end && next.unit == qs[k].unit && !third &&
           (gap == "、" || gap == "和");
  }

  // "城乡居民人均消费支出分别增长4.3%和5.6%": one subject that names the
  // measure of the towns and of the countryside is two (城镇居民…, 农村居民…),
  // as the gold's readers settled; empty for any other subject.
  static std::vector<std::string> PairedSubjects(std::string_view subject) {
    constexpr std::string_view kTownAndCountry = "城乡";
    if (!subject.starts_with(kTownAndCountry) || subject.size() == kTownAndCountry.size() ||
        subject.find("、") != std::string_view::npos ||
        subject.find("和") != std::string_view::npos) {
      return {};
    }
    const std::string_view rest = subject.substr(kTownAndCountry.size());
    return {"城镇" + std::string(rest), "农村" + std::string(rest)};
  }

  // The indicators of the last `n` findings of `earlier`, when n ≥ 2 and
  // they name n different measures; else empty.
  static std::vector<std::string> EarlierSubjects(std::span<const Finding> earlier, size_t n) {
    if (n < 2 || earlier.size() < n) return {};
    std::vector<std::string> out;
    for (size_t i = earlier.size() - n; i < earlier.size(); ++i) {
      if (std::find(out.begin(), out.end(), earlier[i].indicator) != out.end()) return {};
      out.push_back(earlier[i].indicator);
    }
    return out;
  }

  // The items of "甲、乙和丙": split at 、 and the joining words; empty items dropped.
  static std::vector<std::string_view> SplitList(std::string_view list) {
    std::vector<std::string_view> items;
    size_t start = 0;
    for (size_t i = 0; i < list.size();) {
      size_t len = 0;
      for (std::string_view joint : {"、", "和", "及", "与"}) {
        if (list.substr(i).starts_with(joint)) len = joint.size();
      }
      if (len == 0) {
        text::DecodeUtf8(list, &i);
        continue;
      }
      if (i > start) items.push_back(list.substr(start, i - start));
      i += len;
      start = i;
    }
    if (start < list.size()) items.push_back(list.substr(start));
    return items;
  }

  // A promise without a number: a clause that starts with an achievement
  // verb (创成, 争创, 通过…) and ends with what is achieved (城市, 验收, 达标).
  void FindCommitments(Span sentence, const std::vector<quantity::Quantity>& qs,
                       const std::vector<Marker>& markers, Extraction* out) {
    if (!qs.empty()) return;
    std::string_view s = doc_.Slice(sentence);
    size_t start = 0;
    for (size_t i = 0; i <= s.size();) {
      size_t len = 0;
      bool at_end = i == s.size();
      if (at_end || IsClauseMark(s, i, &len)) {
        std::string_view clause = text::TrimSpace(s.substr(start, i - start));
        std::string_view core = StripWords(lex_, PhraseEnd::kFront, clause, {"lead"});
        if (!lex_.PrefixIn("commit_verb", core).empty() &&
            !lex_.SuffixIn("commit_end", core).empty() && text::CountCodePoints(core) >= 5 &&
            text::CountCodePoints(core) <= 40) {
          Finding f;
          f.kind = FindingKind::kCommitment;
          size_t begin = static_cast<size_t>(core.data() - s.data());
          f.span = {sentence.begin + begin, sentence.begin + begin + core.size()};
          f.text = std::string(core);
          f.indicator = std::string(
              StripWords(lex_, PhraseEnd::kFront, core, {"commit_verb", "ensure", "strive"}));
          f.sentence = std::string(s);
          f.sentence_span = sentence;
          f.section = report_.SectionPath(sentence.begin);
          f.topic = lex_.TopicOf(core);
          if (f.topic.empty()) f.topic = lex_.TopicOf(f.section);
          f.year = report_.metadata.year;
          for (const Marker& m : markers) {
            if (m.at <= begin) f.strength = m.strength;
          }
          out->commitments.push_back(std::move(f));
        }
        if (at_end) break;
        i += len;
        start = i;
      } else {
        text::DecodeUtf8(s, &i);
      }
    }
  }

  const report::Report& report_;
  const report::Document& doc_;
  const Lexicon& lex_;
};

// "居民消费价格与上年持平": a change of 0% from the year before, which
// reviews and communiqués write without a number. Adds such figures to the
// quantities of a paragraph (in text order, never overlapping one).
void AddFlatFigures(const Lexicon& lex, std::string_view paragraph,
                    std::vector<quantity::Quantity>* qs) {
  for (size_t at = paragraph.find(kFlat); at != std::string_view::npos;
       at = paragraph.find(kFlat, at + kFlat.size())) {
    if (lex.SuffixIn("flat_with", text::TrimSpace(paragraph.substr(0, at))).empty()) continue;
    quantity::Quantity q;
    q.span = {at, at + kFlat.size()};
    q.text = std::string(kFlat);
    q.unit = "%";
    q.kind = quantity::QuantityKind::kPercent;
    q.cmp = quantity::Comparator::kEqual;
    auto next = std::find_if(qs->begin(), qs->end(),
                             [&](const quantity::Quantity& o) { return o.span.end > at; });
    if (next != qs->end() && next->span.begin < q.span.end) continue;
    qs->insert(next, std::move(q));
  }
}

// The period a multi-year plan part is about, from its heading, as written:
// "“十四五”时期" for "二、“十三五”时期发展成就和“十四五”时期主要目标任务" (the last
// period named), "今后五年". Empty when the heading names none, or also
// names the plan year ("“十四五”时期和2021年工作安排"): the year's targets
// are there too.
std::string PeriodOf(const Lexicon& lex, std::string_view heading, int year) {
  if (heading.find("今年") != std::string_view::npos ||
      (year > 0 && heading.find(std::to_string(year) + "年") != std::string_view::npos)) {
    return "";
  }
  size_t best = std::string_view::npos;
  std::string found;
  for (const std::string& period : lex.Words("period")) {
    const size_t at = heading.rfind(period);
    if (at == std::string_view::npos || (best != std::string_view::npos && at <= best)) continue;
    best = at;
    size_t begin = at, end = at + period.size();
    if (heading.substr(0, begin).ends_with("“") && heading.substr(end).starts_with("”")) {
      begin -= std::string_view("“").size();
      end += std::string_view("”").size();
    }
    if (heading.substr(end).starts_with("时期")) end += std::string_view("时期").size();
    found = std::string(heading.substr(begin, end - begin));
  }
  if (!found.empty()) return found;
  for (const std::string& period : lex.Words("period_ahead")) {
    if (heading.find(period) != std::string_view::npos) return period;
  }
  return "";
}

// "人" for a number of people written without a measure word ("221万农村
// 居民", "2.6万贫困人口", "减少农村贫困人口3.5万以上": of the people that
// follow, or that precede a number of 万 or 亿); else "".
std::string PeopleUnit(const Lexicon& lex, std::string_view before, const quantity::Quantity& q,
                       std::string_view after) {
  const bool counted_in_wan =
      q.text.find("万") != std::string::npos || q.text.find("亿") != std::string::npos;
  const bool people = !lex.PrefixIn("people", text::TrimSpace(after)).empty() ||
                      (counted_in_wan && !lex.SuffixIn("people", text::TrimSpace(before)).empty());
  return people ? "人" : "";
}

// The year a review's figures describe: the last year (OutcomeYearOf
// decides, in a review of several years, which are of it); a communiqué's
// figures are of its own year.
int OutcomeYear(const report::Report& report) {
  const int year = report.metadata.year;
  if (report.metadata.type == report::DocType::kCommunique) return year;
  return year > 0 ? year - 1 : 0;
}

// TARGETS.md: a target the document states again ("确保完成新增就业5万人的
// 目标", an appendix listing the year's 民生实事 again) is reported once, where
// it is first stated: the same measure (indicator of three characters or
// more, value, range, unit, comparator, change, deadline) in another sentence.
void DropRestatedTargets(std::vector<Finding>* targets) {
  std::vector<Finding> kept;
  for (Finding& f : *targets) {
    const bool restated =
        text::CountCodePoints(f.indicator) >= 3 &&
        std::any_of(kept.begin(), kept.end(), [&](const Finding& k) {
          return k.indicator == f.indicator && k.value == f.value && k.value_max == f.value_max &&
                 k.unit == f.unit && k.cmp == f.cmp && k.change == f.change &&
                 k.deadline == f.deadline && k.sentence_span.begin != f.sentence_span.begin;
        });
    if (!restated) kept.push_back(std::move(f));
  }
  *targets = std::move(kept);
}

// A deadline that opens a sentence ("到2005年，A；B；C。") holds for the
// items after its semicolons, which the extractor reads as sentences of
// their own; it ends with the sentence. One per paragraph.
class CarriedDeadline {
 public:
  // Called for each piece of the paragraph in order: the deadline carried
  // into `piece` ("" for none); the piece's own, else the carried one,
  // goes on to the next piece when this one ends with a semicolon.
  std::string Next(const Lexicon& lex, std::string_view piece) {
    std::string carried = std::move(carried_);
    carried_.clear();
    if (piece.ends_with("；") || piece.ends_with(";")) {
      carried_ = FindDeadline(lex, piece);
      if (carried_.empty()) carried_ = carried;
    }
    return carried;
  }

 private:
  std::string carried_;
};

}  // namespace

// A five-year plan's own name in its title (第六个五年计划, “十四五”规划):
// the period its goals are for; empty for any other document.
std::string FiveYearPlanPeriod(const report::ReportMetadata& metadata) {
  if (metadata.type != report::DocType::kFiveYearPlan) return "";
  const std::string_view title = metadata.title;
  for (std::string_view name : {"五年计划", "五年规划", "规划纲要", "规划", "计划"}) {
    const size_t end = title.find(name);
    if (end == std::string_view::npos) continue;
    size_t begin = title.rfind("第", end);
    if (begin == std::string_view::npos) begin = title.rfind("“", end);
    if (begin == std::string_view::npos) begin = end;
    return std::string(title.substr(begin, end + name.size() - begin));
  }
  return "五年计划";
}

Extraction Extract(const report::Report& report) {
  Extraction out;
  const Lexicon& lex = Lexicon::Builtin();
  SentenceScanner scanner(report, lex);
  const int report_year = report.metadata.year;
  // A communiqué states what was: whatever a paragraph's words suggest, it
  // sets no targets. A five-year plan's goals are for its whole period.
  const bool communique = report.metadata.type == report::DocType::kCommunique;
  const std::string plan_period = FiveYearPlanPeriod(report.metadata);
  for (const report::Part& part : report.parts) {
    // Goals and commitments for several years have the period of their
    // part (or five-year plan) as deadline when their clause names none
    // (TARGETS.md: "as written in the clause or its heading").
    std::string period =
        part.multi_year ? PeriodOf(lex, report.document.Slice(part.heading), report_year) : "";
    if (period.empty()) period = plan_period;
    for (const report::Section& section : part.sections) {
      for (const report::Paragraph& para : section.paragraphs) {
        // One recogniser run per paragraph; each sentence gets its share.
        const std::string_view para_text = report.document.Slice(para.span);
        std::vector<quantity::Quantity> all = quantity::FindQuantities(para_text);
        if (IsReview(para.scope)) AddFlatFigures(lex, report.document.Slice(para.span), &all);
        CarriedDeadline carry;
        size_t next = 0;
        for (const text::SentenceSpans& sentence : text::SplitSentences(
                 report.document.text, para.span, /*semicolon_ends_sentence=*/true)) {
          const size_t begin = sentence.span.begin - para.span.begin;
          const size_t end = sentence.span.end - para.span.begin;
          std::vector<quantity::Quantity> qs;
          while (next < all.size() && all[next].span.begin < begin) ++next;
          for (; next < all.size() && all[next].span.end <= end; ++next) {
            quantity::Quantity q = all[next];
            if (q.unit.empty()) {
              q.unit = PeopleUnit(lex, para_text.substr(0, q.span.begin), q,
                                  para_text.substr(q.span.end));
            }
            q.span = {q.span.begin - begin, q.span.end - begin};
            qs.push_back(std::move(q));
          }
          const std::string carried = carry.Next(lex, report.document.Slice(sentence.span));
          // Targets only from plan text, outcomes only from review text.
          const report::Scope scope = para.ScopeAt(sentence.span.begin);
          // An appendix's table of the review's figures restates them, in
          // cells the sentence reader cannot pair.
          if ((IsReview(scope) || communique) && part.kind != PartKind::kAppendix) {
            scanner.Scan(sentence.span, qs, PartKind::kReview, OutcomeYear(report),
                         scope == report::Scope::kReviewPeriod, &out);
          } else if (IsPlan(scope)) {
            const size_t first = out.targets.size();
            const size_t first_commitment = out.commitments.size();
            scanner.Scan(sentence.span, qs, PartKind::kPlan, report_year, false, &out);
            std::string deadline = carried;
            if (deadline.empty() && (scope == report::Scope::kPlanPeriod || !plan_period.empty())) {
              deadline = period;
            }
            for (size_t k = first; k < out.targets.size(); ++k) {
              if (out.targets[k].deadline.empty()) out.targets[k].deadline = deadline;
            }
            for (size_t k = first_commitment; k < out.commitments.size(); ++k) {
              if (out.commitments[k].deadline.empty()) out.commitments[k].deadline = deadline;
            }
          }
        }
      }
    }
  }
  DropRestatedTargets(&out.targets);
  return out;
}

}  // namespace mubiao::targets
