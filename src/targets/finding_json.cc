// FindingJson (target.h).
#include "targets/target.h"

#include <nlohmann/json.hpp>
#include <string_view>

#include "text/json_text.h"

namespace mubiao::targets {

using text::PutText;

nlohmann::json FindingJson(const Finding& f) {
  nlohmann::json j = {{"kind", FindingKindName(f.kind)},
                      {"text", f.text},
                      {"start", f.span.begin},
                      {"end", f.span.end},
                      {"sentence", f.sentence},
                      {"sentence_start", f.sentence_span.begin},
                      {"sentence_end", f.sentence_span.end}};
  PutText(j, "section", f.section);
  PutText(j, "indicator", f.indicator);
  if (f.value) j["value"] = *f.value;
  if (f.value_max) j["value_max"] = *f.value_max;
  PutText(j, "unit", f.unit);
  PutText(j, "cmp", quantity::ComparatorSymbol(f.cmp));
  PutText(j, "change", ChangeName(f.change));
  PutText(j, "strength", StrengthName(f.strength));
  PutText(j, "deadline", f.deadline);
  if (f.average) j["average"] = true;
  PutText(j, "topic", f.topic);
  if (f.year != 0) j["year"] = f.year;
  return j;
}

}  // namespace mubiao::targets
