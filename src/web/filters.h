// The filters shared by the search page, the targets explorer and the API,
// read from query parameters, with messages in Chinese for readers:
//   region   a GB/T 2260 code or a name (河南, 新郑市); includes what is under it
//   geo      huabei ... xibei (or 华北 ... 西北)
//   level    national, province, prefecture, county
//   type     work_report, communique, five_year_plan
//   year     2023 or 2020-2023; or year_min / year_max
//   page     1-based page number
// and for targets: topic, indicator, strength.
#ifndef MUBIAO_WEB_FILTERS_H_
#define MUBIAO_WEB_FILTERS_H_

#include "base/status.h"
#include "search/request.h"
#include "store/store.h"
#include "web/http.h"

namespace mubiao::web {

// The filters of a request. kInvalidInput with a Chinese message naming the
// parameter when one is malformed or unknown.
Result<search::SearchFilters> FiltersFromQuery(const HttpRequest& request);

// The filters of a targets query: FiltersFromQuery plus topic (exact),
// indicator (a canonical indicator when the tracking lexicon knows the text
// — its id, name or any wording — else text the indicator contains; at
// most 100 bytes) and strength (ensure, strive or none). Offset and limit
// are left at their defaults.
Result<store::FindingFilter> FindingFilterFromQuery(const HttpRequest& request);

// The `page` parameter (1 when absent). kInvalidInput when it is not a
// number in 1 ..= max_page.
Result<int> PageFromQuery(const HttpRequest& request, int max_page);

// A query parameter that must be a positive integer of at most 9 digits
// (document ids, per_page); `fallback` when absent. kInvalidInput otherwise.
Result<int> PositiveIntParam(const HttpRequest& request, std::string_view name, int fallback);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_FILTERS_H_
