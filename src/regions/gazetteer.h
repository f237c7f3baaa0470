// The region gazetteer: GB/T 2260 administrative division codes with names,
// short names, levels, parents, the seven geographic regions, and historic
// codes (so a 2012 report of a since-renamed county still resolves).
//
// The data is the project's own file data/regions.tsv, built from the
// Ministry of Civil Affairs code lists by tools/build_regions.py and compiled
// into the binary. A Gazetteer is immutable after construction and safe for
// concurrent use from many threads.
#ifndef MUBIAO_REGIONS_GAZETTEER_H_
#define MUBIAO_REGIONS_GAZETTEER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace mubiao::regions {

// Administrative level of a division.
enum class RegionLevel {
  kNational,    // 中华人民共和国 (code 000000)
  kProvince,    // 省、自治区、直辖市 (code NN0000)
  kPrefecture,  // 地级市、地区、自治州、盟 (code NNNN00)
  kCounty,      // 县、县级市、市辖区、旗 (other codes)
};

// Every level, from the top down.
inline constexpr RegionLevel kAllRegionLevels[] = {RegionLevel::kNational, RegionLevel::kProvince,
                                                   RegionLevel::kPrefecture, RegionLevel::kCounty};

// "national", "province", "prefecture" or "county".
std::string_view RegionLevelName(RegionLevel level);
// For readers: 全国, 省级, 地市级, 县级.
std::string_view RegionLevelLabel(RegionLevel level);
// The level named by RegionLevelName; nullopt for any other text.
std::optional<RegionLevel> ParseRegionLevel(std::string_view name);

// The seven geographic regions of China, as report-archive sites group them.
enum class GeoRegion { kNone, kHuabei, kDongbei, kHuadong, kHuazhong, kHuanan, kXinan, kXibei };

// Chinese name: 华北 东北 华东 华中 华南 西南 西北 ("" for kNone).
std::string_view GeoRegionName(GeoRegion geo);
// URL slug: huabei dongbei huadong huazhong huanan xinan xibei ("" for kNone).
std::string_view GeoRegionSlug(GeoRegion geo);
// All seven regions in the conventional order above.
const std::vector<GeoRegion>& AllGeoRegions();
// The region whose slug or Chinese name is `key`; kNone when there is none.
GeoRegion GeoRegionFromKey(std::string_view key);

// True when `s` has the shape of a GB/T 2260 code: six ASCII digits.
bool IsRegionCode(std::string_view s);

// One division code as it was in use over [first_year, last_year].
struct Region {
  std::string code;        // six digits, e.g. "410184"
  std::string name;        // full name, e.g. "新郑市"
  std::string short_name;  // e.g. "新郑"; for provinces "河南", "内蒙古", "广西"
  RegionLevel level = RegionLevel::kCounty;
  std::string parent_code;  // the enclosing division in use at the same time; "" for provinces
  GeoRegion geo = GeoRegion::kNone;  // geographic region of the province
  int first_year = 0;  // first year the code was in use (1981 when in use since the first list)
  int last_year = 0;   // last year in use; 0 when still in use
  std::string successor_code;  // the code that replaced it, when retired

  bool in_use() const { return last_year == 0; }
};

// Lookup over the whole code history.
class Gazetteer {
 public:
  // The gazetteer compiled into the binary. Never fails; built on first use.
  static const Gazetteer& Builtin();

  // Parses a gazetteer from the text of a regions.tsv file (see that file's
  // header for its columns). Errors name the bad line; a file without the
  // national entry is an error too.
  static Result<Gazetteer> Parse(std::string_view tsv);

  // The region with this code; when the code was used by several divisions
  // over time, the most recent one. nullptr when unknown.
  const Region* FindByCode(std::string_view code) const;

  // The region with this code that was in use in `year`, else FindByCode.
  const Region* FindByCode(std::string_view code, int year) const;

  // Regions whose full name or short name is `name`, most recent first (of
  // those in use at the same time, the larger division first); when
  // `year` is non-zero only those in use in that year (falling back to all
  // when none was). Example: FindByName("新郑") → [新郑市 410184, then the
  // retired 新郑县 codes]; FindByName("新郑", 1990) → [新郑县 410123].
  std::vector<const Region*> FindByName(std::string_view name, int year = 0) const;

  // The code of a region as people give one in a filter: a six-digit code
  // (returned as it is, whether or not this gazetteer lists it), or a name
  // (河南省, 河南, 新郑市; the code of FindByName's first match). "" when
  // `code_or_name` is neither.
  std::string CodeOf(std::string_view code_or_name) const;

  // The parent chain of `region`, nearest first, ending at the province
  // (e.g. 新郑市 → [郑州市, 河南省]).
  std::vector<const Region*> Ancestors(const Region& region) const;

  // The province containing `region` (itself for a province); nullptr only
  // for the national entry.
  const Region* ProvinceOf(const Region& region) const;

  // Direct children in use in `year` (0: currently in use), sorted by code;
  // the provinces for the national entry. None when `region` itself was not
  // in use then.
  std::vector<const Region*> Children(const Region& region, int year = 0) const;

  // All regions of one level currently in use, sorted by code.
  std::vector<const Region*> AllInUse(RegionLevel level) const;

  // The national entry (code 000000, 中华人民共和国, short name 全国).
  const Region& Nation() const;

  // Every record, sorted by code and then by first year.
  const std::vector<Region>& all() const;

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

 private:
  struct Index;
  Gazetteer();
  // Builds index_ over regions_ (sorted by code and first year); `lines` are
  // their source lines, for error messages.
  Status BuildIndex(const std::vector<std::size_t>& lines);
  // Position of `region` in regions_ (a copy is found by code and first
  // year); SIZE_MAX when it is not in this gazetteer.
  std::size_t IndexOf(const Region& region) const;
  std::vector<Region> regions_;
  std::unique_ptr<Index> index_;  // lookup maps over regions_
};

}  // namespace mubiao::regions

#endif  // MUBIAO_REGIONS_GAZETTEER_H_
