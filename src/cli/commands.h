// The subcommands of the `mubiao` binary. Each Add*Command registers one
// subcommand (its options, help text and callback) on the top-level app.
#ifndef MUBIAO_CLI_COMMANDS_H_
#define MUBIAO_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace mubiao::cli {

// `mubiao parse FILE... --format json|text`: metadata, region, outline.
void AddParseCommand(CLI::App& app);

}  // namespace mubiao::cli

#endif  // MUBIAO_CLI_COMMANDS_H_
