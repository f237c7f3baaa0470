// The outline of a report. Reports are built alike whatever their markup:
//   opening   title, date line, speaker, 各位代表：现在，我代表…报告工作
//   parts     "一、2022年工作回顾" "二、2023年工作安排" (numbered, bold, or a short
//             line of its own such as "2014年工作回顾"); some reports have none
//   sections  "（一）坚持绿色低碳，全力打造生态县域样板。" often opening a paragraph
//   paragraphs with a lead sentence ("扛稳粮食安全责任。") and items (一是…)
//   closing   各位代表！… after the plan; appendix 名词解释 at the end.
// A part's role comes from its heading (words and years) when the heading is
// clear, else from its paragraphs: past-tense markers against promises.

#include "report/outline.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "report/lexicon.h"
#include "text/labels.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace mubiao::report {
namespace {

bool Contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

size_t Chars(std::string_view s) { return text::CountCodePoints(s); }

bool EndsLikeSentence(std::string_view s) {
  return s.ends_with("。") || s.ends_with("；") || s.ends_with("，") || s.ends_with("：") ||
         s.ends_with(";") || s.ends_with(",") || s.ends_with("！") || s.ends_with("？");
}

using internal::Lexicon;

bool IsWhollyEmphasised(const Block& b) {
  return b.emphasis.size() == 1 && b.emphasis[0].begin <= b.span.begin + 3 &&
         b.emphasis[0].end + 3 >= b.span.end;
}

// "结束语": a heading over the final appeal.
bool IsClosingHeading(std::string_view s) {
  return Chars(s) <= 12 && Lexicon::Outline().AnyIn("closing_heading", s);
}

// Whether a block opens a part; sets *label_len to its "一、" label length.
bool IsPartHeading(const Document& doc, size_t index, size_t* label_len) {
  const Block& b = doc.blocks[index];
  std::string_view s = doc.Slice(b.span);
  *label_len = 0;
  if (Chars(s) > 90) return false;
  const bool marked = b.kind == BlockKind::kHeading || IsWhollyEmphasised(b);
  if (size_t n = text::NumeralLabel(s, U"、．."); n > 0) {
    *label_len = n;
    return marked || (Chars(s) <= 60 && !s.ends_with("。"));
  }
  if (size_t n = text::ChapterLabel(s);
      n > 0 && (marked || Chars(s) <= 40) && !EndsLikeSentence(s)) {
    *label_len = n;
    return true;
  }
  if (text::SectionLabel(s) > 0 || EndsLikeSentence(s)) return false;
  if (Chars(s) <= 40 && Lexicon::Outline().AnyIn("part_heading", s)) return true;
  if (IsClosingHeading(s)) return true;
  // Markdown "#"/"##" headings past the title block.
  return b.kind == BlockKind::kHeading && b.level >= 1 && b.level <= 2 && index > 1 &&
         !Contains(s, "报告") && !Contains(s, "公报");
}

// Whether a paragraph makes the closing appeal ("…！各位代表，让我们…") after
// a sentence of its own.
bool IsAppeal(std::string_view s) { return Lexicon::Outline().AnyIn("closing_appeal", s); }

bool IsAppendixHeading(std::string_view s) {
  // A remark in brackets ("（按出现先后排列）") is not part of the heading.
  if (s.ends_with("）")) {
    if (const size_t open = s.rfind("（"); open != std::string_view::npos) s = s.substr(0, open);
  }
  // The words are looked for with the heading's colon ("附："), its length
  // and ending without it.
  std::string_view core = s;
  if (core.ends_with("：")) core.remove_suffix(3);
  if (core.ends_with(":")) core.remove_suffix(1);
  return Chars(core) <= 20 && Lexicon::Outline().AnyIn("appendix", s) && !EndsLikeSentence(core);
}

// Years mentioned in a heading, and periods named by five-year plans.
struct Years {
  bool past = false;    // some year or period before the report's year
  bool future = false;  // some year or period at or after the report's year
};

// Four-digit years when `periods` is false; the periods of five-year plans
// (“十三五”时期) when it is true.
Years YearsIn(std::string_view s, int year, bool periods) {
  Years y;
  if (year <= 0) return y;
  if (!periods) {
    text::ForEachFourDigitNumber(s, /*spaced=*/false, [&](int v, size_t, size_t) {
      if (v >= 1949 && v <= 2100) (v < year ? y.past : y.future) = true;
    });
  }
  for (const text::ListedWord& plan : Lexicon::Outline().Of("five_year_plan")) {
    if (!periods) break;
    const std::string& name = plan.word;
    if (!Contains(s, "“" + name + "”") && !Contains(s, name + "时期") &&
        !Contains(s, name + "规划")) {
      continue;
    }
    const int start = plan.number;
    if (start + 4 < year) y.past = true;
    if (start + 4 >= year) y.future = true;
  }
  return y;
}

// An unnumbered heading on a line of its own that names only the year it
// reviews or only the one it plans, after a slogan ("青禾同心、稳中求进
// 2029年经济社会实现平稳发展", "2030年各项工作务求新成效"); never a date or
// title line ("2030年政府工作报告").
bool IsYearHeading(const Document& doc, size_t index, int year) {
  const Block& b = doc.blocks[index];
  const std::string_view s = doc.Slice(b.span);
  const bool marked = b.kind == BlockKind::kHeading || IsWhollyEmphasised(b);
  if (index < 2 || Chars(s) > (marked ? 40 : 30) || EndsLikeSentence(s) || Contains(s, "，") ||
      Contains(s, "。") || Contains(s, "日") || Contains(s, "报告") || Contains(s, "公报")) {
    return false;
  }
  const Years years = YearsIn(s, year, /*periods=*/false);
  return years.past != years.future && Lexicon::Outline().AnyIn("year_heading", s);
}

// A paragraph's lead sentence: a bold run at its start, or a short first
// sentence followed by more text.
Span LeadOf(const Document& doc, const Block& b,
            const std::vector<text::SentenceSpans>& sentences) {
  if (!b.emphasis.empty() && b.emphasis[0].begin <= b.span.begin + 3 &&
      b.emphasis[0].end < b.span.end) {
    return b.emphasis[0];
  }
  if (sentences.size() >= 2 && Chars(doc.Slice(sentences[0].span)) <= 30 &&
      std::string_view(doc.Slice(sentences[0].span)).ends_with("。")) {
    return sentences[0].span;
  }
  return {};
}

Paragraph MakeParagraph(const Document& doc, const Block& b) {
  Paragraph para;
  para.span = b.span;
  std::vector<text::SentenceSpans> sentences = text::SplitSentences(doc.text, b.span);
  para.lead = LeadOf(doc, b, sentences);
  const size_t label = text::ListLabel(doc.Slice(b.span));
  if (label > 0) para.item_label = {b.span.begin, b.span.begin + label};
  for (auto& s : sentences) para.sentences.push_back({s.span, std::move(s.clauses)});
  return para;
}

// Groups blocks [first, last) into sections and paragraphs.
std::vector<Section> MakeSections(const Document& doc, size_t first, size_t last) {
  std::vector<Section> sections;
  for (size_t i = first; i < last; ++i) {
    const Block& b = doc.blocks[i];
    std::string_view s = doc.Slice(b.span);
    size_t label = text::SectionLabel(s);
    if (label == 0 && (b.kind == BlockKind::kHeading || IsWhollyEmphasised(b)) && Chars(s) <= 40 &&
        i > first) {
      label = text::ChapterLabel(s);  // "第一节" style sub-headings are rare; chapters inside parts
    }
    if (label > 0 || sections.empty()) {
      Section sec;
      if (label > 0) {
        sec.label = std::string(s.substr(0, label));
        // The heading runs to the first full stop when the block goes on.
        size_t stop = s.find("。");
        size_t end = (stop != std::string_view::npos && Chars(s.substr(0, stop)) <= 80)
                         ? stop + 3
                         : (Chars(s) <= 80 ? s.size() : label);
        sec.heading = {b.span.begin, b.span.begin + end};
      }
      sec.span = {b.span.begin, b.span.end};
      sections.push_back(std::move(sec));
    }
    sections.back().paragraphs.push_back(MakeParagraph(doc, b));
    sections.back().span.end = b.span.end;
  }
  return sections;
}

// Index k in [0, scores.size()] such that blocks before k read as review
// and blocks from k on read as plan, maximising the agreement.
size_t BestSplit(const std::vector<int>& scores) {
  long total = 0;
  for (int s : scores) total -= s;  // everything as plan
  long best = total;
  size_t best_k = 0;
  long running = total;
  for (size_t k = 0; k < scores.size(); ++k) {
    running += 2L * scores[k];
    if (running > best) {
      best = running;
      best_k = k + 1;
    }
  }
  return best_k;
}

}  // namespace

HeadingRole ClassifyPartHeading(std::string_view heading, int year) {
  HeadingRole role;
  // Words that name a review outright, and words that only suggest one
  // ("取得新进展" is as often a promise as a record); the same for plans.
  const Lexicon& lex = Lexicon::Outline();
  const bool review = lex.AnyIn("review", heading);
  const bool weak_review = lex.AnyIn("weak_review", heading);
  const bool plan = lex.AnyIn("plan", heading);
  const bool weak_plan = lex.AnyIn("weak_plan", heading);
  role.multi_year = lex.AnyIn("multi_year", heading);
  Years periods = YearsIn(heading, year, /*periods=*/true);
  role.multi_year = role.multi_year || periods.past || periods.future;  // “十五”期间
  Years years = YearsIn(heading, /*year=*/year, /*periods=*/false);
  role.known = true;
  if (lex.AnyIn("review_opener", heading)) {
    role.kind = PartKind::kReview;  // "这一年，我们…" set off as a heading of its own
  } else if (lex.AnyIn("government", heading)) {
    role.kind = PartKind::kPlan;
  } else if (years.past && years.future && review && (plan || weak_plan)) {
    // "2013年工作回顾和2014年工作总体要求": a review followed by a plan.
    role.kind = PartKind::kReview;
    role.mixed = true;
  } else if (years.past != years.future) {
    // A heading that names only past or only coming years is clear.
    role.kind = years.past ? PartKind::kReview : PartKind::kPlan;
    if (years.future && review && !plan) role.kind = PartKind::kReview;  // "今年以来工作回顾"
  } else if (review != plan) {
    role.kind = review ? PartKind::kReview : PartKind::kPlan;
  } else if (lex.AnyIn("ahead", heading)) {
    role.kind = PartKind::kPlan;
  } else {
    // Only hints: a five-year period, or words such as 取得 or 目标. The
    // part's paragraphs will decide; the hint breaks ties.
    role.known = false;
    if (periods.past != periods.future && (periods.past ? !weak_plan : !weak_review)) {
      // “十四五”时期主要目标任务 names a coming period and no look back.
      role.known = true;
      role.kind = periods.past ? PartKind::kReview : PartKind::kPlan;
    } else if (weak_review != weak_plan) {
      role.kind = weak_review ? PartKind::kReview : PartKind::kPlan;
    } else if (periods.past != periods.future || periods.past) {
      role.kind = periods.past && !periods.future ? PartKind::kReview : PartKind::kPlan;
      role.hinted = true;
    } else {
      role.kind = PartKind::kPlan;
    }
    return role;
  }
  return role;
}

namespace {

// Words that mark a paragraph as looking back (a positive weight) or ahead
// (negative), data/lexicon/outline.tsv.
struct Marker {
  std::string_view word;
  int weight;
};

// For each code point of the Basic Multilingual Plane, the markers
// (outline.tsv) starting with it, so a paragraph is scored in one pass with
// one table look-up per character.
class MarkerTable {
 public:
  MarkerTable() : first_(0x10000, 0) {
    for (const text::ListedWord& w : Lexicon::Outline().Of("marker")) {
      const Marker m{w.word, w.number};
      size_t pos = 0;
      char32_t c = text::DecodeUtf8(m.word, &pos);
      if (c >= first_.size()) first_.resize(c + 1, 0);
      if (first_[c] == 0) {
        lists_.emplace_back();
        first_[c] = static_cast<uint16_t>(lists_.size());
      }
      lists_[first_[c] - 1].push_back(m);
    }
  }
  const std::vector<Marker>* Starting(char32_t c) const {
    return c < first_.size() && first_[c] != 0 ? &lists_[first_[c] - 1] : nullptr;
  }

 private:
  std::vector<uint16_t> first_;  // 1 + index into lists_, 0 for none
  std::vector<std::vector<Marker>> lists_;
};

}  // namespace

int ReviewScore(std::string_view p, int year) {
  static const MarkerTable table;
  int score = 0;
  for (size_t i = 0; i < p.size();) {
    const size_t at = i;
    char32_t c = text::DecodeUtf8(p, &i);
    if (const std::vector<Marker>* markers = table.Starting(c)) {
      for (const Marker& m : *markers) {
        if (p.substr(at, m.word.size()) == m.word) score += m.weight;
      }
    }
  }
  // "2022年，全县…" reviews; "2023年全县经济社会发展的主要预期目标" plans.
  if (year > 0) {
    text::ForEachFourDigitNumber(p, /*spaced=*/false, [&](int y, size_t, size_t end) {
      if (y < 1949 || p.substr(end, std::string_view("年").size()) != "年") return;
      if (y < year) score += 1;
      if (y == year) score -= 2;
    });
  }
  return score;
}

// A report on a five-year plan's outline ("二、“十五五”期间的奋斗目标", then
// "三、夯实青禾农业基础…"): when no part plans the year itself, the themed
// plan parts after the period's goals plan the period too.
void ExtendPlanPeriod(const Document& doc, int year, std::vector<Part>* parts) {
  const Lexicon& lex = Lexicon::Outline();
  bool period = false;
  for (const Part& part : *parts) {
    if (part.kind != PartKind::kPlan || part.heading.empty()) continue;
    const std::string_view heading = doc.Slice(part.heading);
    if (part.multi_year) {
      // Only a five-year plan's period: a new government's 今后五年 comes
      // with the year's own tasks.
      period = period || YearsIn(heading, year, /*periods=*/true).future;
    } else if (YearsIn(heading, year, /*periods=*/false).future ||
               lex.AnyIn("year_plan_heading", heading)) {
      return;  // the year has a plan of its own
    }
  }
  if (!period) return;
  bool after = false;
  for (Part& part : *parts) {
    if (part.kind != PartKind::kPlan) continue;
    after = after || (part.multi_year && !part.heading.empty() &&
                      YearsIn(doc.Slice(part.heading), year, /*periods=*/true).future);
    part.multi_year = part.multi_year || after;
  }
}

// Whether the part heading at block `index` opens a review.
bool FirstHeadReviews(const Document& doc, size_t index, int year) {
  const HeadingRole role = ClassifyPartHeading(doc.Slice(doc.blocks[index].span), year);
  return role.known && role.kind == PartKind::kReview;
}

// Whether a heading's own years (2014年工作回顾, 2015年重点工作) say whether it
// reviews or plans.
bool NamesItsYears(std::string_view heading, int year) {
  const Years years = YearsIn(heading, year, /*periods=*/false);
  return years.past != years.future;
}

// The role a numbered chapter takes from the unnumbered line above it.
struct Tier {
  PartKind kind = PartKind::kPlan;
  bool multi_year = false;  // a chapter of a review of several years (过去五年工作回顾)
};

// Reports that head their review and their plan with unnumbered lines
// ("2014年工作回顾" or "过去五年工作回顾" … "2015年重点工作") and number the
// chapters under each afresh ("一、着力稳定经济运行"): each such chapter has
// the role of the line above it, whatever its own words suggest (a review's
// 四、持续加强政府自身建设 looks back), and a review's chapters its span of
// years. Only when an unnumbered review line is followed, later, by an
// unnumbered plan line, and the numbering restarts under each. For each
// head, the tier so inherited, or nullopt.
std::vector<std::optional<Tier>> TierKinds(const Document& doc, const std::vector<size_t>& heads,
                                           const std::vector<size_t>& label_lens, int year) {
  std::vector<std::optional<Tier>> tiers(heads.size());
  std::optional<Tier> parent;
  bool restart = false;  // the next numbered head must be the first of a series
  bool review_line = false;
  bool plan_line = false;
  for (size_t h = 0; h < heads.size(); ++h) {
    const std::string_view heading = doc.Slice(doc.blocks[heads[h]].span);
    if (label_lens[h] == 0) {
      const HeadingRole role = ClassifyPartHeading(heading, year);
      parent.reset();
      if (role.known && !role.mixed && (NamesItsYears(heading, year) || role.multi_year)) {
        // "过去五年及2028年工作回顾" reviews the last year in its chapters.
        parent = Tier{role.kind, role.kind == PartKind::kReview && role.multi_year &&
                                     !NamesItsYears(heading, year)};
      }
      review_line = review_line || (parent && parent->kind == PartKind::kReview);
      plan_line = plan_line || (review_line && parent && parent->kind == PartKind::kPlan);
      restart = true;
      continue;
    }
    if (restart && !heading.starts_with("一")) parent.reset();
    restart = false;
    if (!NamesItsYears(heading, year)) tiers[h] = parent;
  }
  if (!plan_line) std::fill(tiers.begin(), tiers.end(), std::nullopt);
  return tiers;
}

std::vector<Part> BuildOutline(const Document& doc, int year, DocType type) {
  const size_t n = doc.blocks.size();
  std::vector<Part> parts;
  if (n == 0) return parts;

  // Part boundaries: indexes of heading blocks, and where the appendix starts.
  std::vector<size_t> heads;
  std::vector<size_t> label_lens;
  size_t appendix = n;
  std::vector<size_t> appendices;  // each appendix heading: 附件一 民生实事, 附件二 注释
  for (size_t i = 0; i < n; ++i) {
    std::string_view s = doc.Slice(doc.blocks[i].span);
    if (i > 0 && IsAppendixHeading(s)) {
      appendix = std::min(appendix, i);
      appendices.push_back(i);
      continue;
    }
    if (appendix < n) continue;
    size_t label = 0;
    if (IsPartHeading(doc, i, &label) || IsYearHeading(doc, i, year)) {
      heads.push_back(i);
      label_lens.push_back(label);
    }
  }

  // Opening: from the start through the "我代表…报告" sentence, or through
  // the title lines when a report starts without one.
  size_t body_start = 0;
  const size_t first_head = heads.empty() ? appendix : heads.front();
  for (size_t i = 0; i < std::min(first_head, size_t{8}); ++i) {
    std::string_view s = doc.Slice(doc.blocks[i].span);
    if ((Contains(s, "我代表") && (Contains(s, "报告") || Contains(s, "审议"))) ||
        s.starts_with("各位代表") || Chars(s) <= 60) {
      body_start = i + 1;
      if (Contains(s, "我代表")) break;
    } else {
      break;
    }
  }
  if (type == DocType::kCommunique) body_start = std::min<size_t>(body_start, first_head);

  auto add_part = [&](PartKind kind, size_t first, size_t last, size_t heading_block,
                      size_t label_len) {
    if (first >= last) return;
    Part part;
    part.kind = kind;
    part.span = {doc.blocks[first].span.begin, doc.blocks[last - 1].span.end};
    size_t section_first = first;
    if (heading_block < n) {
      part.heading = doc.blocks[heading_block].span;
      part.label = std::string(doc.Slice(part.heading).substr(0, label_len));
      section_first = heading_block + 1;
    }
    part.sections = MakeSections(doc, section_first, last);
    parts.push_back(std::move(part));
  };

  // A preamble of a paragraph or two between the opening and a first
  // heading that opens the review still belongs to the opening; a longer
  // stretch is a part of its own.
  if (type != DocType::kCommunique && body_start < first_head && first_head <= body_start + 2 &&
      first_head < appendix &&
      ClassifyPartHeading(doc.Slice(doc.blocks[first_head].span), year).kind == PartKind::kReview) {
    body_start = first_head;
  }
  if (body_start > 0) add_part(PartKind::kOpening, 0, body_start, n, 0);

  // Block scores for content-based decisions.
  std::vector<int> scores(n, 0);
  for (size_t i = body_start; i < appendix; ++i) {
    scores[i] = ReviewScore(doc.Slice(doc.blocks[i].span), year);
  }
  auto sum_scores = [&](size_t a, size_t b) {
    long s = 0;
    for (size_t i = a; i < b; ++i) s += scores[i];
    return s;
  };

  // Unheaded stretch before the first part heading (or the whole body).
  size_t lead_end = std::max(body_start, first_head);
  if (body_start < lead_end) {
    if (type == DocType::kCommunique) {
      add_part(PartKind::kReview, body_start, lead_end, n, 0);
    } else {
      // Before a part that reviews, nothing plans yet.
      std::vector<int> stretch(scores.begin() + body_start, scores.begin() + lead_end);
      size_t k = first_head < appendix && FirstHeadReviews(doc, first_head, year)
                     ? lead_end
                     : body_start + BestSplit(stretch);
      // A stretch followed by headed parts is usually an unheaded review.
      add_part(PartKind::kReview, body_start, k, n, 0);
      add_part(PartKind::kPlan, k, lead_end, n, 0);
    }
  }

  bool seen_plan = false;
  const std::vector<std::optional<Tier>> tiers = TierKinds(doc, heads, label_lens, year);
  for (size_t h = 0; h < heads.size(); ++h) {
    size_t first = heads[h];
    if (first < body_start) continue;
    size_t last = h + 1 < heads.size() ? heads[h + 1] : appendix;
    std::string_view heading = doc.Slice(doc.blocks[first].span);
    HeadingRole role = ClassifyPartHeading(heading, year);
    PartKind kind;
    if (role.mixed && type != DocType::kCommunique && last - first > 2) {
      // Review then plan under one heading: split where the paragraphs turn.
      std::vector<int> stretch(scores.begin() + first + 1, scores.begin() + last);
      size_t k = first + 1 + BestSplit(stretch);
      add_part(PartKind::kReview, first, k, first, label_lens[h]);
      parts.back().multi_year = role.multi_year;
      add_part(PartKind::kPlan, k, last, n, 0);
      seen_plan = seen_plan || k < last;
      continue;
    }
    if (type == DocType::kCommunique) {
      kind = PartKind::kReview;
    } else if (IsClosingHeading(heading)) {
      kind = PartKind::kClosing;
    } else if (tiers[h]) {
      kind = tiers[h]->kind;
    } else if (role.known) {
      kind = role.kind;
    } else if (seen_plan) {
      kind = PartKind::kPlan;  // reports do not go back to reviewing
    } else {
      // The paragraphs decide; the heading's hint breaks a near tie. After
      // a review, a theme heading ("二、发展动能持续增强") goes on reviewing
      // unless its paragraphs clearly promise.
      long score = sum_scores(first, last);
      const bool after_review = !parts.empty() && parts.back().kind == PartKind::kReview;
      kind = score > 2                      ? PartKind::kReview
             : score < -2                   ? PartKind::kPlan
             : after_review && !role.hinted ? PartKind::kReview
                                            : role.kind;
    }
    seen_plan = seen_plan || kind == PartKind::kPlan;
    add_part(kind, first, last, first, label_lens[h]);
    parts.back().multi_year = role.multi_year || (tiers[h] && tiers[h]->multi_year);
  }

  // Closing: a final 各位代表 appeal after the plan, within the last blocks.
  if (!parts.empty() && parts.back().kind == PartKind::kPlan) {
    size_t closing = appendix;
    for (size_t i = appendix; i-- > 0 && appendix - i <= 6;) {
      std::string_view s = doc.Slice(doc.blocks[i].span);
      if (s.starts_with("各位代表") || s.starts_with("同志们") || IsAppeal(s)) {
        closing = i;
        break;
      }
    }
    if (closing < appendix && doc.blocks[closing].span.begin > parts.back().span.begin) {
      Part& last = parts.back();
      // Cut the last part at the closing block and rebuild its sections.
      size_t first = 0;
      while (first < n && doc.blocks[first].span.begin < last.span.begin) ++first;
      size_t heading_block = last.heading.empty() ? n : first;
      std::string label = last.label;
      bool multi = last.multi_year;
      parts.pop_back();
      add_part(PartKind::kPlan, first, closing, heading_block, label.size());
      parts.back().multi_year = multi;
      add_part(PartKind::kClosing, closing, appendix, n, 0);
    }
  }
  for (size_t a = 0; a < appendices.size(); ++a) {
    const size_t end = a + 1 < appendices.size() ? appendices[a + 1] : n;
    add_part(PartKind::kAppendix, appendices[a], end, appendices[a], 0);
  }
  ExtendPlanPeriod(doc, year, &parts);
  return parts;
}

}  // namespace mubiao::report
