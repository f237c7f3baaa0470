#include "tracking/escalation.h"

#include <algorithm>
#include <map>

namespace mubiao::tracking {

int RegionDepth(const std::string& code) {
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), ::isdigit)) return -1;
  if (code == "000000") return 0;
  if (code.substr(2) == "0000") return 1;
  if (code.substr(4) == "00") return 2;
  return 3;
}

namespace {

// The codes that enclose `code`, nearest first.
std::vector<std::string> Ancestors(const std::string& code) {
  std::vector<std::string> out;
  const int depth = RegionDepth(code);
  if (depth >= 3) out.push_back(code.substr(0, 4) + "00");
  if (depth >= 2) out.push_back(code.substr(0, 2) + "0000");
  if (depth >= 1) out.push_back("000000");
  return out;
}

}  // namespace

Escalation BuildEscalation(const std::vector<const TrackedTarget*>& headlines,
                           const std::string& indicator_id, Measure measure, int year) {
  Escalation e;
  e.indicator_id = indicator_id;
  e.measure = measure;
  e.year = year;
  // By code, one per region (the first headline wins).
  std::map<std::string, const TrackedTarget*> by_code;
  for (const TrackedTarget* t : headlines) {
    const Verdict& v = t->verdict;
    if (v.indicator_id != indicator_id || v.measure != measure || v.year != year) continue;
    if (RegionDepth(t->target.region_code) < 0) continue;
    by_code.emplace(t->target.region_code, t);
    e.indicator_name = v.indicator_name;
  }
  const IndicatorLexicon& lex = IndicatorLexicon::Builtin();
  for (const auto& [code, t] : by_code) {
    EscalationRow row;
    row.target = *t;
    row.region_code = code;
    row.locality = t->target.locality;
    row.depth = RegionDepth(code);
    std::optional<Reading> r = lex.Read(t->target.finding);
    if (!r) continue;
    const bool lower = r->indicator->sense == Sense::kLower;
    row.value = lower ? r->value_max.value_or(r->value) : r->value;
    e.rows.push_back(std::move(row));
  }
  // Codes sort depth first already (110000 < 110100 < 110101 < 120000)
  // except the nation, which sorts first too.
  std::map<std::string, size_t> index;
  for (size_t k = 0; k < e.rows.size(); ++k) index[e.rows[k].region_code] = k;
  for (EscalationRow& row : e.rows) {
    for (const std::string& up : Ancestors(row.region_code)) {
      auto found = index.find(up);
      if (found == index.end()) continue;
      row.parent = found->second;
      row.markup = row.value - e.rows[found->second].value;
      break;
    }
  }
  return e;
}

}  // namespace mubiao::tracking
