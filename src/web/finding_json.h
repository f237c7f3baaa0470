// A finding (target, outcome, commitment) as the portal's JSON writes it:
// the API's lists and the report download share one shape.
#ifndef MUBIAO_WEB_FINDING_JSON_H_
#define MUBIAO_WEB_FINDING_JSON_H_

#include <nlohmann/json.hpp>

#include "targets/target.h"

namespace mubiao::web {

// kind, text, start/end (byte offsets), section, indicator, value,
// value_max, unit, cmp, change, strength, deadline, topic, year. The
// sentence is left out: lists would repeat it for every finding of it.
nlohmann::json FindingJson(const targets::Finding& finding);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_FINDING_JSON_H_
