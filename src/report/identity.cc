#include "report/identity.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace mubiao::report {
namespace {

// Locality-sensitive hashing: a fingerprint is cut into bands of rows; two
// fingerprints sharing a band are candidates. With 16 bands of 8 rows a pair
// resembling 0.9 shares a band with probability 0.9998, a pair resembling
// 0.3 with probability 0.001.
constexpr size_t kBandRows = 8;
constexpr size_t kBands = text::kFingerprintSize / kBandRows;

// Sets of sources, merged as sameness is found.
class Groups {
 public:
  explicit Groups(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Merge(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

// The hash of band `band` of a fingerprint; false when a bin of it is empty
// (short texts would otherwise all collide on their empty bins).
bool BandHash(const text::Fingerprint& f, size_t band, uint64_t* hash) {
  uint64_t h = 0xCBF29CE484222325ull ^ band;
  for (size_t row = 0; row < kBandRows; ++row) {
    const uint32_t bin = f.bins[band * kBandRows + row];
    if (bin == text::Fingerprint::kEmptyBin) return false;
    h = (h ^ bin) * 0x100000001B3ull;
  }
  *hash = h;
  return true;
}

// Merges the sources of one place, type and year whose texts resemble.
void MergeSameReports(std::span<const SourceIdentity> sources, Groups* groups) {
  std::map<std::tuple<std::string, DocType, int>, std::vector<size_t>> by_key;
  for (size_t i = 0; i < sources.size(); ++i) {
    by_key[{sources[i].place, sources[i].type, sources[i].year}].push_back(i);
  }
  for (const auto& [key, members] : by_key) {
    for (size_t a = 0; a < members.size(); ++a) {
      for (size_t b = a + 1; b < members.size(); ++b) {
        if (text::Resemblance(sources[members[a]].fingerprint, sources[members[b]].fingerprint) >=
            kSameReportResemblance) {
          groups->Merge(members[a], members[b]);
        }
      }
    }
  }
}

// Merges near-identical copies wherever they were filed. Within a bucket a
// source is compared with one member of each group met so far, so many
// copies of one text cost linear time. Sources are visited by source path,
// so the outcome does not depend on their order.
void MergeCopies(std::span<const SourceIdentity> sources, Groups* groups) {
  std::vector<size_t> by_path(sources.size());
  std::iota(by_path.begin(), by_path.end(), 0);
  std::sort(by_path.begin(), by_path.end(),
            [&](size_t a, size_t b) { return sources[a].source_path < sources[b].source_path; });
  for (size_t band = 0; band < kBands; ++band) {
    std::unordered_map<uint64_t, std::vector<size_t>> buckets;
    for (size_t i : by_path) {
      uint64_t hash = 0;
      if (BandHash(sources[i].fingerprint, band, &hash)) buckets[hash].push_back(i);
    }
    for (const auto& [hash, members] : buckets) {
      std::vector<size_t> heads;  // one member of each group in this bucket
      for (size_t i : members) {
        bool merged = false;
        for (size_t head : heads) {
          if (groups->Find(head) == groups->Find(i) ||
              text::Resemblance(sources[head].fingerprint, sources[i].fingerprint) >=
                  kCopyResemblance) {
            groups->Merge(head, i);
            merged = true;
            break;
          }
        }
        if (!merged) heads.push_back(i);
      }
    }
  }
}

// Whether source `a` is more complete than source `b` (see GroupSources).
bool MoreComplete(const SourceIdentity& a, const SourceIdentity& b) {
  if (a.dated != b.dated) return a.dated;
  if (a.fingerprint.content_chars != b.fingerprint.content_chars) {
    return a.fingerprint.content_chars > b.fingerprint.content_chars;
  }
  return a.source_path < b.source_path;
}

}  // namespace

std::string IdentityPlace(std::string_view region_code, std::string_view government) {
  return std::string(region_code.empty() ? government : region_code);
}

std::vector<size_t> GroupSources(std::span<const SourceIdentity> sources) {
  Groups groups(sources.size());
  MergeSameReports(sources, &groups);
  MergeCopies(sources, &groups);
  std::unordered_map<size_t, size_t> primary_of_group;
  for (size_t i = 0; i < sources.size(); ++i) {
    auto [it, added] = primary_of_group.emplace(groups.Find(i), i);
    if (!added && MoreComplete(sources[i], sources[it->second])) it->second = i;
  }
  std::vector<size_t> primary(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) primary[i] = primary_of_group[groups.Find(i)];
  return primary;
}

}  // namespace mubiao::report
