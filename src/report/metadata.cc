// Metadata from a report's own words. Reports announce themselves in a few
// fixed shapes, which anchor the search for names:
//   title        2023年德州市政府工作报告 / (河南省)新郑市人民政府工作报告(2023年2月27日)
//   date line    ——2022年2月25日在德州市第十九届人民代表大会第一次会议上
//   speaker      德州市代市长 朱开国 / 国务院总理　温家宝
//   opening      我代表天津市人民政府，向大会报告工作
// The name right before 人民政府, 政府工作报告, 第N届人民代表大会 or a
// speaker's title is the issuing government. Only when no anchor names a
// place does the body's most frequent place name decide.

#include "report/metadata.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

#include "report/lexicon.h"
#include "text/ascii.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

using internal::Lexicon;
using regions::Gazetteer;
using regions::Region;
using regions::RegionLevel;

bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

// True when `s` ends with some word of `category`.
bool EndsWithAny(const Lexicon& lex, std::string_view category, std::string_view s) {
  for (const text::ListedWord& w : lex.Of(category)) {
    if (s.ends_with(w.word)) return true;
  }
  return false;
}

// Value of a Chinese digit character used in dates and ordinals; -1 if none.
int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'○':
    case U'Ｏ':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// Reads a small number (1-99) written as 十, 十一, 二十三, 三 or Arabic digits
// starting at *pos; returns -1 and leaves *pos when there is none.
int ReadSmallNumber(std::string_view s, size_t* pos) {
  size_t p = *pos;
  int value = 0;
  bool any = false;
  // Arabic.
  while (p < s.size()) {
    size_t q = p;
    int d = text::DigitValue(text::DecodeUtf8(s, &q));
    if (d < 0) break;
    value = value * 10 + d;
    any = true;
    p = q;
    if (value > 1000) return -1;
  }
  if (any) {
    *pos = p;
    return value;
  }
  // Chinese: [d]十[d] or d.
  int tens = -1, units = -1;
  size_t q = p;
  if (q >= s.size()) return -1;
  char32_t c = text::DecodeUtf8(s, &q);
  if (c == U'十') {
    tens = 1;
    p = q;
  } else if (int d = ChineseDigit(c); d > 0) {
    p = q;
    size_t r = p;
    if (r < s.size() && text::DecodeUtf8(s, &r) == U'十') {
      tens = d;
      p = r;
    } else {
      units = d;
    }
  } else {
    return -1;
  }
  if (tens > 0) {
    size_t r = p;
    if (r < s.size()) {
      int d = ChineseDigit(text::DecodeUtf8(s, &r));
      if (d > 0) {
        units = d;
        p = r;
      }
    }
  }
  *pos = p;
  return (tens > 0 ? tens * 10 : 0) + (units > 0 ? units : 0);
}

// Reads a four-digit year in Arabic or Chinese digits (二〇二一) at *pos.
int ReadYear(std::string_view s, size_t* pos) {
  size_t p = *pos;
  int value = 0;
  for (int i = 0; i < 4; ++i) {
    if (p >= s.size()) return -1;
    char32_t c = text::DecodeUtf8(s, &p);
    int d = text::DigitValue(c);
    if (d < 0) d = ChineseDigit(c);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  *pos = p;
  return value;
}

bool ConsumeChar(std::string_view s, size_t* pos, char32_t expected) {
  // Allow spaces ("2013 年") before the expected character.
  size_t p = *pos;
  while (p < s.size()) {
    size_t q = p;
    char32_t c = text::DecodeUtf8(s, &q);
    if (c == expected) {
      *pos = q;
      return true;
    }
    if (c != ' ' && c != U'\u3000') return false;
    p = q;
  }
  return false;
}

// Strips what stands between a place name and an anchor: spaces, a year
// ("天津市2008年政府工作报告"), an ordinal ("哈尔滨市十二届人大", "德州市第十九届").
std::string_view StripYearSuffix(std::string_view s) {
  s = text::TrimSpace(s);
  for (;;) {
    size_t start = s.size();
    while (start >= 3) {
      size_t q = start - 3;
      char32_t c = text::DecodeUtf8(s, &q);
      if (ChineseDigit(c) < 0 && c != U'十' && c != U'第' && c != U'届') break;
      start -= 3;
    }
    if (start == s.size()) break;
    s = text::TrimSpace(s.substr(0, start));
  }
  if (s.ends_with("年")) {
    std::string_view t = s.substr(0, s.size() - 3);
    size_t digits = 0;
    while (digits < t.size() && t[t.size() - 1 - digits] >= '0' &&
           t[t.size() - 1 - digits] <= '9') {
      ++digits;
    }
    if (digits == 4) return text::TrimSpace(t.substr(0, t.size() - 4));
  }
  return s;
}

// The Han characters at the end of `s`, at most `max_chars` of them.
std::string_view HanTail(std::string_view s, size_t max_chars) {
  size_t begin = s.size();
  size_t chars = 0;
  while (begin > 0 && chars < max_chars) {
    size_t start = begin - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t q = start;
    if (!text::IsHan(text::DecodeUtf8(s, &q))) break;
    begin = start;
    ++chars;
  }
  return s.substr(begin);
}

// Regions whose name is `name`, also trying it without a trailing generic
// suffix (甘孜州 → 甘孜, 凉山州 → 凉山).
std::vector<const Region*> ResolveName(const Gazetteer& gaz, std::string_view name, int year) {
  std::vector<const Region*> found = gaz.FindByName(name, year);
  if (found.empty() && text::CountCodePoints(name) >= 3) {
    for (const text::ListedWord& listed : Lexicon::Metadata().Of("name_suffix")) {
      const std::string_view suffix = listed.word;
      if (!name.ends_with(suffix)) continue;
      found = gaz.FindByName(name.substr(0, name.size() - suffix.size()), year);
      // "大理州" is 大理白族自治州, not 大理市: keep names with the same suffix.
      std::vector<const Region*> same_suffix;
      for (const Region* r : found) {
        if (r->name.ends_with(suffix)) same_suffix.push_back(r);
      }
      if (!same_suffix.empty()) found = same_suffix;
      if (!found.empty()) break;
    }
  }
  return found;
}

// The longest place name that ends exactly at the end of `before`.
std::vector<const Region*> NameEndingAt(const Gazetteer& gaz, std::string_view before, int year) {
  std::string_view tail = HanTail(StripYearSuffix(before), 12);
  // Try the longest suffix first: 河南省新郑市 should give 新郑市, but
  // 在河南省 should give 河南省, so shrink from the front.
  size_t pos = 0;
  while (pos < tail.size()) {
    std::string_view candidate = tail.substr(pos);
    if (text::CountCodePoints(candidate) < 2) break;
    std::vector<const Region*> found = ResolveName(gaz, candidate, year);
    if (!found.empty()) return found;
    text::DecodeUtf8(tail, &pos);
  }
  return {};
}

// Which levels the speaker's or government's title points to.
struct LevelHint {
  int province = 0, prefecture = 0, county = 0, city = 0;
};

LevelHint HintLevels(std::string_view head) {
  LevelHint hint;
  // Occurrences in `head` of the words of a category.
  auto count = [&](std::string_view category) {
    int n = 0;
    for (const text::ListedWord& w : Lexicon::Metadata().Of(category)) {
      for (size_t p = head.find(w.word); p != std::string_view::npos;
           p = head.find(w.word, p + 1)) {
        ++n;
      }
    }
    return n;
  };
  hint.province = count("province_hint");
  hint.prefecture = count("prefecture_hint");
  hint.county = count("county_hint");
  hint.city = count("city_hint");
  return hint;
}

int LevelScore(const Region& r, const LevelHint& hint) {
  switch (r.level) {
    case RegionLevel::kProvince:
      // Municipalities (北京市) have mayors.
      return hint.province * 3 + (r.name.ends_with("市") ? hint.city * 2 : 0);
    case RegionLevel::kPrefecture:
      return hint.prefecture * 3 + hint.city * 2;
    case RegionLevel::kCounty:
      return hint.county * 3 + (r.name.ends_with("市") ? hint.city : 0);
    case RegionLevel::kNational:
      return 0;
  }
  return 0;
}

// Counts of place names in a stretch of text, for the fallback. Names are
// indexed by their first two characters so a scan costs one hash lookup per
// character.
class NameCounter {
 public:
  explicit NameCounter(const Gazetteer& gaz) {
    for (const Region& r : gaz.all()) {
      // County short names collide with words (合作, 振兴, 新区); county
      // reports name themselves in their first lines anyway.
      if (!r.in_use() || r.level == RegionLevel::kNational || r.level == RegionLevel::kCounty) {
        continue;
      }
      for (const std::string* name : {&r.name, &r.short_name}) {
        if (text::CountCodePoints(*name) < 2) continue;
        size_t p = 0;
        text::DecodeUtf8(*name, &p);
        text::DecodeUtf8(*name, &p);
        by_prefix_[name->substr(0, p)].push_back({*name, &r});
      }
    }
  }

  std::map<const Region*, int> Count(std::string_view s) const {
    std::map<const Region*, int> counts;
    size_t i = 0;
    while (i < s.size()) {
      size_t second = i;
      text::DecodeUtf8(s, &second);
      if (second >= s.size()) break;
      size_t third = second;
      text::DecodeUtf8(s, &third);
      auto it = by_prefix_.find(std::string(s.substr(i, third - i)));
      if (it != by_prefix_.end()) {
        for (const auto& entry : it->second) {
          if (s.substr(i, entry.name.size()) == entry.name) ++counts[entry.region];
        }
      }
      i = second;
    }
    return counts;
  }

 private:
  struct Entry {
    std::string name;
    const Region* region;
  };
  std::unordered_map<std::string, std::vector<Entry>> by_prefix_;
};

const NameCounter& CounterFor(const Gazetteer& gaz) {
  static std::mutex mu;
  static std::map<const Gazetteer*, std::unique_ptr<NameCounter>> counters;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = counters[&gaz];
  if (!slot) slot = std::make_unique<NameCounter>(gaz);
  return *slot;
}

// The title, the file's own notes and the short first lines: where a report
// introduces itself. Long paragraphs are left out: they talk about other
// governments (在党中央、国务院的坚强领导下).
std::string HeadOf(const Document& doc) {
  std::string head = doc.title;
  for (size_t i = 0; i < doc.notes.size() && i < 3; ++i) {
    if (doc.notes[i].size() <= 400) head += "\n" + doc.notes[i];
  }
  for (size_t i = 0; i < doc.blocks.size() && i < 10; ++i) {
    std::string_view line = doc.Slice(doc.blocks[i].span);
    if (text::CountCodePoints(line) > 150) continue;
    head += '\n';
    head += line;
  }
  return head;
}

// The speaker's name right after a title such as 市长 or 国务院总理.
// True when `s` starts with a word of `category`.
bool StartsWithAny(const Lexicon& lex, std::string_view category, std::string_view s) {
  for (const text::ListedWord& w : lex.Of(category)) {
    if (s.starts_with(w.word)) return true;
  }
  return false;
}

// The speaker named after a title on `line` ("佛山市代市长　鲁毅",
// "国务院总理 温家宝所作"): the name is 2-4 Han characters, possibly spaced
// ("汪 泉"), or a longer one with a middle dot ("雪克来提·扎克尔"); it ends
// before the words that follow a name. False when the line has none.
bool NameAfterTitle(std::string_view line, ReportMetadata* meta) {
  const Lexicon& lex = Lexicon::Metadata();
  for (const text::ListedWord& listed : lex.Of("speaker_title")) {
    const std::string_view title = listed.word;
    const size_t at = line.find(title);
    if (at == std::string_view::npos) continue;
    const std::string_view rest = line.substr(at + title.size());
    std::string name;
    size_t chars = 0;
    size_t p = 0;
    const size_t max_chars = rest.find("·") < 30 ? 12 : 4;
    while (p < rest.size() && chars < max_chars &&
           !StartsWithAny(lex, "after_name", rest.substr(p))) {
      size_t q = p;
      const char32_t c = text::DecodeUtf8(rest, &q);
      if (text::IsHan(c) || (c == U'·' && chars > 0)) {
        name.append(rest.substr(p, q - p));
        ++chars;
      } else if (!(text::IsSpace(c) || c == U'：' || c == ':') || chars >= 2) {
        break;
      }
      p = q;
    }
    if (chars < 2 || lex.AnyIn("not_in_name", name)) continue;
    meta->speaker = name;
    meta->speaker_title = std::string(title);
    return true;
  }
  return false;
}

// The 2-4 Han characters of `s` (spaces between them allowed: "胡 宪") when
// that is all it holds, and they name no one else; "" otherwise.
std::string BareName(std::string_view s) {
  std::string name;
  size_t chars = 0;
  for (size_t p = 0; p < s.size();) {
    const char32_t c = text::DecodeUtf8(s, &p);
    if (text::IsSpace(c)) continue;
    if (!text::IsHan(c) || ++chars > 4) return "";
    text::AppendUtf8(c, &name);
  }
  if (chars < 2 || Lexicon::Metadata().AnyIn("not_in_name", name)) return "";
  return name;
}

// "（2022年2月25日 朱开国）": a name after a date, closed by the bracket.
bool NameInDateBrackets(std::string_view line, ReportMetadata* meta) {
  for (size_t day = line.find("日"); day != std::string_view::npos;
       day = line.find("日", day + 3)) {
    const std::string_view rest = text::TrimSpace(line.substr(day + 3));
    const size_t close = std::min(rest.find("）"), rest.find(')'));
    if (close == std::string_view::npos) continue;
    if (std::string name = BareName(rest.substr(0, close)); !name.empty()) {
      meta->speaker = std::move(name);
      return true;
    }
  }
  return false;
}

void FindSpeaker(std::string_view head, ReportMetadata* meta) {
  std::vector<std::string_view> lines;
  for (size_t p = 0; p < head.size();) {
    size_t e = head.find('\n', p);
    if (e == std::string_view::npos) e = head.size();
    lines.push_back(text::TrimSpace(head.substr(p, e - p)));
    p = e + 1;
  }
  for (std::string_view line : lines) {
    if (NameAfterTitle(line, meta)) return;
  }
  for (std::string_view line : lines) {
    if (NameInDateBrackets(line, meta)) return;
  }
  // A name alone on the line after the date line ("（2005年2月22日）",
  // then "张昌平").
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string_view before = lines[i - 1];
    if (before.find("年") == std::string_view::npos ||
        before.find("月") == std::string_view::npos ||
        before.find("日") == std::string_view::npos) {
      continue;
    }
    if (std::string name = BareName(lines[i]); !name.empty()) {
      meta->speaker = std::move(name);
      return;
    }
  }
}

// A year standing alone in brackets: "（2022）" or "(2022)"; 0 if none.
int BracketedYear(std::string_view s) {
  for (std::string_view open : {"（", "("}) {
    for (size_t at = s.find(open); at != std::string_view::npos; at = s.find(open, at + 1)) {
      size_t p = at + open.size();
      int y = ReadYear(s, &p);
      if (y >= 1949 && y <= 2100 && (s.substr(p, 3) == "）" || s.substr(p, 1) == ")")) return y;
    }
  }
  return 0;
}

// Year of the n-th five-year plan's first year (the third began in 1966).
int FiveYearPlanStart(int n) { return n <= 2 ? 1953 + 5 * (n - 1) : 1966 + 5 * (n - 3); }

std::string IsoDate(const ChineseDate& d) {
  char buf[40];  // sized for any int, though dates are validated to 4-2-2 digits
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// The first "YYYY年" in `s` that is not the start of a full date.
int PlainYear(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t p = i;
    int y = ReadYear(s, &p);
    if (y >= 1949 && y <= 2100 && p < s.size()) {
      // "1976—1985年": a span of years is about its first year.
      size_t q = p;
      char32_t dash = text::DecodeUtf8(s, &q);
      if ((dash == U'—' || dash == '-' || dash == U'－' || dash == U'至' || dash == U'~') &&
          ReadYear(s, &q) > y) {
        return y;
      }
    }
    if (y >= 1949 && y <= 2100 && ConsumeChar(s, &p, U'年')) {
      size_t q = p;
      int month = ReadSmallNumber(s, &q);
      if (!(month >= 1 && month <= 12 && ConsumeChar(s, &q, U'月'))) {
        // "2018—2022年" or "2023—2027年": the first year is not the subject.
        return y;
      }
    }
    text::DecodeUtf8(s, &i);
  }
  return 0;
}

// The name before 人民政府 or 政府工作报告 when it ends like a place name
// (县 市 区 州 旗 盟 省), for places the gazetteer does not list.
std::string UnlistedPlaceName(std::string_view head) {
  const Lexicon& lex = Lexicon::Metadata();
  for (const text::ListedWord& listed : lex.Of("unlisted_anchor")) {
    const std::string_view anchor = listed.word;
    for (size_t at = head.find(anchor); at != std::string_view::npos;
         at = head.find(anchor, at + anchor.size())) {
      std::string_view name = HanTail(StripYearSuffix(head.substr(0, at)), 8);
      if (text::CountCodePoints(name) < 2) continue;
      if (EndsWithAny(lex, "place_suffix", name)) return std::string(name);
    }
  }
  return "";
}

}  // namespace

std::optional<ChineseDate> FindDate(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t p = i;
    int y = ReadYear(s, &p);
    if (y >= 1900 && y <= 2100 && ConsumeChar(s, &p, U'年')) {
      int month = ReadSmallNumber(s, &p);
      if (month >= 1 && month <= 12 && ConsumeChar(s, &p, U'月')) {
        size_t q = p;
        int day = ReadSmallNumber(s, &q);
        ChineseDate date{y, month, 0};
        if (day >= 1 && day <= 31 && ConsumeChar(s, &q, U'日')) date.day = day;
        return date;
      }
    }
    text::DecodeUtf8(s, &i);
  }
  return std::nullopt;
}

int YearFromHeadings(const Document& doc) {
  const Lexicon& lex = Lexicon::Metadata();
  // The first heading naming a year and a review or plan word decides,
  // unless a later one plans the year after: then the first was the
  // review's ("一、2030年主要工作" … "二、2031年工作总体要求").
  int year = 0;
  for (const Block& b : doc.blocks) {
    std::string_view line = doc.Slice(b.span);
    if (line.size() > 150 || Contains(line, "工作报告")) continue;  // a title, not a heading
    const int y = PlainYear(line);
    if (y == 0) continue;
    const int plans = lex.AnyIn("review_heading", line) ? y + 1
                      : lex.AnyIn("plan_heading", line) ? y
                                                        : 0;
    if (plans == 0) continue;
    if (year == 0) {
      year = plans;
    } else if (plans == year + 1) {
      return plans;
    }
  }
  return year;
}

int YearFromBody(const Document& doc) {
  if (int y = YearFromHeadings(doc); y > 0) return y;
  // No telling heading: the review comes first and names its year most.
  std::map<int, int> counts;
  std::string_view start = std::string_view(doc.text).substr(0, doc.text.size() / 5);
  for (size_t at = start.find("年"); at != std::string_view::npos; at = start.find("年", at + 3)) {
    if (at < 4) continue;
    size_t p = at - 4;
    int y = ReadYear(start, &p);
    if (y >= 1949 && y <= 2100 && p == at) ++counts[y];
  }
  auto best = std::max_element(counts.begin(), counts.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == counts.end() ? 0 : best->first + 1;
}

namespace {

// The document type its title and first lines say. kInvalidInput when it is
// no government document at all.
Result<DocType> ReadType(const Document& doc, std::string_view title_zone,
                         std::string_view opening_lines, std::string_view head) {
  const Lexicon& lex = Lexicon::Metadata();
  if (Contains(opening_lines, "统计公报") ||
      (Contains(opening_lines, "公报") && Contains(opening_lines, "统计局"))) {
    return DocType::kCommunique;
  }
  // A resolution on the report is short; a file that opens with one and
  // goes on with the report is the report.
  if (lex.AnyIn("resolution_title", opening_lines) && doc.text.size() < 20000) {
    return DocType::kResolution;
  }
  if (!Contains(title_zone, "工作报告") && lex.AnyIn("five_year_plan_title", title_zone)) {
    return DocType::kFiveYearPlan;
  }
  if (lex.AnyIn("other_report_title", opening_lines)) {
    return DocType::kOther;  // 预算报告, 计划报告 to the same congress
  }
  if (Contains(head, "工作报告") || Contains(head, "各位代表") ||
      Contains(doc.text.substr(0, 6000), "政府工作")) {
    return DocType::kWorkReport;
  }
  return InvalidInput(
      "not a government report: no 政府工作报告, 统计公报 or 五年规划 in its title or first "
      "lines");
}

// The year a document is about. A work report plans for the year of the
// meeting where it is delivered (one in November or December for the next
// year), whatever its file or title says; without a date, its headings
// tell ("2024年工作安排", "2023年工作回顾" → 2024); the title or the file's own
// year field is the last resort. A date line that contradicts both the
// headings and the title is a slip of the source (a 2003 report dated
// 2010): the headings win.
int PlanYear(const Document& doc, DocType type, const std::optional<ChineseDate>& date,
             std::string_view title_zone, std::string_view opening_lines) {
  int stated = doc.year.value_or(0);
  if (stated == 0) {
    stated = PlainYear(type == DocType::kCommunique ? opening_lines : title_zone);
  }
  if (stated == 0) stated = BracketedYear(title_zone);  // "兰州市人民政府工作报告（2022）"
  if (type == DocType::kCommunique) return stated;
  // Only a whole date is a meeting's: "2003年1月就职" in a caption is not.
  const int dated = !date || date->day == 0 ? 0 : date->month >= 11 ? date->year + 1 : date->year;
  const int headings = YearFromHeadings(doc);
  if (dated > 0 && !(headings > 0 && headings != dated && stated == headings)) return dated;
  // Archives file a report under the year it reviews as often as under the
  // year it plans: without a date, the headings decide ("2008年工作回顾").
  return headings > 0 ? headings : stated;
}

// The year a file's name starts with ("2006.md", "2021-08.md"); 0 when none.
int FileNameYear(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() < 4 || !std::all_of(name.begin(), name.begin() + 4, [](char c) {
        return text::IsAsciiDigit(static_cast<unsigned char>(c));
      }))
    return 0;
  if (name.size() > 4 && text::IsAsciiDigit(name[4])) return 0;
  const int year = std::stoi(std::string(name.substr(0, 4)));
  return year >= 1949 && year <= 2100 ? year : 0;
}

// Warns when the file name or the title states another year than the text.
void WarnOfOtherYears(const Document& doc, std::string_view title_zone, ReportMetadata* meta) {
  if (meta->year == 0) return;
  const std::string text_year = "plan year " + std::to_string(meta->year) + " from the text" +
                                (meta->date.empty() ? "" : " (delivered " + meta->date + ")");
  if (const int named = FileNameYear(doc.path); named > 0 && named != meta->year) {
    meta->warnings.push_back(text_year + "; the file name says " + std::to_string(named));
  } else if (const int titled = PlainYear(title_zone); titled > 0 && titled != meta->year) {
    meta->warnings.push_back(text_year + "; the title says " + std::to_string(titled));
  }
}

// `s` without the spaces between digits and Chinese characters that spaced
// headings put in: "2 0 2 5 年 政府工作报告" → "2025年政府工作报告".
std::string WithoutSpacing(std::string_view s) {
  std::string out;
  char32_t before = 0;  // the last character kept
  for (size_t pos = 0; pos < s.size();) {
    const size_t at = pos;
    const char32_t c = text::DecodeUtf8(s, &pos);
    if (text::IsSpace(c)) {
      size_t next = pos;
      while (next < s.size()) {
        size_t probe = next;
        if (!text::IsSpace(text::DecodeUtf8(s, &probe))) break;
        next = probe;
      }
      size_t probe = next;
      const char32_t after = next < s.size() ? text::DecodeUtf8(s, &probe) : 0;
      const auto dense = [](char32_t x) { return text::IsHan(x) || text::IsAsciiDigit(x); };
      if (dense(before) && dense(after)) {
        pos = next;
        continue;
      }
    }
    out.append(s.substr(at, pos - at));
    before = c;
  }
  return out;
}

// The title to show: the file's own when it names the document (and, for a
// work report, its place), else "<year>年<locality>政府工作报告".
std::string DisplayTitle(std::string_view own, bool national, const ReportMetadata& meta) {
  std::string title = WithoutSpacing(text::TrimSpace(own));
  // Some archive pages write the title twice in a row.
  const size_t half = title.size() / 2;
  if (half > 0 && title.size() % 2 == 0 && title.compare(0, half, title, half, half) == 0) {
    title.resize(half);
  }
  const Lexicon& lex = Lexicon::Metadata();
  const bool work_report = meta.type == DocType::kWorkReport;
  // A file that opens with the congress's resolution on the report is the
  // report: the resolution's title is not its title.
  const bool names_it =
      !title.empty() && title.size() <= 300 && title != "政府工作报告" && title != "工作报告" &&
      !(work_report &&
        (lex.AnyIn("resolution_title", title) || (!national && !Contains(title, meta.locality))));
  if (names_it || !work_report) return title;
  std::string generated = (national ? std::string() : meta.locality) + "政府工作报告";
  return meta.year > 0 ? std::to_string(meta.year) + "年" + generated : generated;
}

}  // namespace

Result<ReportMetadata> ReadMetadata(const Document& doc, const Gazetteer& gaz) {
  ReportMetadata meta;
  meta.source_url = doc.source_url;
  const std::string head = HeadOf(doc);
  std::string_view first_block = doc.blocks.empty() ? "" : doc.Slice(doc.blocks.front().span);
  const std::string title_zone = doc.title + "\n" + std::string(first_block.substr(0, 600));
  // The first three lines, for titles split over lines ("**中华人民共和国**").
  std::string opening_lines = doc.title;
  for (size_t i = 0; i < doc.blocks.size() && i < 3; ++i) {
    opening_lines += "\n" + std::string(doc.Slice(doc.blocks[i].span).substr(0, 300));
  }

  const Lexicon& lex = Lexicon::Metadata();
  Result<DocType> type = ReadType(doc, title_zone, opening_lines, head);
  if (!type.ok()) return type.status();
  meta.type = *type;

  // Date.
  const std::optional<ChineseDate> date = FindDate(head);
  if (date && date->day > 0) meta.date = IsoDate(*date);
  FindSpeaker(head, &meta);

  // Year, as far as metadata tells (AnalyzeDocument refines it from headings).
  meta.year = PlanYear(doc, meta.type, date, title_zone, opening_lines);
  if (meta.type != DocType::kCommunique) WarnOfOtherYears(doc, title_zone, &meta);
  if (meta.type == DocType::kFiveYearPlan) {
    // "第十四个五年规划" or "“九五”计划" fixes the start; else the first year
    // in the title.
    if (size_t close = title_zone.find("五”"); close != std::string::npos) {
      size_t open = title_zone.rfind("“", close);
      if (open != std::string::npos && close - open <= 12) {
        // The ordinal is what precedes the final 五: 九五 → 9, 十五 → 10, 十一五 → 11.
        std::string_view ordinal = std::string_view(title_zone).substr(open + 3, close - open - 3);
        size_t p = 0;
        int n = ReadSmallNumber(ordinal, &p);
        if (n > 0 && p == ordinal.size()) meta.year = FiveYearPlanStart(n);
      }
    }
    size_t at = title_zone.find("第");
    while (at != std::string::npos) {
      size_t p = at + 3;
      int n = ReadSmallNumber(title_zone, &p);
      if (n > 0 && (title_zone.compare(p, 3, "个") == 0 || title_zone.compare(p, 6, "五年") == 0)) {
        meta.year = FiveYearPlanStart(n);
        break;
      }
      at = title_zone.find("第", at + 3);
    }
  }

  // Issuing government.
  // National documents: the State Council's reports, the national statistics
  // bureau's communiqués, the national five-year plans.
  const bool national =
      lex.AnyIn("national_head", head) ||
      ((meta.type == DocType::kCommunique || meta.type == DocType::kFiveYearPlan) &&
       lex.AnyIn("national_opening", opening_lines) && !lex.AnyIn("provincial_title", title_zone));
  const Region* place = nullptr;
  if (national) {
    place = &gaz.Nation();
  } else {
    const LevelHint hint = HintLevels(head);
    std::map<const Region*, int> score;
    auto add_anchor = [&](std::string_view anchor, int weight) {
      for (size_t at = head.find(anchor); at != std::string::npos;
           at = head.find(anchor, at + anchor.size())) {
        for (const Region* r : NameEndingAt(gaz, std::string_view(head).substr(0, at), meta.year)) {
          if (r->level != RegionLevel::kNational) score[r] += weight;
        }
      }
    };
    for (const text::ListedWord& anchor : lex.Of("anchor")) add_anchor(anchor.word, anchor.number);
    for (const text::ListedWord& office : lex.Of("office")) {
      add_anchor(office.word, office.number);
      add_anchor("代" + office.word, office.number);  // acting: 代市长
    }
    if (score.empty()) {
      // No anchor: the place named most often near the start, at the level
      // the speaker's title points to.
      std::string_view body = std::string_view(doc.text).substr(0, 60000);
      for (const auto& [r, n] : CounterFor(gaz).Count(body)) {
        if (hint.province > 0 && hint.city == 0 && r->level != RegionLevel::kProvince) continue;
        score[r] += n;
      }
    }
    int best = -1;
    for (const auto& [r, s] : score) {
      int total = s * 4 + LevelScore(*r, hint);
      // A place whose province is also named gains; 中山市 (广东) over 中山区.
      for (const Region* up : gaz.Ancestors(*r)) {
        if (auto it = score.find(up); it != score.end()) total += 2;
      }
      if (total > best || (total == best && place != nullptr && r->level < place->level)) {
        best = total;
        place = r;
      }
    }
    if (place == nullptr) {
      // A place the gazetteer does not list (new, or fictional as in our
      // samples): keep its name as written, without a code.
      std::string name = UnlistedPlaceName(head);
      if (name.empty()) {
        return InvalidInput("cannot tell which government issued the report (no place name found)");
      }
      meta.locality = name;
      meta.level = EndsWithAny(lex, "province_suffix", name) ? RegionLevel::kProvince
                   : EndsWithAny(lex, "county_suffix", name) ? RegionLevel::kCounty
                                                             : RegionLevel::kPrefecture;
      meta.government = name + "人民政府";
      meta.title = doc.title.empty() ? meta.government + "工作报告" : doc.title;
      return meta;
    }
  }

  meta.region_code = place->code;
  meta.locality = place->level == RegionLevel::kNational ? "全国" : place->name;
  meta.level = place->level;
  meta.geo = place->geo;
  if (const Region* province = gaz.ProvinceOf(*place); province != nullptr) {
    meta.province = province->name;
    meta.geo = province->geo;
  }
  if (place->level != RegionLevel::kNational && place->level != RegionLevel::kProvince) {
    meta.parent_code = place->parent_code;
  }
  meta.government = national ? "国务院" : meta.locality + "人民政府";
  // A communiqué is the statistics bureau's of its place.
  if (meta.type == DocType::kCommunique) {
    meta.government = national ? "国家统计局" : meta.locality + "统计局";
  }

  meta.title = DisplayTitle(doc.title.empty() ? first_block : doc.title, national, meta);
  return meta;
}

}  // namespace mubiao::report
