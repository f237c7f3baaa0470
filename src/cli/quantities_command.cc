// `mubiao quantities`: the quantity recogniser (quantity/quantity.h) as a
// filter, one JSON array of quantities per line of input.

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "quantity/quantity.h"
#include "text/json_text.h"
#include "text/utf8.h"

namespace mubiao::cli {
namespace {

using json = nlohmann::ordered_json;

// Whole values print as integers (580000, not 580000.0).
json Number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0) {
    return static_cast<int64_t>(v);
  }
  return v;
}

// The quantities of one line, offsets in code points (end exclusive).
json QuantitiesJson(const std::string& line) {
  json out = json::array();
  size_t byte = 0;
  size_t chars = 0;
  // Quantities come in text order, so one forward walk counts every offset.
  auto chars_at = [&](size_t target) {
    chars += text::CountCodePoints(std::string_view(line).substr(byte, target - byte));
    byte = target;
    return chars;
  };
  for (const quantity::Quantity& q : quantity::FindQuantities(line)) {
    const size_t start = chars_at(q.span.begin);
    const size_t end = chars_at(q.span.end);
    out.push_back(
        {{"text", q.text},
         {"start", start},
         {"end", end},
         {"value", Number(q.value)},
         {"value_max", q.value_max ? Number(*q.value_max) : json(nullptr)},
         {"unit", q.unit},
         {"cmp", q.cmp == quantity::Comparator::kNone ? json(nullptr)
                                                      : json(quantity::ComparatorSymbol(q.cmp))},
         {"approx", q.approx}});
  }
  return out;
}

}  // namespace

void AddQuantitiesCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "quantities", "Read lines from stdin; print, for each, a JSON array of the quantities in it");
  cmd->footer(
      "Each quantity: text (as written), start and end (code points, end exclusive), value "
      "(in base units: 58万亩 is 580000), value_max (upper end of a range, else null), unit "
      "(without its scale word; \"\" for a bare number), cmp (\">=\", \"<=\", \"~\", \"=\", "
      "\"range\" or null), approx (true for 约, 左右, 余, 多 … ; 十余万 is 100000 with cmp "
      "\">=\").\n"
      "Example: echo '粮食播种面积稳定在58万亩以上' | mubiao quantities");
  cmd->callback([] {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::cout << text::JsonText(QuantitiesJson(line)) << '\n';
    }
    std::cout.flush();
  });
}

}  // namespace mubiao::cli
