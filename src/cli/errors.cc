#include "cli/errors.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace mubiao::cli {

int PrintError(std::string_view subject, std::string_view reason, int exit_code) {
  std::cerr << "mubiao: ";
  if (!subject.empty()) std::cerr << subject << ": ";
  std::cerr << "error: " << reason << "\n";
  return exit_code;
}

void Exit(int exit_code) { throw CLI::RuntimeError(exit_code); }

void Fail(std::string_view subject, std::string_view reason, int exit_code) {
  Exit(PrintError(subject, reason, exit_code));
}

}  // namespace mubiao::cli
