// Closed vocabularies (comparators, strengths, levels, statuses…) are enums
// inside mubiao and strings only at its edges: JSON, CSV, SQL, URLs and
// templates. Each enum has one table of its names, and these two lookups
// are the only way between the two.
#ifndef MUBIAO_BASE_ENUM_NAMES_H_
#define MUBIAO_BASE_ENUM_NAMES_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace mubiao {

// One entry of an enum's name table.
template <typename Enum>
struct EnumName {
  Enum value;
  std::string_view name;
};

// The name of `value` in `table`; "" when the table lacks it (a bug: every
// table lists every value).
template <typename Enum, size_t N>
constexpr std::string_view NameIn(const EnumName<Enum> (&table)[N], Enum value) {
  for (const EnumName<Enum>& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "";
}

// The value named `name` in `table`; nullopt for any other text.
template <typename Enum, size_t N>
constexpr std::optional<Enum> ValueIn(const EnumName<Enum> (&table)[N], std::string_view name) {
  for (const EnumName<Enum>& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

}  // namespace mubiao

#endif  // MUBIAO_BASE_ENUM_NAMES_H_
