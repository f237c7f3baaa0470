#include "report/scope.h"

#include <algorithm>

#include "report/lexicon.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

using internal::Lexicon;

constexpr size_t kNone = std::string_view::npos;

// Where a sentence first names the year before the plan year, the plan year,
// a year after it and a year before the last ("2025年", "２０２５年", "2025
// 年"); kNone for each it does not name.
struct YearsNamed {
  size_t last = kNone;     // the year before the plan year
  size_t plan = kNone;     // the plan year
  size_t later = kNone;    // a year after it
  size_t earlier = kNone;  // a year before the last (比1997年: a comparison over a period)
};

YearsNamed FindYears(std::string_view s, int year) {
  YearsNamed found;
  if (year <= 0) return found;
  text::ForEachFourDigitNumber(s, /*spaced=*/true, [&](int value, size_t start, size_t end) {
    // Some transcriptions space the year from its 年 ("2015 年是").
    if (!s.substr(end).starts_with("年") && !s.substr(end).starts_with(" 年")) return;
    if (value == year - 1 && found.last == kNone) found.last = start;
    if (value == year && found.plan == kNone) found.plan = start;
    if (value > year && value < year + 40 && found.later == kNone) found.later = start;
    if (value < year - 1 && value > year - 40 && found.earlier == kNone) found.earlier = start;
  });
  return found;
}

// Where a word of `category` first occurs in `s` outside the phrases of
// `exceptions` (比去年 is a comparison, not a look back); kNone when nowhere
// before byte `before` (an opener is looked for only near the start).
// Unless `opening`, words marked 1 (openers only) are passed over.
size_t FirstWord(std::string_view s, std::string_view category, std::string_view exceptions,
                 bool opening, size_t before = kNone) {
  const Lexicon& lex = Lexicon::Outline();
  const std::vector<text::ListedWord>& excepted_phrases = lex.Of(exceptions);
  const size_t first = lex.FirstOf(category, s, before, [&](const text::ListedWord& w, size_t at) {
    if (w.number == 1 && !opening) return false;
    return std::none_of(excepted_phrases.begin(), excepted_phrases.end(), [&](const auto& x) {
      const size_t inside = x.word.find(w.word);
      return inside != std::string::npos && at >= inside &&
             s.compare(at - inside, x.word.size(), x.word) == 0;
    });
  });
  return first == std::string_view::npos ? kNone : first;
}

// A cue this close to a paragraph's start opens the paragraph ("五年来，",
// "过去一年，", "2023年，"): it sets the paragraph's scope, and within its
// side the scope of the paragraphs after it.
constexpr size_t kOpenerBytes = 3 * 8;

// Whether the later year at `at` opens `sentence` as its deadline ("2030年，
// …", "到2030年，…"); deep inside, or after a verb ("制定2030年前碳达峰方案"),
// it is one measure's.
bool OpensWithDeadline(std::string_view sentence, size_t at) {
  if (at == kNone) return false;
  const std::string_view before = sentence.substr(0, at);
  return before.empty() || before == "到" || before == "至" || before == "力争到" ||
         before == "争取到" || before == "在";
}

// Whether a sentence naming the last year sums up a longer period: it
// compares with an earlier year ("比2010年提高3个百分点"), averages (年均) or
// sums (累计).
bool SumsUpPeriod(std::string_view sentence, const YearsNamed& years) {
  return years.earlier != kNone ||
         FirstWord(sentence, "scope_review_period", "scope_not", false) != kNone ||
         Lexicon::Outline().AnyIn("scope_period_sum", sentence);
}

// Where "N年来" first stands with N a number of two years or more ("三年
// 来", "20年来", "十多年来"); kNone when nowhere. "一年来" is the last
// year's, "多年来" a word of its own.
size_t SeveralYearsSince(std::string_view s) {
  static constexpr std::u32string_view kNumerals = U"〇一二两三四五六七八九十百多几";
  for (size_t at = s.find("年来"); at != kNone; at = s.find("年来", at + 1)) {
    size_t start = at;
    while (start > 0) {
      const size_t prev = text::LastCodePointStart(s.substr(0, start));
      size_t pos = prev;
      const char32_t c = text::DecodeUtf8(s, &pos);
      if (text::DigitValue(c) < 0 && kNumerals.find(c) == std::u32string_view::npos) break;
      start = prev;
    }
    const std::string_view number = s.substr(start, at - start);
    size_t first = 0;
    const bool year = text::CountCodePoints(number) == 4 &&
                      text::DigitValue(text::DecodeUtf8(number, &first)) >= 0;  // 2015年来华
    if (!number.empty() && !year && number != "一" && number != "1" && number != "１" &&
        number != "多" && number != "几") {
      return start;
    }
  }
  return kNone;
}

// Whether `sentence` sums up a span of several years as a whole ("这是青禾
// 城乡面貌焕然一新的5年。"): it ends with 的, a number of two or more, 年.
bool CharacterizesYears(std::string_view sentence) {
  static constexpr std::u32string_view kNumerals = U"两三四五六七八九十";
  for (std::string_view end : {"。", "！", "；"}) {
    if (sentence.ends_with(end)) sentence.remove_suffix(end.size());
  }
  constexpr std::string_view kYears = "年", kOf = "的";
  if (!sentence.ends_with(kYears)) return false;
  sentence.remove_suffix(kYears.size());
  const std::string_view with_number = sentence;
  while (!sentence.empty()) {
    const size_t prev = text::LastCodePointStart(sentence);
    size_t pos = prev;
    const char32_t c = text::DecodeUtf8(sentence, &pos);
    if (text::DigitValue(c) < 0 && kNumerals.find(c) == std::u32string_view::npos) break;
    sentence = sentence.substr(0, prev);
  }
  const std::string_view number = with_number.substr(sentence.size());
  // "的1年" is no span; "的10年" is.
  return !number.empty() && number != "1" && sentence.ends_with(kOf);
}

// Where in a sentence its words point to a scope.
struct Cue {
  Scope scope;
  size_t at;          // byte offset of the word in the sentence
  bool holds = true;  // whether, as an opener, it holds for the paragraphs after it
};

// The longest word of `category` that `s` starts with; empty when none.
std::string_view LongestPrefixIn(std::string_view category, std::string_view s) {
  std::string_view longest;
  for (const text::ListedWord& w : Lexicon::Outline().Of(category)) {
    if (s.starts_with(w.word) && w.word.size() > longest.size())
      longest = s.substr(0, w.word.size());
  }
  return longest;
}

// Whether `s` starts with a word of `category`.
bool StartsWithWord(std::string_view s, std::string_view category) {
  return !LongestPrefixIn(category, s).empty();
}

// The earlier of two cues; `a` on a tie.
std::optional<Cue> Earlier(size_t a_at, Scope a, size_t b_at, Scope b) {
  if (a_at == kNone && b_at == kNone) return std::nullopt;
  return a_at <= b_at ? Cue{a, a_at} : Cue{b, b_at};
}

// The cue of `sentence` on the side of `side`; `opening` when the sentence
// opens its paragraph. Cues of words at byte `before` or later are not
// looked for (an opener's must stand near the start).
std::optional<Cue> FindCue(std::string_view sentence, const YearsNamed& years, Scope side,
                           bool opening, size_t before = kNone) {
  if (IsReview(side)) {
    const size_t last_year =
        std::min(FirstWord(sentence, "scope_review_year", "scope_not", opening, before),
                 FirstWord(sentence, "scope_review_problems", "scope_not", opening, before));
    size_t period = FirstWord(sentence, "scope_review_period", "scope_not", opening, before);
    // "二十年来，…" opens its sentence wherever the sentence stands; inside
    // one ("成为十多年来最好的一年") it is no look back.
    if (const size_t since = SeveralYearsSince(sentence); since < kOpenerBytes) {
      period = std::min(period, since);
    }
    return Earlier(last_year, Scope::kReviewYear, period, Scope::kReviewPeriod);
  }
  if (IsPlan(side)) {
    const size_t plan =
        std::min(years.plan, FirstWord(sentence, "scope_plan_year", "scope_not", opening, before));
    const size_t later = std::min(
        years.later, FirstWord(sentence, "scope_plan_period", "scope_not", opening, before));
    std::optional<Cue> cue = Earlier(plan, Scope::kPlanYear, later, Scope::kPlanPeriod);
    // One measure's own horizon ("今后三年内再新建学校5所") marks its
    // paragraph, not the paragraphs after it.
    const size_t horizon = FirstWord(sentence, "scope_plan_horizon", "scope_not", opening, before);
    if (horizon != kNone && (!cue || horizon < cue->at)) {
      return Cue{Scope::kPlanPeriod, horizon, false};
    }
    return cue;
  }
  return std::nullopt;
}

// "2023年，…" or "2023年是…" introduces the year it names; "2023年实现…" is
// one of its figures.
bool IntroducesYear(std::string_view sentence, size_t at) {
  if (at >= kOpenerBytes) return false;
  const std::string_view after = sentence.substr(sentence.find("年", at) + 3);
  return after.starts_with("，") || after.starts_with("是") || after.starts_with(",");
}

// Whether `s` opens with a look back that only names something done then,
// as the subject of what is to be done now ("去年召开的党代会为今后五年指明了
// 方向", "去年提出的20条措施，要认真落实"): 去年, a verb of scope_done_then, 的.
bool NamesWhatWasDone(std::string_view s) {
  constexpr std::string_view kLastYear = "去年";
  if (!s.starts_with(kLastYear)) return false;
  const std::string_view rest = s.substr(kLastYear.size());
  const std::string_view verb = LongestPrefixIn("scope_done_then", rest);
  return !verb.empty() && rest.substr(verb.size()).starts_with("的");
}

// The first year of the first five-year plan `s` names ("“十三五”时期" →
// 2016, "十四五规划" → 2021) and where it is named; 0 and kNone when it
// names none.
struct PlanPeriod {
  int start = 0;
  size_t at = kNone;
};

PlanPeriod FirstPlanPeriod(std::string_view s) {
  // A name inside another name ("十五" in "十五五", "九五" in "一九九五年")
  // or that reads as a number ("十五年") counts only before a closing quote
  // or a word of the plan.
  static constexpr std::string_view kAfter[] = {"”", "计划", "规划", "期间", "时期", "末"};
  PlanPeriod first;
  Lexicon::Outline().FirstOf(
      "five_year_plan", s, kNone, [&](const text::ListedWord& plan, size_t at) {
        const std::string_view rest = s.substr(at + plan.word.size());
        if (std::none_of(std::begin(kAfter), std::end(kAfter),
                         [&](std::string_view w) { return rest.starts_with(w); })) {
          return false;
        }
        first = {plan.number, at};
        return true;
      });
  return first;
}

// The first year of the five-year plan `s` opens with; 0 when it opens with none.
int OpeningPlanPeriod(std::string_view s) {
  const PlanPeriod period = FirstPlanPeriod(s);
  const bool opens =
      period.at == 0 || (period.at == std::string_view("“").size() && s.starts_with("“"));
  return opens ? period.start : 0;
}

// The years a sentence names as its openers read them: a later year only
// where it opens the sentence as a deadline.
YearsNamed OpeningYears(std::string_view sentence, int year) {
  YearsNamed years = FindYears(sentence, year);
  if (!OpensWithDeadline(sentence, years.later)) years.later = kNone;
  return years;
}

// The opener of a sentence on the side of `side`: a cue at its start, a
// year it introduces ("2023年，…"), a later year it opens with as a deadline,
// or, in a review, its turn to the shortcomings (清醒看到, wherever it
// stands); or, from a plan, a sentence starting with a look back ("过去一年，
// …" in the year's plan, but not 清醒看到: a plan weighs its problems too,
// nor 去年出台的…: what was done then as the subject of a task). Never a look
// ahead from a review, a report delivered in December reviews "今年", unless
// it names the plan year ("1995年是…").
// `years` as OpeningYears reads them, `year` the plan year.
std::optional<Cue> FindOpener(std::string_view sentence, const YearsNamed& years, Scope side,
                              int year) {
  if (IntroducesYear(sentence, years.last)) return Cue{Scope::kReviewYear, years.last};
  // A paragraph opening with the plan that begins this year or later
  // ("“十三五”时期是…" in 2016) looks ahead, also from a review.
  if (const int start = OpeningPlanPeriod(sentence); start > 0 && start >= year) {
    return Cue{Scope::kPlanPeriod, 0};
  }
  // In a review of five years, a paragraph that starts with the last year
  // ("2002年完成了…") is about that year, unless it sums up the period
  // ("2015年实现…，年均增长5.6%", "…，比2010年提高3个百分点", "…，累计
  // 新建学校30所"); the paragraphs after it are the period's.
  if (side == Scope::kReviewPeriod && years.last == 0 && !SumsUpPeriod(sentence, years)) {
    return Cue{Scope::kReviewYear, 0, false};
  }
  if (IntroducesYear(sentence, years.plan)) return Cue{Scope::kPlanYear, years.plan};
  // The shortcomings that close a review are the last year's whatever the
  // review's span, wherever its first sentence turns to them ("在看到成绩的
  // 同时，我们也清醒认识到，…"); 困难和问题 alone is as often overcome.
  if (IsReview(side)) {
    if (const size_t at = FirstWord(sentence, "scope_review_shortcomings", "scope_not", true);
        at != kNone) {
      return Cue{Scope::kReviewYear, at};
    }
    if (CharacterizesYears(sentence)) return Cue{Scope::kReviewPeriod, 0};
  }
  if (std::optional<Cue> cue = FindCue(sentence, years, side, /*opening=*/true, kOpenerBytes);
      cue && cue->at < kOpenerBytes) {
    return cue;
  }
  if (!IsPlan(side)) return std::nullopt;
  // "在过去的一年里，…" looks back as "过去一年，…" does; "近年来，…" in a
  // plan weighs the situation the plan starts from.
  const size_t lead = sentence.starts_with("在") ? std::string_view("在").size() : 0;
  std::optional<Cue> back =
      FindCue(sentence, years, Scope::kReviewYear, /*opening=*/true, kOpenerBytes);
  if (!back || back->at != lead || StartsWithWord(sentence, "scope_plan_situation") ||
      FirstWord(sentence, "scope_review_problems", "scope_not", true, 1) == 0 ||
      NamesWhatWasDone(sentence.substr(lead))) {
    return std::nullopt;
  }
  return back;
}

// A short line of the editor's or the site's ("注：文中数据为初步统计数",
// "来源：某市人民政府"): no part of the report's review or plan.
bool IsEditorialNote(std::string_view s) {
  s = text::TrimSpace(s);
  return StartsWithWord(s, "editorial_note") && text::CountCodePoints(s) <= 40;
}

// The longest term a glossary entry defines, in code points.
constexpr size_t kGlossaryTermChars = 24;

// A glossary entry ("“3个1工程”：指每个乡镇建设…"): a short term, a colon
// and a defining word. Reports often append such notes after the closing
// without a 名词解释 heading; their figures describe, they promise nothing.
bool IsGlossaryEntry(std::string_view s) {
  s = text::TrimSpace(s);
  for (std::string_view colon : {"：", ":"}) {
    const size_t at = s.find(colon);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view term = s.substr(0, at);
    const bool clause = term.find("，") != std::string_view::npos ||
                        term.find("。") != std::string_view::npos ||
                        term.find("；") != std::string_view::npos;
    // "（二）数字经济：…" heads a plan's item, whatever follows.
    const bool item = term.starts_with("（") && !StartsWithWord(term, "glossary_label");
    if (clause || item || text::CountCodePoints(term) > kGlossaryTermChars) continue;
    const std::string_view definition = s.substr(at + colon.size());
    return StartsWithWord(definition, "glossary_definer") &&
           !StartsWithWord(definition, "glossary_definer_not");
  }
  return false;
}

bool IsSalutation(std::string_view s) {
  s = text::TrimSpace(s);
  return s.size() <= 16 && (s.starts_with("各位代表") || s.starts_with("同志们"));
}

// The longest line read as an appendix's title.
constexpr size_t kTitleChars = 30;

// Reads the scopes of one report's parts in order.
class ScopeReader {
 public:
  ScopeReader(const Document& doc, int year, DocType type) : doc_(doc), year_(year), type_(type) {}

  // `leads` when no review or plan part comes before this one.
  void ReadPart(Part* part, bool leads) {
    part->scope = PartScope(*part);
    if (part->kind == PartKind::kOpening && type_ == DocType::kWorkReport) {
      ReadOpening(part);
      return;
    }
    if (part->kind == PartKind::kReview) review_ = part->scope;
    Scope running = part->scope;
    const Paragraph* first = nullptr;
    for (const Section& section : part->sections) {
      if (!section.paragraphs.empty()) {
        first = &section.paragraphs.front();
        break;
      }
    }
    for (Section& section : part->sections) {
      if (!section.heading.empty() && IsFamily(running))
        running = SectionScope(section, *part, running);
      for (Paragraph& para : section.paragraphs) {
        const bool opened = ReadParagraph(&para, leads && &para == first, &running);
        if (!opened && part->multi_year && IsReview(part->scope) && IsReview(para.scope) &&
            Lexicon::Outline().AnyIn("scope_review_thanks", doc_.Slice(para.span))) {
          SetScope(&para, part->scope);
        }
      }
    }
  }

 private:
  static bool IsFamily(Scope s) { return IsReview(s) || IsPlan(s); }

  // Gives `para` and each of its sentences `scope`.
  static void SetScope(Paragraph* para, Scope scope) {
    para->scope = scope;
    for (Sentence& s : para->sentences) s.scope = scope;
    para->mixed = false;
  }

  // An opening may sum up the year before the review's chapters
  // ("过去的一年，…较好完成了目标任务。预计实现地区生产总值…，增长6.1%"):
  // from a paragraph that opens looking back, the opening is read as a
  // review of the year or the period it names (paragraphs and sentences
  // that turn to the plan year turn with it); before it, and the paragraph
  // that presents the report (…向大会报告…), it is neither side's.
  void ReadOpening(Part* part) const {
    Scope running = Scope::kOther;
    for (Section& section : part->sections) {
      for (Paragraph& para : section.paragraphs) {
        if (Lexicon::Outline().AnyIn("scope_presentation", doc_.Slice(para.span))) {
          SetScope(&para, Scope::kOther);
          continue;
        }
        if (!IsFamily(running)) running = LookBack(para);
        if (IsFamily(running)) {
          ReadParagraph(&para, false, &running);
        } else {
          SetScope(&para, Scope::kOther);
        }
      }
    }
  }

  // The review scope a paragraph of an opening opens with (its first
  // sentence after 各位代表), else kOther.
  Scope LookBack(const Paragraph& para) const {
    for (const Sentence& sentence : para.sentences) {
      const std::string_view text = doc_.Slice(sentence.span);
      if (IsSalutation(text)) continue;
      const std::optional<Cue> opener =
          FindOpener(text, OpeningYears(text, year_), Scope::kReviewYear, year_);
      return opener && IsReview(opener->scope) ? opener->scope : Scope::kOther;
    }
    return Scope::kOther;
  }

  // The scope of a part's heading and the default of its paragraphs.
  Scope PartScope(const Part& part) const {
    if (type_ == DocType::kCommunique) {
      return part.kind == PartKind::kOpening ? Scope::kOther : Scope::kReviewYear;
    }
    // A resolution or a budget report promises nothing of the government's.
    if (type_ == DocType::kResolution || type_ == DocType::kOther) return Scope::kOther;
    switch (part.kind) {
      case PartKind::kReview:
        return part.multi_year ? Scope::kReviewPeriod : Scope::kReviewYear;
      case PartKind::kPlan:
        return part.multi_year ? Scope::kPlanPeriod : Scope::kPlanYear;
      case PartKind::kAppendix:
        // A table of the figures the review reports is the review's.
        if (Lexicon::Outline().AnyIn("appendix_review", doc_.Slice(part.heading))) return review_;
        return ListsTasks(part) ? Scope::kPlanYear : Scope::kOther;
      case PartKind::kOpening:
      case PartKind::kClosing:
        return Scope::kOther;
    }
    return Scope::kOther;
  }

  // The scope a section's heading sets, `running` before it. A heading
  // naming a five-year plan that has ended ("（一）“十一五”时期发展回顾" in a
  // part on the next plan) reviews its period; a heading without a cue after
  // such a turn returns to the part's side.
  Scope SectionScope(const Section& section, const Part& part, Scope running) const {
    const std::string_view heading = doc_.Slice(section.heading);
    if (const PlanPeriod period = FirstPlanPeriod(heading);
        period.start > 0 && year_ > 0 && period.start + 5 <= year_) {
      return Scope::kReviewPeriod;
    }
    const Scope side = IsReview(running) == IsReview(part.scope) ? running : part.scope;
    return ScopeCue(heading, part.scope, year_).value_or(side);
  }

  // Whether an appendix lists the year's tasks (民生实事): plan, where notes
  // and glossaries are not. Its title may stand under the heading
  // ("附件1" over "2030年为民办15件实事").
  bool ListsTasks(const Part& part) const {
    const Lexicon& lex = Lexicon::Outline();
    if (lex.AnyIn("appendix_plan", doc_.Slice(part.heading))) return true;
    for (const Section& section : part.sections) {
      for (const Paragraph& para : section.paragraphs) {
        if (para.span.end <= part.heading.end) continue;  // the heading itself
        const std::string_view title = doc_.Slice(para.span);
        return text::CountCodePoints(title) <= kTitleChars && lex.AnyIn("appendix_plan", title);
      }
    }
    return false;
  }

  // A paragraph's opener sets its scope; one on the running scope's side
  // also turns the scope of the paragraphs after it ("五年来，…" in a review
  // of the last year), as does any opener of the part's first paragraph
  // (`opens_part`: the first part after the opening, headed like a plan,
  // "“十四五”实现良好开局", whose first words look back, "2021年是…",
  // reviews). Later sentences only mark themselves.
  // Returns whether an opener set the paragraph's scope.
  bool ReadParagraph(Paragraph* para, bool opens_part, Scope* running) const {
    if (!IsFamily(*running) || IsSalutation(doc_.Slice(para->span)) ||
        IsEditorialNote(doc_.Slice(para->span)) || IsGlossaryEntry(doc_.Slice(para->span))) {
      SetScope(para, Scope::kOther);
      return false;
    }
    size_t first = 0;  // the first sentence after a leading 各位代表！
    while (first + 1 < para->sentences.size() &&
           IsSalutation(doc_.Slice(para->sentences[first].span))) {
      ++first;
    }
    para->scope = *running;
    std::optional<Cue> opener;
    if (first < para->sentences.size()) {
      const std::string_view text = doc_.Slice(para->sentences[first].span);
      opener = FindOpener(text, OpeningYears(text, year_), *running, year_);
    }
    if (opener) {
      para->scope = opener->scope;
      // Within its side an opener holds for the paragraphs after it; so does
      // a review's turn to the plan year it names.
      if (opener->holds && (IsReview(opener->scope) == IsReview(*running) ||
                            IsPlan(opener->scope) || (opens_part && IsPlan(*running)))) {
        *running = opener->scope;
      }
    }
    // Within the paragraph a sentence opening on the other side ("过去一年，…"
    // in the year's plan) holds until one opens on this side again; in a
    // plan, a sentence that opens with what is to be done ("要…", "必须…")
    // turns a look back to the plan again, and the paragraph is the plan's.
    const Scope side = *running;
    const bool looks_back = opener && IsPlan(side) && IsReview(opener->scope);
    bool turned_back = false;
    Scope current = para->scope;
    for (size_t i = 0; i < para->sentences.size(); ++i) {
      Sentence& s = para->sentences[i];
      const std::string_view text = doc_.Slice(s.span);
      if (i == first && opener) {
        s.scope = para->scope;
      } else if (IsPlan(side) && IsReview(current) && StartsWithWord(text, "scope_plan_turn")) {
        current = side;
        s.scope = side;
        turned_back = true;
      } else {
        s.scope = SentenceScope(text, i == first, para->scope, &current);
      }
    }
    if (looks_back && turned_back) para->scope = side;
    para->mixed = std::any_of(para->sentences.begin(), para->sentences.end(),
                              [&](const Sentence& s) { return s.scope != para->scope; });
    return opener.has_value();
  }

  // The scope of a sentence after a paragraph's first, `current` the scope
  // running in the paragraph. One that opens on the other side turns the
  // paragraph from there on; one that opens on a single year of a period's
  // paragraph ("2002年完成了…") marks itself; any other has the scope its
  // words point to, a later year only at its start (deep inside, it is one
  // measure's deadline).
  Scope SentenceScope(std::string_view text, bool first, Scope para_scope, Scope* current) const {
    const YearsNamed years = OpeningYears(text, year_);
    const std::optional<Cue> turn =
        first ? std::nullopt : FindOpener(text, years, para_scope, year_);
    if (turn && IsReview(turn->scope) != IsReview(*current)) {
      *current = turn->scope;
      return *current;
    }
    if (turn &&
        (!turn->holds || (turn->scope == Scope::kReviewYear && *current == Scope::kReviewPeriod &&
                          !SumsUpPeriod(text, years)))) {
      return turn->scope;
    }
    const std::optional<Cue> cue = FindCue(text, years, *current, /*opening=*/false);
    return cue ? cue->scope : *current;
  }

  const Document& doc_;
  const int year_;
  const DocType type_;
  Scope review_ = Scope::kReviewYear;  // the scope of the last review part read
};

}  // namespace

std::optional<Scope> ScopeCue(std::string_view sentence, Scope side, int year) {
  const std::optional<Cue> cue = FindCue(sentence, FindYears(sentence, year), side, true);
  if (!cue) return std::nullopt;
  return cue->scope;
}

void AssignScopes(const Document& doc, int year, DocType type, std::vector<Part>* parts) {
  ScopeReader reader(doc, year, type);
  bool leads = true;
  for (Part& part : *parts) {
    reader.ReadPart(&part, leads);
    if (part.kind == PartKind::kReview || part.kind == PartKind::kPlan) leads = false;
  }
}

}  // namespace mubiao::report
