// libFuzzer target: arbitrary bytes through the supervision ledger's readers
// of dates (ParseDate, as typed into a form or a command) and deadlines as
// reports write them (DueDate). A date read must write back as the same
// text; a due date must be a real day no earlier than the plan year; the
// pace of a task due then must stay within 0-100. A number typed into a
// progress form (ParseTypedNumber) is finite, and an account or unit name
// the checks accept is valid UTF-8.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ducha/access.h"
#include "ducha/ledger.h"
#include "fuzz_require.h"
#include "text/utf8.h"

using mubiao::fuzz::Require;
namespace ducha = mubiao::ducha;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const std::optional<ducha::Date> date = ducha::ParseDate(text)) {
    Require(ducha::DateText(*date) == text, "a date read writes back as the same text");
  }
  constexpr int kYear = 2026;
  const ducha::Date due = ducha::DueDate(text, kYear);
  Require(due.year >= kYear && due.year < kYear + 20, "due in the plan year or a named later one");
  Require(ducha::ParseDate(ducha::DateText(due)) == due, "a due date is a real day");
  ducha::LedgerRow row;
  row.task.due = due;
  row.task.target_value = 100;
  row.task.cmp = mubiao::quantity::Comparator::kAtLeast;
  const ducha::Pace pace = ducha::PaceOf(row, kYear, {kYear, 7, 1});
  Require(pace.elapsed >= 0 && pace.elapsed <= 100, "the time elapsed is a share");
  Require(pace.light != ducha::Light::kNone, "an open task in its year is judged");
  if (const std::optional<double> typed = ducha::ParseTypedNumber(text)) {
    Require(std::isfinite(*typed), "a typed number is finite");
  }
  const ducha::Account account{std::string(text), ducha::Role::kUnit, "360830", std::string(text)};
  if (ducha::ValidateAccount(account).ok()) {
    Require(mubiao::text::IsValidUtf8(text), "an accepted account name is UTF-8");
  }
  return 0;
}
