#include "cli/errors.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "store/sql_store.h"
#include "text/utf8.h"

namespace mubiao::cli {

namespace {

// "mubiao: SUBJECT: KIND: MESSAGE". Escaped: a file name or message with a
// newline or a control character must not split the line or drive the
// terminal.
void PrintLine(std::string_view subject, std::string_view kind, std::string_view message) {
  std::cerr << "mubiao: ";
  // A database URI's password is never shown.
  if (!subject.empty()) {
    std::cerr << text::EscapeForDisplay(store::RedactedUri(std::string(subject))) << ": ";
  }
  std::cerr << kind << ": " << text::EscapeForDisplay(message) << "\n";
}

}  // namespace

int PrintError(std::string_view subject, std::string_view reason, int exit_code) {
  PrintLine(subject, "error", reason);
  return exit_code;
}

void PrintWarning(std::string_view subject, std::string_view message) {
  PrintLine(subject, "warning", message);
}

void Exit(int exit_code) { throw CLI::RuntimeError(exit_code); }

void Fail(std::string_view subject, std::string_view reason, int exit_code) {
  Exit(PrintError(subject, reason, exit_code));
}

}  // namespace mubiao::cli
