// Normalising report text for analysis while keeping a way back to the text
// as written, so every finding can point at the original characters.
//
// The normal form: digits, Latin letters and number symbols (% . + - / ~ etc.)
// are ASCII; sentence and clause punctuation is the full-width Chinese form
// (，；：（）！？); white space is ASCII space. ASCII ',' and ':' between two
// digits stay ASCII (1,000 and 8:30). Everything else is copied unchanged.
#ifndef MUBIAO_TEXT_NORMALIZE_H_
#define MUBIAO_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mubiao::text {

// Normalised text plus, for each of its bytes, the byte offset in the
// original text of the character that byte came from.
struct NormalizedText {
  std::string text;  // the normal form, UTF-8
  // origin[i] is the original byte offset of the character containing
  // text[i]; origin[text.size()] is the original text's size. Size is
  // text.size() + 1.
  std::vector<uint32_t> origin;

  // Maps a half-open byte range of `text` to the corresponding half-open
  // range of the original text. Requires begin <= end <= text.size().
  void ToOriginal(size_t begin, size_t end, size_t* original_begin, size_t* original_end) const;
};

// Normalises `original` (UTF-8; invalid bytes are copied as U+FFFD). Linear
// in the input size. Inputs must be smaller than 4 GiB.
NormalizedText NormalizeForAnalysis(std::string_view original);

// Maps one code point to its normal form, ignoring context (so ASCII ',' and
// ':' always become full-width here). Returns the input when unchanged.
char32_t NormalizeChar(char32_t cp);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_NORMALIZE_H_
