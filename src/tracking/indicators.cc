#include "tracking/indicators.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "base/enum_names.h"
#include "embedded/indicators_tsv.h"
#include "store/store.h"
#include "text/tsv.h"
#include "text/utf8.h"
#include "text/word_lists.h"

namespace mubiao::tracking {
namespace {

constexpr EnumName<Measure> kMeasureNames[] = {{Measure::kLevel, "level"},
                                               {Measure::kGrowth, "growth"},
                                               {Measure::kPoints, "points"},
                                               {Measure::kChange, "change"}};
constexpr EnumName<IndicatorKind> kKindNames[] = {{IndicatorKind::kGrowth, "growth"},
                                                  {IndicatorKind::kRate, "rate"},
                                                  {IndicatorKind::kFlow, "flow"},
                                                  {IndicatorKind::kLevel, "level"}};
constexpr EnumName<Sense> kSenseNames[] = {
    {Sense::kHigher, "higher"}, {Sense::kLower, "lower"}, {Sense::kNone, "none"}};
constexpr EnumName<Measure> kMeasureLabels[] = {{Measure::kLevel, "总量"},
                                                {Measure::kGrowth, "增速"},
                                                {Measure::kPoints, "百分点变化"},
                                                {Measure::kChange, "增减量"}};

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) words.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Removes footnote marks written after a name: "国内生产总值[2]".
std::string WithoutFootnotes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '[') {
      size_t j = i + 1;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      if (j > i + 1 && j < s.size() && s[j] == ']') {
        i = j + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// `s` as open wordings are compared: without quotation marks (“ ” ‘ ’ ")
// and bracketed asides (（作坊）), which name nothing of their own.
std::string ComparableWording(std::string_view s) {
  // A wording cut inside an aside ("学校建设（含") keeps what follows its
  // bracket: only balanced brackets are left out.
  int open = 0;
  for (size_t at = 0; at < s.size();) {
    const char32_t c = text::DecodeUtf8(s, &at);
    open += (c == U'（' || c == U'(') - (c == U'）' || c == U')');
  }
  const bool balanced = open == 0;
  std::string out;
  out.reserve(s.size());
  int depth = 0;
  for (size_t at = 0; at < s.size();) {
    const size_t start = at;
    const char32_t c = text::DecodeUtf8(s, &at);
    if (balanced && (c == U'（' || c == U'(')) {
      ++depth;
    } else if (balanced && (c == U'）' || c == U')') && depth > 0) {
      --depth;
    } else if (depth == 0 && c != U'“' && c != U'”' && c != U'‘' && c != U'’' && c != U'"') {
      out.append(s.substr(start, at - start));
    }
  }
  return out;
}

}  // namespace

std::string_view SenseName(Sense sense) { return NameIn(kSenseNames, sense); }

std::optional<Sense> ParseSense(std::string_view name) { return ValueIn(kSenseNames, name); }

std::string_view MeasureName(Measure measure) { return NameIn(kMeasureNames, measure); }

std::string_view MeasureLabel(Measure measure) { return NameIn(kMeasureLabels, measure); }

std::optional<Measure> ParseMeasure(std::string_view name) { return ValueIn(kMeasureNames, name); }

const IndicatorLexicon& IndicatorLexicon::Builtin() {
  static const IndicatorLexicon* lexicon = new IndicatorLexicon(text::ParsedDataFile(
      "data/lexicon/indicators.tsv", Parse(text::JoinChunks(internal::EmbeddedIndicatorChunks()))));
  return *lexicon;
}

const std::string& IndicatorLexicon::BuiltinHash() {
  static const std::string hash =
      store::ContentHash(text::JoinChunks(internal::EmbeddedIndicatorChunks()));
  return hash;
}

Result<IndicatorLexicon> IndicatorLexicon::Parse(std::string_view tsv) {
  IndicatorLexicon lex;
  for (const text::TsvRow& row : text::TsvRows(tsv)) {
    const std::vector<std::string_view>& f = row.fields;
    auto bad = [&](std::string_view why) {
      return InvalidInput("indicator lexicon line " + std::to_string(row.line) + ": " +
                          std::string(why));
    };
    if (f[0] == "indicator") {
      if (f.size() != 6) return bad("an indicator row has 6 fields");
      std::optional<IndicatorKind> kind = ValueIn(kKindNames, f[3]);
      std::optional<Sense> sense = ValueIn(kSenseNames, f[4]);
      if (!kind) return bad("unknown kind " + std::string(f[3]));
      if (!sense) return bad("unknown sense " + std::string(f[4]));
      if (std::any_of(lex.indicators_.begin(), lex.indicators_.end(),
                      [&](const Indicator& i) { return i.id == f[1]; })) {
        return bad("duplicate indicator " + std::string(f[1]));
      }
      lex.indicators_.push_back(
          {std::string(f[1]), std::string(f[2]), *kind, *sense, SplitSpaces(f[5]), {}, {}});
    } else if (f[0] == "wording") {
      if (f.size() != 3 && f.size() != 4) return bad("a wording row has 3 or 4 fields");
      auto it = std::find_if(lex.indicators_.begin(), lex.indicators_.end(),
                             [&](const Indicator& i) { return i.id == f[1]; });
      if (it == lex.indicators_.end()) return bad("wording of an undeclared indicator");
      Wording w;
      w.indicator = static_cast<size_t>(it - lex.indicators_.begin());
      const std::string_view flags = f.size() == 4 ? f[3] : std::string_view();
      for (size_t start = 0; start < flags.size();) {
        size_t comma = flags.find(',', start);
        if (comma == std::string_view::npos) comma = flags.size();
        std::string_view flag = flags.substr(start, comma - start);
        start = comma + 1;
        if (flag == "growth") {
          w.growth = true;
        } else if (flag == "needs_change") {
          w.needs_change = true;
        } else if (flag.starts_with("rank=")) {
          auto [ptr, ec] = std::from_chars(flag.data() + 5, flag.data() + flag.size(), w.rank);
          if (ec != std::errc() || ptr != flag.data() + flag.size()) return bad("bad rank");
        } else if (!flag.empty()) {
          return bad("unknown flag " + std::string(flag));
        }
      }
      if (!lex.wordings_.emplace(std::string(f[2]), w).second) {
        return bad("duplicate wording " + std::string(f[2]));
      }
      it->wordings.emplace_back(f[2]);
    } else if (f[0] == "mention") {
      if (f.size() != 3 || f[2].empty()) return bad("a mention row has 3 fields");
      auto it = std::find_if(lex.indicators_.begin(), lex.indicators_.end(),
                             [&](const Indicator& i) { return i.id == f[1]; });
      if (it == lex.indicators_.end()) return bad("mention of an undeclared indicator");
      it->mentions.emplace_back(f[2]);
    } else if (f[0] == "unit") {
      if (f.size() != 4) return bad("a unit row has 4 fields");
      double factor = 0;
      auto [ptr, ec] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), factor);
      if (ec != std::errc() || ptr != f[3].data() + f[3].size() || factor <= 0) {
        return bad("bad unit factor");
      }
      lex.units_[std::string(f[1])] = {std::string(f[2]), factor};
    } else if (std::vector<std::string>* words = lex.WordList(f[0])) {
      if (f.size() != 2 || f[1].empty()) return bad("a " + std::string(f[0]) + " row has 2 fields");
      words->emplace_back(f[1]);
    } else {
      return bad("unknown row type " + std::string(f[0]));
    }
  }
  for (std::vector<std::string>* words :
       {&lex.prefixes_, &lex.suffixes_, &lex.open_verbs_, &lex.open_nouns_, &lex.scopes_}) {
    std::sort(words->begin(), words->end(), text::LongerFirst);
  }
  return lex;
}

const Indicator* IndicatorLexicon::Find(std::string_view id_or_name) const {
  for (const Indicator& i : indicators_) {
    if (i.id == id_or_name || i.name == id_or_name) return &i;
  }
  // Any wording the lexicon reads as the indicator (国内生产总值 for gdp).
  auto found = wordings_.find(Normalize(id_or_name));
  return found == wordings_.end() ? nullptr : &indicators_[found->second.indicator];
}

double IndicatorLexicon::UnitFactor(std::string_view unit) const {
  auto found = units_.find(unit);
  return found == units_.end() ? 1.0 : found->second.factor;
}

std::string IndicatorLexicon::Normalize(std::string_view wording) const {
  std::string s = WithoutFootnotes(wording);
  for (bool more = true; more;) {
    more = false;
    for (const std::string& p : prefixes_) {
      if (s.size() > p.size() && s.starts_with(p)) {
        s.erase(0, p.size());
        more = true;
        break;
      }
    }
  }
  for (bool more = true; more;) {
    more = false;
    for (const std::string& p : suffixes_) {
      if (s.size() > p.size() && s.ends_with(p)) {
        s.erase(s.size() - p.size());
        more = true;
        break;
      }
    }
  }
  return s;
}

std::optional<Reading> IndicatorLexicon::Read(const targets::Finding& finding, Unread* why) const {
  auto fail = [why](ReadProblem problem, const Indicator* indicator) -> std::optional<Reading> {
    if (why != nullptr) *why = {problem, indicator};
    return std::nullopt;
  };
  if (!finding.value) return fail(ReadProblem::kNoValue, nullptr);
  auto found = wordings_.find(Normalize(finding.indicator));
  if (found == wordings_.end()) {
    return fail(ReadProblem::kUnknownWording, nullptr);
  }
  const Wording& w = found->second;
  Reading r;
  r.indicator = &indicators_[w.indicator];
  r.rank = w.rank;
  const Indicator& ind = *r.indicator;
  const bool points = finding.unit == "个百分点";
  const bool has_percent = std::find(ind.units.begin(), ind.units.end(), "%") != ind.units.end();
  if (std::find(ind.units.begin(), ind.units.end(), finding.unit) == ind.units.end() &&
      !(points && has_percent)) {
    return fail(ReadProblem::kUnitMismatch, &ind);
  }
  if (w.needs_change && finding.change != targets::Change::kUp) {
    return fail(ReadProblem::kNotNew, &ind);
  }
  r.sense = ind.sense;
  ReadFigure(finding, ind.kind, w.growth, &r);
  return r;
}

std::optional<Reading> IndicatorLexicon::ReadOpen(const targets::Finding& finding) const {
  if (!finding.value) return std::nullopt;
  std::string wording = Normalize(finding.indicator);
  if (text::CountCodePoints(wording) < kOpenWordingChars) return std::nullopt;
  Reading r;
  r.core = OpenCore(wording);
  r.wording = std::move(wording);
  // Less is better for what is to be cut or capped; more for the rest.
  r.sense = finding.cmp == quantity::Comparator::kAtMost || finding.change == targets::Change::kDown
                ? Sense::kLower
                : Sense::kHigher;
  const bool rate = finding.unit == "%" && finding.change == targets::Change::kLevel;
  const IndicatorKind kind = rate                            ? IndicatorKind::kRate
                             : r.wording.starts_with("新增") ? IndicatorKind::kFlow
                                                             : IndicatorKind::kGrowth;
  ReadFigure(finding, kind, /*growth=*/false, &r);
  return r;
}

std::vector<std::string>* IndicatorLexicon::WordList(std::string_view row_type) {
  if (row_type == "prefix") return &prefixes_;
  if (row_type == "suffix") return &suffixes_;
  if (row_type == "open_verb") return &open_verbs_;
  if (row_type == "open_noun") return &open_nouns_;
  if (row_type == "scope") return &scopes_;
  return nullptr;
}

std::string IndicatorLexicon::OpenCore(std::string_view wording) const {
  const std::string comparable = ComparableWording(wording);
  std::string_view core = comparable;
  // Strips `words` from the front (or end), one after another, while
  // kOpenWordingChars characters remain.
  const auto strip = [&core](const std::vector<std::string>& words, bool front) {
    for (bool more = true; more;) {
      more = false;
      for (const std::string& w : words) {
        if (!(front ? core.starts_with(w) : core.ends_with(w))) continue;
        const std::string_view rest =
            front ? core.substr(w.size()) : core.substr(0, core.size() - w.size());
        if (text::CountCodePoints(rest) < kOpenWordingChars) continue;
        core = rest;
        more = true;
        break;
      }
    }
  };
  strip(open_verbs_, true);
  strip(open_nouns_, false);
  return std::string(core);
}

bool IndicatorLexicon::SettlesOpen(std::string_view want, std::string_view have) const {
  const size_t at = have.find(want);
  const size_t chars = text::CountCodePoints(want);
  if (chars < kOpenWordingChars || at == std::string_view::npos ||
      chars * 10 < text::CountCodePoints(have) * 6) {
    return false;
  }
  const std::string_view before = have.substr(0, at);
  return std::none_of(scopes_.begin(), scopes_.end(),
                      [before](const std::string& w) { return before.ends_with(w); });
}

void IndicatorLexicon::ReadFigure(const targets::Finding& finding, IndicatorKind kind, bool growth,
                                  Reading* reading) const {
  Reading& r = *reading;
  const bool up = finding.change == targets::Change::kUp;
  const bool down = finding.change == targets::Change::kDown;
  const bool points = finding.unit == "个百分点";
  auto unit = units_.find(finding.unit);
  r.family = unit == units_.end() ? finding.unit : unit->second.family;
  const double factor = unit == units_.end() ? 1.0 : unit->second.factor;
  bool signed_value = true;
  if (points) {
    r.measure = Measure::kPoints;
  } else if (r.family == "percent") {
    if (kind == IndicatorKind::kRate) {
      r.measure = Measure::kLevel;
    } else if (up || down || growth) {
      r.measure = Measure::kGrowth;
    } else {
      r.measure = Measure::kLevel;  // a share in %, compared only with shares
    }
  } else if (kind == IndicatorKind::kFlow) {
    r.measure = Measure::kLevel;  // 新增 names the flow; it is no change
    signed_value = false;
  } else if (up || down) {
    r.measure = Measure::kChange;
  } else {
    r.measure = Measure::kLevel;
  }
  double low = *finding.value * factor;
  std::optional<double> high;
  if (finding.value_max) high = *finding.value_max * factor;
  if (down && signed_value) {
    if (high) {
      const double negated_low = -*high;
      high = -low;
      low = negated_low;
    } else {
      low = -low;
    }
  }
  r.value = low;
  r.value_max = high;
  r.unit_factor = factor;
}

}  // namespace mubiao::tracking
