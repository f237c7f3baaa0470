// The mubiao command: one binary, one subcommand per job.

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/errors.h"

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
  mubiao::cli::AddDocumentsCommand(app);
  mubiao::cli::AddTrackCommand(app);
  mubiao::cli::AddServeCommand(app);
  mubiao::cli::AddCopyCommand(app);
  mubiao::cli::AddModeratorCommand(app);
  mubiao::cli::AddLedgerCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a command failed and said why (cli/errors.h)
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return mubiao::cli::PrintError("", std::string(e.what()) + " (see mubiao --help)",
                                   mubiao::cli::kExitUsage);
  }
  return 0;
}
