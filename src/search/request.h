// What a search asks for and what it returns: plain types shared by every
// storage backend (store.h executes them) and by the command line and portal.
#ifndef MUBIAO_SEARCH_REQUEST_H_
#define MUBIAO_SEARCH_REQUEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "report/report.h"
#include "text/utf8.h"

namespace mubiao::search {

// Restrictions on the documents a search returns; empty or zero fields do
// not restrict.
struct SearchFilters {
  // A GB/T 2260 code (six digits). Matches the division and everything under
  // it: a province code (410000) its prefectures and counties, a prefecture
  // code (410100) its counties; 000000 matches every document.
  std::string region_code;
  std::optional<regions::GeoRegion> geo;
  std::optional<regions::RegionLevel> level;
  std::optional<report::DocType> doc_type;
  int year_min = 0;  // first year included
  int year_max = 0;      // last year included
};

// A year as a filter takes it: four digits, 1949 to 2100. 0 when `text` is
// not one.
int ParseFilterYear(std::string_view text);

// The years of a filter written "2023", "2020-2023", "2020-" or "-2023".
struct YearRange {
  int first = 0;  // first year included; 0 when open
  int last = 0;   // last year included; 0 when open
};

// Reads a year filter; each year as ParseFilterYear takes it, at least one
// of them. nullopt when `text` is not such a filter (a first year after the
// last is left to ValidateRequest).
std::optional<YearRange> ParseYearRange(std::string_view text);

// One search.
struct SearchRequest {
  std::string query;  // query syntax in query.h
  SearchFilters filters;
  int offset = 0;          // hits to skip (pagination), 0 ..= kMaxSearchOffset
  int limit = 10;          // hits to return, 1 ..= kMaxSearchLimit
  int snippet_chars = 80;  // length of each snippet in characters, 10 ..= 500
};

// Bounds on SearchRequest::limit and offset.
inline constexpr int kMaxSearchLimit = 1000;
inline constexpr int kMaxSearchOffset = 100000;

// Weight of a match in the title relative to one in the body, for ranking.
inline constexpr double kTitleWeight = 10.0;

// One document found.
struct SearchHit {
  int64_t id = 0;  // the document's id in the store
  std::string title;
  report::DocType doc_type = report::DocType::kWorkReport;
  std::string region_code;  // "" when the region is unknown
  std::string locality;
  regions::RegionLevel level = regions::RegionLevel::kNational;
  regions::GeoRegion geo = regions::GeoRegion::kNone;
  int year = 0;
  std::string date;  // ISO date, "" when unknown
  std::string source_path;
  // Relevance: bm25 with the title weighted by kTitleWeight; larger is better.
  double score = 0;
  std::string snippet;                 // see snippet.h
  std::vector<text::Span> highlights;  // byte spans of `snippet`
};

// A page of results, best first.
struct SearchResults {
  int64_t total = 0;  // documents matching the query and filters, on all pages
  std::vector<SearchHit> hits;
};

// Checks a request's filters and bounds (not its query: see ParseQuery).
// Errors (kInvalidInput) say which field is wrong and what it accepts.
Status ValidateRequest(const SearchRequest& request);

// The range of region codes a region filter matches: codes c with
// *first <= c < *limit (string order). Requires a valid six-digit code.
void RegionCodeRange(std::string_view code, std::string* first, std::string* limit);

}  // namespace mubiao::search

#endif  // MUBIAO_SEARCH_REQUEST_H_
