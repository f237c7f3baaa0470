// The one JSON shape of a finding (target, outcome or commitment), written
// by the command line, the API and the downloads alike.
//
// The rules every JSON object of mubiao follows:
// - A field whose value is absent is left out: never null, never "" (as
//   TARGETS.md writes `value_max`, `change`, `strength`, `deadline`).
// - Closed vocabularies are written by their names (cmp ">=", change "up",
//   strength "ensure", level "province", type "work_report", status "met").
// - Offsets ("start"/"end", "sentence_start"/"sentence_end") are byte
//   offsets into the document's text as stored, UTF-8, half-open: the text
//   that /export/baogao/<id>.txt serves and `mubiao parse --format json`
//   prints as "text".
#ifndef MUBIAO_TARGETS_FINDING_JSON_H_
#define MUBIAO_TARGETS_FINDING_JSON_H_

#include <nlohmann/json.hpp>

#include "targets/target.h"

namespace mubiao::targets {

// kind, text, start, end, sentence, sentence_start, sentence_end, section,
// indicator, value, value_max, unit, cmp, change, strength, deadline,
// topic, year (absent for 0: an outcome of several years).
nlohmann::json FindingJson(const Finding& finding);

}  // namespace mubiao::targets

#endif  // MUBIAO_TARGETS_FINDING_JSON_H_
