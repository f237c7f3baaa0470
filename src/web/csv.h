// CSV exports of the portal (cells and lines as text/csv.h makes them).
#ifndef MUBIAO_WEB_CSV_H_
#define MUBIAO_WEB_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"
#include "text/csv.h"

namespace mubiao::web {

// A CSV file (BOM, header, one line per finding) of stored findings; the
// link column holds `url_prefix` + the report's page.
std::string FindingsCsv(const std::vector<store::StoredFinding>& findings,
                        const std::string& url_prefix);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_CSV_H_
