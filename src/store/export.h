// The one JSON shape of each stored record (document, finding with its
// document, region, search hit, comment, verdict override) and the one CSV
// of findings, written by the command line, the API and the downloads
// alike. The rules for absent values, names and offsets are those of
// targets/target.h (FindingJson).
#ifndef MUBIAO_STORE_EXPORT_H_
#define MUBIAO_STORE_EXPORT_H_

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "search/request.h"
#include "store/store.h"

namespace mubiao::store {

// The address of a stored document's page, for the "url" field of the
// objects that name a document. The portal supplies it; without one (the
// command line) objects have no "url".
using DocumentUrl =
    std::function<std::string(int64_t id, regions::GeoRegion geo, regions::RegionLevel level)>;

// id, title, type, government, province, locality, level, region_code,
// geo_region, year, date, speaker, speaker_title, source_url,
// source_format, imported_at, targets, comments, url; primary_id when the
// document is another source of a report (store.h), absent for a primary.
nlohmann::json DocumentSummaryJson(const DocumentSummary& document, const DocumentUrl& url = {});

// The finding (FindingJson) with its "key" (FindingKey) and "document": id,
// title, type, region_code, locality, level, geo_region, year, date, url.
nlohmann::json StoredFindingJson(const StoredFinding& finding, const DocumentUrl& url = {});

// code, name, short_name, level, parent_code, geo_region, documents,
// documents_under, year_min, year_max.
nlohmann::json RegionSummaryJson(const RegionSummary& region);

// id, title, type, region_code, locality, level, geo_region, year, date,
// score, snippet, highlights ([start, end] byte offsets into the
// snippet), url.
nlohmann::json SearchHitJson(const search::SearchHit& hit, const DocumentUrl& url = {});

// One source of a report: id, format (source_format), file (the file's
// name, FILE#N for a JSON Lines row; never its directory), primary
// (whether it is the report's primary source), url.
nlohmann::json SourceJson(const DocumentSummary& source, const DocumentUrl& url = {});

// DocumentSummaryJson with the document's "text" (what offsets index),
// "outline" (parts: kind, heading, section headings) and "findings"
// (FindingJson with "key"), previous_id and next_id (absent for none),
// "sources" (SourceJson of every source of its report), "same_year" (the
// other reports of its place, type and year) and "related" (reports of
// other types of its place and year), these two named as
// StoredFindingJson names a finding's document.
nlohmann::json StoredDocumentJson(const StoredDocument& document, const DocumentUrl& url = {});

// id, document_id, author, body, created_at, status.
nlohmann::json CommentJson(const Comment& comment);

// id, target_key, status_before, status_after, author, reason, created_at.
nlohmann::json VerdictOverrideJson(const VerdictOverride& entry);

// A CSV file (UTF-8 BOM, CRLF, formula-safe cells; text/csv.h) of
// findings, one line each, with a Chinese header: the document (title,
// place, region code, level, year), the finding (kind, text, indicator,
// value, upper value, unit, comparator, change, strength, deadline, topic,
// year, section, sentence, byte offsets), its key and, with `url`, a link
// `url_prefix` + url.
std::string FindingsCsv(const std::vector<StoredFinding>& findings, const DocumentUrl& url = {},
                        const std::string& url_prefix = "");
// The same file in pieces, for writing it as findings come: the BOM and
// header line, then one line per finding.
std::string FindingsCsvHeader(bool with_url);
std::string FindingCsvLine(const StoredFinding& finding, const DocumentUrl& url = {},
                           const std::string& url_prefix = "");

}  // namespace mubiao::store

#endif  // MUBIAO_STORE_EXPORT_H_
