#include "cli/errors.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "text/utf8.h"

namespace mubiao::cli {

int PrintError(std::string_view subject, std::string_view reason, int exit_code) {
  // Escaped: a file name or message with a newline or a control character
  // must not split the line or drive the terminal.
  std::cerr << "mubiao: ";
  if (!subject.empty()) std::cerr << text::EscapeForDisplay(subject) << ": ";
  std::cerr << "error: " << text::EscapeForDisplay(reason) << "\n";
  return exit_code;
}

void Exit(int exit_code) { throw CLI::RuntimeError(exit_code); }

void Fail(std::string_view subject, std::string_view reason, int exit_code) {
  Exit(PrintError(subject, reason, exit_code));
}

}  // namespace mubiao::cli
