#include "regions/gazetteer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/enum_names.h"
#include "embedded/regions_tsv.h"
#include "text/ascii.h"
#include "text/tsv.h"

namespace mubiao::regions {
namespace {

constexpr EnumName<RegionLevel> kLevelNames[] = {{RegionLevel::kNational, "national"},
                                                 {RegionLevel::kProvince, "province"},
                                                 {RegionLevel::kPrefecture, "prefecture"},
                                                 {RegionLevel::kCounty, "county"}};
constexpr EnumName<RegionLevel> kLevelLabels[] = {{RegionLevel::kNational, "全国"},
                                                  {RegionLevel::kProvince, "省级"},
                                                  {RegionLevel::kPrefecture, "地市级"},
                                                  {RegionLevel::kCounty, "县级"}};

constexpr std::string_view kNationCode = "000000";
constexpr std::size_t kNoIndex = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kFieldCount = 9;

// Stands for "still in use" wherever a period's last year is compared.
constexpr int kOpenEnd = std::numeric_limits<int>::max();

struct GeoInfo {
  GeoRegion geo;
  std::string_view name;
  std::string_view slug;
};

constexpr std::array<GeoInfo, 7> kGeoInfo = {{
    {GeoRegion::kHuabei, "华北", "huabei"},
    {GeoRegion::kDongbei, "东北", "dongbei"},
    {GeoRegion::kHuadong, "华东", "huadong"},
    {GeoRegion::kHuazhong, "华中", "huazhong"},
    {GeoRegion::kHuanan, "华南", "huanan"},
    {GeoRegion::kXinan, "西南", "xinan"},
    {GeoRegion::kXibei, "西北", "xibei"},
}};

const GeoInfo* FindGeo(GeoRegion geo) {
  for (const GeoInfo& info : kGeoInfo) {
    if (info.geo == geo) return &info;
  }
  return nullptr;
}

int EndYear(const Region& r) { return r.in_use() ? kOpenEnd : r.last_year; }

bool InUseIn(const Region& r, int year) { return r.first_year <= year && year <= EndYear(r); }

// `year` 0 means "now", as in Children().
bool InUseAt(const Region& r, int year) { return year == 0 ? r.in_use() : InUseIn(r, year); }

// Records of one code never overlap except in the year of a change, so the
// one that ended last (or has not ended) is the most recent.
bool MoreRecent(const Region& a, const Region& b) {
  if (EndYear(a) != EndYear(b)) return EndYear(a) > EndYear(b);
  return a.first_year > b.first_year;
}

// Number of years two periods of use share (0 when disjoint).
int OverlapYears(const Region& a, const Region& b) {
  const int first = std::max(a.first_year, b.first_year);
  const int last = std::min(EndYear(a), EndYear(b));
  return last < first ? 0 : last - first + 1;
}

// Heterogeneous hashing so lookups by string_view need no temporary string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

bool ParseYear(std::string_view s, int& year) {
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, year);
  return ec == std::errc() && ptr == end && year > 0;
}

Status LineError(std::size_t line, std::string_view what) {
  return InvalidInput("line " + std::to_string(line) + ": " + std::string(what));
}

// One data row of regions.tsv.
Result<Region> ParseRow(const text::TsvRow& row) {
  const std::size_t line = row.line;
  const std::vector<std::string_view>& f = row.fields;
  if (f.size() != kFieldCount) {
    return LineError(line, "expected " + std::to_string(kFieldCount) +
                               " tab-separated fields, found " + std::to_string(f.size()));
  }
  Region r;
  if (!IsRegionCode(f[0])) {
    return LineError(line, "code '" + std::string(f[0]) + "' is not six digits");
  }
  r.code = f[0];
  if (f[1].empty() || f[2].empty()) return LineError(line, "empty name or short name");
  r.name = f[1];
  r.short_name = f[2];
  const std::optional<RegionLevel> level = ParseRegionLevel(f[3]);
  if (level) r.level = *level;
  if (!level) {
    return LineError(line, "unknown level '" + std::string(f[3]) + "'");
  }
  if (!f[4].empty() && !IsRegionCode(f[4])) {
    return LineError(line, "parent code '" + std::string(f[4]) + "' is not six digits");
  }
  r.parent_code = f[4];
  if (!f[5].empty()) {
    r.geo = GeoRegionFromKey(f[5]);
    if (r.geo == GeoRegion::kNone) {
      return LineError(line, "unknown geographic region '" + std::string(f[5]) + "'");
    }
  }
  if (!ParseYear(f[6], r.first_year)) {
    return LineError(line, "first year '" + std::string(f[6]) + "' is not a year");
  }
  if (!f[7].empty() && (!ParseYear(f[7], r.last_year) || r.last_year < r.first_year)) {
    return LineError(line, "last year '" + std::string(f[7]) + "' is not a year >= first year");
  }
  if (!f[8].empty() && !IsRegionCode(f[8])) {
    return LineError(line, "successor code '" + std::string(f[8]) + "' is not six digits");
  }
  r.successor_code = f[8];

  // With the parent-level check in BuildIndex, these shape rules are what
  // keep Ancestors() finite: only the national entry and provinces lack a
  // parent code, and every parent is a strictly larger division.
  const bool national = r.level == RegionLevel::kNational;
  if (national != (r.code == kNationCode)) {
    return LineError(line, "only code 000000 is the national entry");
  }
  if (r.level == RegionLevel::kProvince && !r.code.ends_with("0000")) {
    return LineError(line, "province code does not end in 0000");
  }
  if ((r.level == RegionLevel::kNational || r.level == RegionLevel::kProvince) !=
      r.parent_code.empty()) {
    return LineError(line, "exactly the national entry and provinces have no parent code");
  }
  if (r.geo != GeoRegion::kNone && r.level != RegionLevel::kProvince) {
    return LineError(line, "only provinces name a geographic region");
  }
  return r;
}

}  // namespace

std::string_view RegionLevelName(RegionLevel level) { return NameIn(kLevelNames, level); }

std::string_view RegionLevelLabel(RegionLevel level) { return NameIn(kLevelLabels, level); }

std::optional<RegionLevel> ParseRegionLevel(std::string_view name) {
  return ValueIn(kLevelNames, name);
}

bool IsRegionCode(std::string_view s) { return s.size() == 6 && text::AllAsciiDigits(s); }

std::string_view GeoRegionName(GeoRegion geo) {
  const GeoInfo* info = FindGeo(geo);
  return info == nullptr ? std::string_view() : info->name;
}

std::string_view GeoRegionSlug(GeoRegion geo) {
  const GeoInfo* info = FindGeo(geo);
  return info == nullptr ? std::string_view() : info->slug;
}

const std::vector<GeoRegion>& AllGeoRegions() {
  static const auto* const all = [] {
    auto* regions = new std::vector<GeoRegion>;
    for (const GeoInfo& info : kGeoInfo) regions->push_back(info.geo);
    return regions;
  }();
  return *all;
}

GeoRegion GeoRegionFromKey(std::string_view key) {
  for (const GeoInfo& info : kGeoInfo) {
    if (key == info.slug || key == info.name) return info.geo;
  }
  return GeoRegion::kNone;
}

// Lookup structures over regions_, by position in that vector.
struct Gazetteer::Index {
  StringMap<std::vector<std::size_t>> by_code;  // oldest first
  StringMap<std::vector<std::size_t>> by_name;  // name and short name; FindByName order
  // Records naming a code as parent (provinces under 000000), by code then first year.
  StringMap<std::vector<std::size_t>> children_by_code;
  std::vector<std::size_t> parent;    // kNoIndex for the national entry
  std::vector<std::size_t> province;  // kNoIndex for the national entry
  std::array<std::vector<std::size_t>, 4> in_use_by_level;
  std::size_t nation = kNoIndex;
};

Gazetteer::Gazetteer() : index_(std::make_unique<Index>()) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

const Gazetteer& Gazetteer::Builtin() {
  // Leaked on purpose: never destroyed, so usable from any static destructor.
  static const Gazetteer* const builtin = new Gazetteer(text::ParsedDataFile(
      "data/regions.tsv", Parse(text::JoinChunks(internal::EmbeddedTsvChunks()))));
  return *builtin;
}

Result<Gazetteer> Gazetteer::Parse(std::string_view tsv) {
  std::vector<Region> regions;
  std::vector<std::size_t> lines;  // source line of each record, for messages
  for (const text::TsvRow& row : text::TsvRows(tsv)) {
    Result<Region> region = ParseRow(row);
    if (!region.ok()) return region.status();
    regions.push_back(std::move(region).value());
    lines.push_back(row.line);
  }

  // Sort by code and first year, carrying the line numbers along.
  std::vector<std::size_t> order(regions.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(regions[a].code, regions[a].first_year, lines[a]) <
           std::tie(regions[b].code, regions[b].first_year, lines[b]);
  });
  Gazetteer g;
  g.regions_.reserve(regions.size());
  std::vector<std::size_t> sorted_lines;
  sorted_lines.reserve(regions.size());
  for (std::size_t i : order) {
    if (!g.regions_.empty() && g.regions_.back().code == regions[i].code &&
        g.regions_.back().first_year == regions[i].first_year) {
      return LineError(lines[i], "code " + regions[i].code + " already starts in " +
                                     std::to_string(regions[i].first_year));
    }
    g.regions_.push_back(std::move(regions[i]));
    sorted_lines.push_back(lines[i]);
  }
  if (Status s = g.BuildIndex(sorted_lines); !s.ok()) return s;
  return g;
}

Status Gazetteer::BuildIndex(const std::vector<std::size_t>& lines) {
  Index& x = *index_;
  const std::size_t n = regions_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Region& r = regions_[i];
    x.by_code[r.code].push_back(i);
    if (r.level == RegionLevel::kNational) {
      if (x.nation != kNoIndex) return LineError(lines[i], "second national entry");
      x.nation = i;
    }
  }
  if (x.nation == kNoIndex) return InvalidInput("no national entry (code 000000)");

  // Each record's parent is the record of its parent code whose period of use
  // overlaps its own the most: a county retired in the year its prefecture
  // was renamed belongs to the old name.
  x.parent.assign(n, kNoIndex);
  for (std::size_t i = 0; i < n; ++i) {
    const Region& r = regions_[i];
    if (r.level == RegionLevel::kNational) continue;
    const std::string_view parent_code =
        r.level == RegionLevel::kProvince ? kNationCode : std::string_view(r.parent_code);
    const auto it = x.by_code.find(parent_code);
    if (it == x.by_code.end()) {
      return LineError(lines[i], "parent code " + std::string(parent_code) + " is not listed");
    }
    std::size_t best = kNoIndex;
    for (std::size_t p : it->second) {
      if (best == kNoIndex || OverlapYears(r, regions_[p]) > OverlapYears(r, regions_[best]) ||
          (OverlapYears(r, regions_[p]) == OverlapYears(r, regions_[best]) &&
           MoreRecent(regions_[p], regions_[best]))) {
        best = p;
      }
    }
    const RegionLevel parent_level = regions_[best].level;
    if (parent_level >= r.level ||
        (r.level != RegionLevel::kProvince && parent_level == RegionLevel::kNational)) {
      return LineError(lines[i], "parent " + regions_[best].code + " is not a larger division");
    }
    x.parent[i] = best;
    x.children_by_code[std::string(parent_code)].push_back(i);
  }

  // Levels strictly decrease along parents, so these walks end.
  x.province.assign(n, kNoIndex);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t p = i;
    while (p != kNoIndex && regions_[p].level != RegionLevel::kProvince) p = x.parent[p];
    x.province[i] = p;
    if (p != kNoIndex && p != i) regions_[i].geo = regions_[p].geo;
    if (regions_[i].in_use()) {
      x.in_use_by_level[static_cast<std::size_t>(regions_[i].level)].push_back(i);
    }
  }

  // Name lists in FindByName order: most recent first; among divisions in use
  // at the same time the larger first (北京市 before a county called 北京),
  // then the newer, then by code.
  for (std::size_t i = 0; i < n; ++i) {
    x.by_name[regions_[i].name].push_back(i);
    if (regions_[i].short_name != regions_[i].name) x.by_name[regions_[i].short_name].push_back(i);
  }
  for (auto& [name, list] : x.by_name) {
    std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      const Region& ra = regions_[a];
      const Region& rb = regions_[b];
      if (EndYear(ra) != EndYear(rb)) return EndYear(ra) > EndYear(rb);
      if (ra.level != rb.level) return ra.level < rb.level;
      if (ra.first_year != rb.first_year) return ra.first_year > rb.first_year;
      return ra.code < rb.code;
    });
  }
  return Status::Ok();
}

std::size_t Gazetteer::IndexOf(const Region& region) const {
  // Regions handed out by this gazetteer point into regions_; a copy is found
  // by code and first year.
  const std::less<const Region*> before;
  if (!regions_.empty() && !before(&region, regions_.data()) &&
      before(&region, regions_.data() + regions_.size())) {
    return static_cast<std::size_t>(&region - regions_.data());
  }
  const auto it = index_->by_code.find(region.code);
  if (it == index_->by_code.end()) return kNoIndex;
  for (std::size_t i : it->second) {
    if (regions_[i].first_year == region.first_year) return i;
  }
  return kNoIndex;
}

const Region* Gazetteer::FindByCode(std::string_view code) const {
  const auto it = index_->by_code.find(code);
  if (it == index_->by_code.end()) return nullptr;
  const Region* best = nullptr;
  for (std::size_t i : it->second) {
    if (best == nullptr || MoreRecent(regions_[i], *best)) best = &regions_[i];
  }
  return best;
}

const Region* Gazetteer::FindByCode(std::string_view code, int year) const {
  const auto it = index_->by_code.find(code);
  if (it == index_->by_code.end()) return nullptr;
  const Region* best = nullptr;
  for (std::size_t i : it->second) {
    const Region& r = regions_[i];
    if (InUseIn(r, year) && (best == nullptr || MoreRecent(r, *best))) best = &r;
  }
  return best != nullptr ? best : FindByCode(code);
}

std::vector<const Region*> Gazetteer::FindByName(std::string_view name, int year) const {
  const auto it = index_->by_name.find(name);
  if (it == index_->by_name.end()) return {};
  std::vector<const Region*> all;
  std::vector<const Region*> in_year;
  for (std::size_t i : it->second) {
    all.push_back(&regions_[i]);
    if (year != 0 && InUseIn(regions_[i], year)) in_year.push_back(&regions_[i]);
  }
  return in_year.empty() ? all : in_year;
}

std::string Gazetteer::CodeOf(std::string_view code_or_name) const {
  if (IsRegionCode(code_or_name)) return std::string(code_or_name);
  if (text::AllAsciiDigits(code_or_name)) return "";
  const std::vector<const Region*> found = FindByName(code_or_name);
  return found.empty() ? "" : found.front()->code;
}

std::vector<const Region*> Gazetteer::Ancestors(const Region& region) const {
  std::vector<const Region*> chain;
  const std::size_t i = IndexOf(region);
  if (i == kNoIndex) return chain;
  for (std::size_t p = index_->parent[i];
       p != kNoIndex && regions_[p].level != RegionLevel::kNational; p = index_->parent[p]) {
    chain.push_back(&regions_[p]);
  }
  return chain;
}

const Region* Gazetteer::ProvinceOf(const Region& region) const {
  const std::size_t i = IndexOf(region);
  if (i == kNoIndex || index_->province[i] == kNoIndex) return nullptr;
  return &regions_[index_->province[i]];
}

std::vector<const Region*> Gazetteer::Children(const Region& region, int year) const {
  std::vector<const Region*> children;
  // A retired code may have been reused: only a record in use then has children then.
  if (!InUseAt(region, year)) return children;
  const auto it = index_->children_by_code.find(region.code);
  if (it == index_->children_by_code.end()) return children;
  for (std::size_t i : it->second) {
    const Region& child = regions_[i];
    if (!InUseAt(child, year)) continue;
    // In the year a code changed hands both records are in use; keep the newer.
    if (!children.empty() && children.back()->code == child.code) {
      children.back() = &child;
    } else {
      children.push_back(&child);
    }
  }
  return children;
}

std::vector<const Region*> Gazetteer::AllInUse(RegionLevel level) const {
  std::vector<const Region*> out;
  for (std::size_t i : index_->in_use_by_level[static_cast<std::size_t>(level)]) {
    out.push_back(&regions_[i]);
  }
  return out;
}

const Region& Gazetteer::Nation() const { return regions_[index_->nation]; }

const std::vector<Region>& Gazetteer::all() const { return regions_; }

}  // namespace mubiao::regions
