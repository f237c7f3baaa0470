#include "search/request.h"

#include "regions/gazetteer.h"
#include "text/ascii.h"

namespace mubiao::search {

int ParseFilterYear(std::string_view text) {
  if (text.size() != 4 || !text::AllAsciiDigits(text) || text < "1949" || text > "2100") return 0;
  return std::stoi(std::string(text));
}

std::optional<YearRange> ParseYearRange(std::string_view text) {
  const size_t dash = text.find('-');
  const std::string_view first = text.substr(0, dash);
  const std::string_view last = dash == std::string_view::npos ? first : text.substr(dash + 1);
  YearRange range{ParseFilterYear(first), ParseFilterYear(last)};
  if ((range.first == 0 && !first.empty()) || (range.last == 0 && !last.empty()) ||
      (range.first == 0 && range.last == 0)) {
    return std::nullopt;
  }
  return range;
}

Status ValidateRequest(const SearchRequest& request) {
  const SearchFilters& f = request.filters;
  if (!f.region_code.empty()) {
    if (!regions::IsRegionCode(f.region_code)) {
      return InvalidInput("region code must be six digits (GB/T 2260), e.g. 410000; got \"" +
                          f.region_code + "\"");
    }
  }
  if (f.year_min < 0 || f.year_max < 0) return InvalidInput("years must be positive");
  if (f.year_min > 0 && f.year_max > 0 && f.year_min > f.year_max) {
    return InvalidInput("year range is empty: " + std::to_string(f.year_min) + " is after " +
                        std::to_string(f.year_max));
  }
  if (request.limit < 1 || request.limit > kMaxSearchLimit) {
    return InvalidInput("page size must be between 1 and " + std::to_string(kMaxSearchLimit));
  }
  if (request.offset < 0 || request.offset > kMaxSearchOffset) {
    return InvalidInput("offset must be between 0 and " + std::to_string(kMaxSearchOffset));
  }
  if (request.snippet_chars < 10 || request.snippet_chars > 500) {
    return InvalidInput("snippet length must be between 10 and 500 characters");
  }
  return Status::Ok();
}

void RegionCodeRange(std::string_view code, std::string* first, std::string* limit) {
  // The significant prefix: NN for a province, NNNN for a prefecture, all six
  // digits for a county; nothing for the nation.
  size_t keep = 6;
  while (keep > 0 && code.substr(keep - 2, 2) == "00") keep -= 2;
  std::string prefix(code.substr(0, keep));
  *first = prefix;
  // The least string above every code with this prefix: drop trailing 9s and
  // increment the last digit left; ':' (after '9') when nothing is left.
  std::string next = prefix;
  while (!next.empty() && next.back() == '9') next.pop_back();
  if (next.empty()) {
    *limit = ":";
  } else {
    ++next.back();
    *limit = next;
  }
}

}  // namespace mubiao::search
