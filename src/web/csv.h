// CSV for spreadsheets (RFC 4180, UTF-8 with a byte order mark so Excel
// reads Chinese correctly). Cells that a spreadsheet would run as a formula
// (starting with = + - @) are prefixed with ' so they stay text.
#ifndef MUBIAO_WEB_CSV_H_
#define MUBIAO_WEB_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace mubiao::web {

// The UTF-8 byte order mark a CSV file starts with.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One text cell, quoted when it holds a comma, quote or line break.
std::string CsvCell(std::string_view text);

// One line: cells joined by commas, ended by CRLF.
std::string CsvLine(const std::vector<std::string>& cells);

// A CSV file (BOM, header, one line per finding) of stored findings; the
// link column holds `url_prefix` + the report's page.
std::string FindingsCsv(const std::vector<store::StoredFinding>& findings,
                        const std::string& url_prefix);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_CSV_H_
