#include "store/store.h"

#include <algorithm>
#include <cstdio>

namespace mubiao::store {
namespace {

RegionRecord RecordOf(const regions::Region& region) {
  return RegionRecord{region.code,        region.name,
                      region.short_name,  std::string(regions::RegionLevelName(region.level)),
                      region.parent_code, std::string(regions::GeoRegionSlug(region.geo))};
}

}  // namespace

DocumentRecord MakeDocumentRecord(report::Report report, const regions::Gazetteer& gazetteer) {
  DocumentRecord record;
  const report::ReportMetadata& m = report.metadata;
  if (!m.region_code.empty()) {
    if (const regions::Region* region = gazetteer.FindByCode(m.region_code, m.year)) {
      std::vector<const regions::Region*> chain = gazetteer.Ancestors(*region);
      std::reverse(chain.begin(), chain.end());
      for (const regions::Region* up : chain) record.regions.push_back(RecordOf(*up));
      record.regions.push_back(RecordOf(*region));
    } else {
      record.regions.push_back(RegionRecord{
          m.region_code, m.locality, m.locality, std::string(regions::RegionLevelName(m.level)),
          m.parent_code, std::string(regions::GeoRegionSlug(m.geo))});
    }
  }
  record.extraction = targets::Extract(report);
  record.report = std::move(report);
  return record;
}

std::string_view CommentStatusName(CommentStatus status) {
  switch (status) {
    case CommentStatus::kPending:
      return "pending";
    case CommentStatus::kPublished:
      return "published";
    case CommentStatus::kRejected:
      return "rejected";
  }
  return "pending";
}

std::string ContentHash(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a 64-bit offset basis
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;  // FNV prime
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace mubiao::store
