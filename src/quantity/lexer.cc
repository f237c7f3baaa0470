#include "quantity/lexer.h"

#include <algorithm>
#include <cmath>

#include "text/utf8.h"

namespace mubiao::quantity::internal {
namespace {

Element::Kind KindOf(NumeralRole role) {
  switch (role) {
    case NumeralRole::kDigit:
      return Element::kDigit;
    case NumeralRole::kUnit:
      return Element::kUnit;
    case NumeralRole::kScale:
      return Element::kScale;
    case NumeralRole::kTens:
      return Element::kTens;
    case NumeralRole::kPoint:
      return Element::kPoint;
    case NumeralRole::kHalf:
      return Element::kHalf;
    case NumeralRole::kMore:
      return Element::kMore;
    case NumeralRole::kSome:
      return Element::kSome;
    case NumeralRole::kSeveral:
      return Element::kSeveral;
    case NumeralRole::kMinus:
    case NumeralRole::kAnd:
      break;  // signs and 又 are read by the quantity grammar, not inside numbers
  }
  return Element::kOther;
}

// True when a figure and a gap stand just before `pos`: the 48 of "156.7 48".
bool FigureAndGapBefore(const Lexer& lexer, size_t pos) {
  return lexer.Before(pos) == ' ' && IsAsciiDigit(lexer.BeforeGap(pos));
}

// Reads one Arabic literal: digits with thousands separators and decimals
// (1,050,000.5, 1 050 万吨), in whole strings also 2e5, 2^5 and 1.2k/M/G.
class ArabicReader {
 public:
  // `lexer` reads around a literal grouped by spaces.
  ArabicReader(const Lexer& lexer, size_t pos)
      : lexer_(lexer), t_(lexer.text()), p_(pos), mode_(lexer.mode()) {
    e_.kind = Element::kArabic;
    e_.begin = pos;
  }

  Element Read() {
    e_.leading_zero = t_[p_] == '0' && DigitAt(p_ + 1);
    while (DigitAt(p_)) TakeIntegerDigit(t_[p_++]);
    if (e_.int_digits >= 1 && e_.int_digits <= 3) ReadGroups();
    if (!e_.grouped && e_.int_digits >= 1 && e_.int_digits <= 3) ReadSpaceGroups();
    ReadDecimals();
    e_.arabic = Decimal{mantissa_, decimals_};
    if (e_.int_digits > kMaxDigits) e_.arabic = Decimal{kMaxValue * 10, 0};
    if (mode_ == Mode::kWholeString && !e_.dotted_chain) {
      ReadExponent();
      ReadPower();
      ReadSiSuffix();
    }
    e_.end = p_;
    return e_;
  }

  // The end of what Read looked at, past the literal when it looked ahead.
  size_t read_to() const { return std::max(read_to_, p_); }

 private:
  bool DigitAt(size_t i) const { return i < t_.size() && IsAsciiDigit(Byte(i)); }
  unsigned char Byte(size_t i) const { return static_cast<unsigned char>(t_[i]); }
  bool CharAt(size_t i, char c) const { return i < t_.size() && t_[i] == c; }

  void TakeIntegerDigit(char c) {
    ++e_.int_digits;
    if (e_.int_digits <= kMaxDigits) {
      mantissa_ = mantissa_ * 10 + (c - '0');
      if (mantissa_ != 0) ++significant_;
    }
  }

  // Thousands separators: groups of exactly three digits after a first group
  // of one to three (1,050,000). The full-width comma stays in normalised text.
  void ReadGroups() {
    while (true) {
      size_t sep = 0;
      if (CharAt(p_, ',')) {
        sep = 1;
      } else if (t_.substr(p_, 3) == "\xEF\xBC\x8C") {  // ，
        sep = 3;
      }
      const size_t g = p_ + sep;
      if (sep == 0 || !DigitAt(g) || !DigitAt(g + 1) || !DigitAt(g + 2) || DigitAt(g + 3)) return;
      for (size_t i = g; i < g + 3; ++i) TakeIntegerDigit(t_[i]);
      p_ = g + 3;
      e_.grouped = true;
    }
  }

  // Thousands separated by single spaces, as statistical tables print them
  // (1 780 万吨, 4 960 亿千瓦时): groups of exactly three digits after a first
  // group that does not start with 0, taken only when a scale word or a unit
  // follows the literal, and not in a row of figures (in "156.7 48 134.2" the
  // spaces part columns), so that lists (1 2 3) and columns stay apart.
  void ReadSpaceGroups() {
    // Checked first: every figure of a row would otherwise read the rest of it.
    if (!CharAt(p_, ' ') || t_[e_.begin] == '0' || FigureAndGapBefore(lexer_, e_.begin)) return;
    size_t end = p_;
    while (CharAt(end, ' ') && DigitAt(end + 1) && DigitAt(end + 2) && DigitAt(end + 3) &&
           !DigitAt(end + 4)) {
      end += 4;
    }
    if (end == p_) return;
    size_t after = end;
    if (CharAt(after, '.') && DigitAt(after + 1)) {
      for (++after; DigitAt(after);) ++after;
    }
    read_to_ = std::max(read_to_, after);
    const size_t next = lexer_.SkipGap(after);
    if (DigitAt(next) || CharAt(next, '.') || !lexer_.ScaleOrUnitAt(next)) return;
    for (; p_ < end; ++p_) {
      if (t_[p_] != ' ') TakeIntegerDigit(t_[p_]);
    }
    e_.grouped = true;
  }

  void ReadDecimals() {
    if (!CharAt(p_, '.') || !DigitAt(p_ + 1)) return;
    e_.fraction = true;
    ++p_;
    while (DigitAt(p_)) {
      if (significant_ < kSignificantDigits) {
        mantissa_ = mantissa_ * 10 + (t_[p_] - '0');
        ++decimals_;
        if (mantissa_ != 0) ++significant_;
      }
      ++p_;
    }
    // A second point: 1.2.3 is a section, version or address, not a figure.
    if (CharAt(p_, '.') && DigitAt(p_ + 1)) {
      e_.dotted_chain = true;
      while (DigitAt(p_) || (CharAt(p_, '.') && DigitAt(p_ + 1))) ++p_;
    }
  }

  // The digits of an exponent at *q, capped at 999; moves *q past them.
  int ExponentDigits(size_t* q) const {
    int exponent = 0;
    while (DigitAt(*q)) exponent = std::min(exponent * 10 + (t_[(*q)++] - '0'), 999);
    return exponent;
  }

  // Scientific notation: 2e5, 2.7890e-1, 12.32e+14.
  void ReadExponent() {
    if (!CharAt(p_, 'e') && !CharAt(p_, 'E')) return;
    size_t q = p_ + 1;
    bool negative = false;
    if (CharAt(q, '+') || CharAt(q, '-')) negative = t_[q++] == '-';
    if (!DigitAt(q)) return;
    const int exponent = ExponentDigits(&q);
    e_.arabic = e_.arabic.Shift(negative ? -exponent : exponent);
    e_.notation = true;
    p_ = q;
  }

  // Powers: 2^5, 2^-1, 1.1^+23 (signs after ^ multiply: --23 is +23).
  void ReadPower() {
    if (!CharAt(p_, '^')) return;
    size_t q = p_ + 1;
    bool negative = false;
    while (CharAt(q, '+') || CharAt(q, '-')) negative ^= t_[q++] == '-';
    if (!DigitAt(q)) return;
    const int exponent = ExponentDigits(&q);
    e_.arabic = Decimal{std::pow(e_.arabic.Value(), negative ? -exponent : exponent), 0};
    e_.notation = true;
    p_ = q;
  }

  // SI suffixes: 40k, 1.2M, .0012G.
  void ReadSiSuffix() {
    if (p_ >= t_.size() || (p_ + 1 < t_.size() && IsAsciiLetter(Byte(p_ + 1)))) return;
    int exponent = 0;
    if (t_[p_] == 'k' || t_[p_] == 'K') exponent = 3;
    if (t_[p_] == 'M') exponent = 6;
    if (t_[p_] == 'G') exponent = 9;
    if (exponent == 0) return;
    e_.arabic = e_.arabic.Shift(exponent);
    e_.notation = true;
    ++p_;
  }

  const Lexer& lexer_;
  std::string_view t_;
  size_t p_;
  Mode mode_;
  size_t read_to_ = 0;
  Element e_;
  double mantissa_ = 0;
  int significant_ = 0;  // significant digits in mantissa_
  int decimals_ = 0;
};

}  // namespace

Lexer::Lexer(std::string_view text, Mode mode) : text_(text), mode_(mode), lex_(Lexicons::Get()) {}

char32_t Lexer::Before(size_t pos, size_t* begin) const {
  ++steps_;
  if (pos == 0 || pos > text_.size()) {
    if (begin) *begin = 0;
    return 0;
  }
  size_t start = pos - 1;
  // Step back over at most three continuation bytes to the lead byte.
  for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80;
       ++i) {
    --start;
  }
  size_t p = start;
  char32_t cp = text::DecodeUtf8(text_, &p);
  if (p != pos) {  // not a whole character: an invalid byte
    start = pos - 1;
    cp = text::kReplacementChar;
  }
  if (begin) *begin = start;
  return cp;
}

char32_t Lexer::BeforeGap(size_t pos) const {
  size_t begin = pos;
  char32_t c = Before(pos, &begin);
  for (int n = 0; n < kMaxGap && c == ' '; ++n) c = Before(begin, &begin);
  return c;
}

size_t Lexer::SkipGap(size_t pos) const {
  ++steps_;
  for (int n = 0; n < kMaxGap && pos < text_.size() && text_[pos] == ' '; ++n) ++pos;
  return pos;
}

bool Lexer::ScaleOrUnitAt(size_t pos) const {
  size_t end;
  if (UnitAt(pos, &end) != nullptr) return true;
  const NumeralChar* numeral = lex_.Numeral(At(pos));
  return numeral != nullptr && numeral->role == NumeralRole::kScale;
}

size_t Lexer::SkipToken(size_t pos) const {
  constexpr std::string_view kJoiners = "._-+/:#%*=";
  const size_t begin = pos;
  while (pos < text_.size()) {
    const auto c = static_cast<unsigned char>(text_[pos]);
    if (!IsAsciiDigit(c) && !IsAsciiLetter(c) &&
        kJoiners.find(static_cast<char>(c)) == std::string_view::npos) {
      break;
    }
    ++pos;
  }
  steps_ += 1 + (pos - begin);
  return pos;
}

const UnitEntry* Lexer::UnitAt(size_t pos, size_t* end) const {
  ++steps_;
  int id = lex_.units().LongestMatch(text_, pos, end);
  if (id < 0) return nullptr;
  steps_ += *end - pos;
  // A longer word that starts here is no unit: 升至 (rises to), 部门.
  size_t word_end;
  if (NonQuantityAt(pos, &word_end) && word_end > *end) {
    return nullptr;
  }
  // A unit written in Latin letters must end a word: 5G is a name, not 5 g.
  const char last = text_[*end - 1];
  const char32_t after = *end < text_.size() ? static_cast<unsigned char>(text_[*end]) : 0;
  if ((IsAsciiLetter(last) || IsAsciiDigit(last)) &&
      (IsAsciiLetter(after) || IsAsciiDigit(after))) {
    return nullptr;
  }
  return &lex_.unit(id);
}

Element Lexer::Lex(size_t pos) const {
  Element e;
  e.begin = e.end = pos;
  if (pos < text_.size()) {
    const auto c = static_cast<unsigned char>(text_[pos]);
    const bool leading_point = c == '.' && mode_ == Mode::kWholeString && pos + 1 < text_.size() &&
                               IsAsciiDigit(static_cast<unsigned char>(text_[pos + 1]));
    if (IsAsciiDigit(c) || leading_point) {
      ArabicReader reader(*this, pos);
      e = reader.Read();
      steps_ += reader.read_to() - e.end;
    } else {
      const NumeralChar* numeral = lex_.Numeral(At(pos, &e.end));
      e.kind = Element::kOther;
      // Spoken digits (洞, 拐) are words in running text.
      if (numeral != nullptr && !(numeral->spoken && mode_ == Mode::kRunningText)) {
        e.numeral = numeral;
        e.kind = KindOf(numeral->role);
      }
    }
  }
  steps_ += std::max<size_t>(1, e.end - e.begin);
  return e;
}

bool Lexer::CanStartNumber(size_t pos) const {
  if (pos >= text_.size()) return false;
  const Element e = Lex(pos);
  switch (e.kind) {
    case Element::kArabic:
    case Element::kDigit:
    case Element::kUnit:
    case Element::kScale:
    case Element::kTens:
    case Element::kHalf:
    case Element::kSome:
    case Element::kSeveral:
      return true;
    default:
      break;
  }
  // A sign: Lex read the character (it is no Arabic literal) and kept its
  // numeral, unless a spoken one, which is no sign.
  const bool minus = e.numeral != nullptr && e.numeral->role == NumeralRole::kMinus;
  if (!minus && text_[pos] != '-' && !text_.substr(pos).starts_with("\u2212")) return false;
  // In running text 负 ends words (税负, 减负): after a character, only a
  // verb of being or reaching leaves it a sign ("增长为负2%", "降至负1.5%").
  if (minus && mode_ == Mode::kRunningText && pos > 0) {
    size_t prev = text::LastCodePointStart(text_.substr(0, pos));
    const char32_t before = text::DecodeUtf8(text_, &prev);
    if (text::IsHan(before) &&
        std::u32string_view(U"为是至到达长降").find(before) == std::u32string_view::npos) {
      return false;
    }
  }
  const Element::Kind after = Lex(e.end).kind;
  return after == Element::kArabic || after == Element::kDigit || after == Element::kUnit ||
         after == Element::kTens;
}

}  // namespace mubiao::quantity::internal
