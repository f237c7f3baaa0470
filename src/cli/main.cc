// The mubiao command: one binary, one subcommand per job.

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "mubiao (目标): Chinese government work reports as a searchable archive of "
      "tracked targets"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("mubiao ") + MUBIAO_VERSION);
  mubiao::cli::AddParseCommand(app);
  mubiao::cli::AddTargetsCommand(app);
  mubiao::cli::AddQuantitiesCommand(app);
  mubiao::cli::AddImportCommand(app);
  mubiao::cli::AddRederiveCommand(app);
  mubiao::cli::AddSearchCommand(app);
  mubiao::cli::AddTrackCommand(app);
  mubiao::cli::AddServeCommand(app);
  mubiao::cli::AddModeratorCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}
