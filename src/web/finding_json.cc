#include "web/finding_json.h"

namespace mubiao::web {

nlohmann::json FindingJson(const targets::Finding& f) {
  nlohmann::json j = {{"kind", targets::FindingKindName(f.kind)},
                      {"text", f.text},
                      {"start", f.span.begin},
                      {"end", f.span.end},
                      {"section", f.section},
                      {"indicator", f.indicator},
                      {"unit", f.unit},
                      {"cmp", f.cmp},
                      {"change", f.change},
                      {"strength", f.strength},
                      {"deadline", f.deadline},
                      {"topic", f.topic},
                      {"year", f.year}};
  j["value"] = f.value ? nlohmann::json(*f.value) : nlohmann::json();
  j["value_max"] = f.value_max ? nlohmann::json(*f.value_max) : nlohmann::json();
  return j;
}

}  // namespace mubiao::web
