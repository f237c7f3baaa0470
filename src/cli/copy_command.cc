// `mubiao copy-db FROM TO`: a whole database from one backend to the other
// (SQLite file ↔ PostgreSQL URI), verified table by table, resumable.

#include <iostream>

#include "cli/commands.h"
#include "cli/errors.h"
#include "store/copy.h"
#include "store/sql_store.h"
#include "text/utf8.h"

namespace mubiao::cli {

void AddCopyCommand(CLI::App& app) {
  struct Options {
    std::string from;
    std::string to;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "copy-db",
      "Copy a whole database to another (a SQLite file or a PostgreSQL URI "
      "postgresql://user@host/name, either way), table by table, each checked by its row count "
      "and a checksum; run it again to resume an interrupted copy");
  cmd->add_option("FROM", opts->from, "The database to copy")->required();
  cmd->add_option("TO", opts->to, "The database to copy into (created or empty)")->required();
  cmd->callback([opts] {
    if (opts->from == opts->to) Fail("copy-db", "FROM and TO are the same database", kExitUsage);
    int64_t rows = 0;
    Result<std::vector<store::CopiedTable>> copied =
        store::CopyDatabase(opts->from, opts->to, [&](const store::CopiedTable& table) {
          rows += table.rows;
          std::cout << text::PadToColumns(table.table, 24)
                    << text::PadToColumns(std::to_string(table.rows), 10) << table.checksum
                    << (table.skipped ? "  already there" : "  copied") << std::endl;
        });
    if (!copied.ok()) Fail("copy-db", copied.status().message());
    std::cout << "copied " << store::RedactedUri(opts->from) << " to "
              << store::RedactedUri(opts->to) << ": " << copied->size() << " tables, " << rows
              << " rows, every count and checksum the same" << std::endl;
  });
}

}  // namespace mubiao::cli
