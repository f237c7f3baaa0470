// The text of the lexicon files in data/lexicon as compiled into the library
// (the definitions are generated at build time by cmake/embed_text.cmake).
// Each function returns its file in pieces cut at line ends; concatenated in
// order they are the whole file. Internal to the quantity module.
#ifndef MUBIAO_QUANTITY_LEXICON_DATA_H_
#define MUBIAO_QUANTITY_LEXICON_DATA_H_

#include <span>
#include <string_view>

namespace mubiao::quantity::internal {

std::span<const std::string_view> NumeralsLexicon();       // data/lexicon/numerals.txt
std::span<const std::string_view> UnitsLexicon();          // data/lexicon/units.txt
std::span<const std::string_view> ComparatorsLexicon();    // data/lexicon/comparators.txt
std::span<const std::string_view> NonQuantitiesLexicon();  // data/lexicon/non_quantities.txt
std::span<const std::string_view> TimesOfDayLexicon();     // data/lexicon/times_of_day.txt

}  // namespace mubiao::quantity::internal

#endif  // MUBIAO_QUANTITY_LEXICON_DATA_H_
