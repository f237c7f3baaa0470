// CSV for spreadsheets and open data (RFC 4180): UTF-8 with a byte order
// mark so Excel reads Chinese, CRLF line ends, and text that a spreadsheet
// would run as a formula kept as text.
#ifndef MUBIAO_TEXT_CSV_H_
#define MUBIAO_TEXT_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace mubiao::text {

// The UTF-8 byte order mark a CSV file starts with.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One cell: quoted (quotes doubled) when it holds a comma, quote or line
// break; text starting with = + - @ that is not a number gets a leading '
// so that a spreadsheet shows it rather than running it ("-2.6" stays a
// number).
std::string CsvCell(std::string_view text);

// A number as a cell: the shortest of up to 15 significant digits that
// reads back as `value` ("580000", "5.5", "1.3e+12").
std::string CsvNumber(double value);

// One line of cells already made by CsvCell (or plain numbers), joined by
// commas and ended by CRLF.
std::string CsvLine(const std::vector<std::string>& cells);

}  // namespace mubiao::text

#endif  // MUBIAO_TEXT_CSV_H_
