// The subcommands of the `mubiao` binary. Each Add*Command registers one
// subcommand (its options, help text and callback) on the top-level app.
#ifndef MUBIAO_CLI_COMMANDS_H_
#define MUBIAO_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <string>

namespace mubiao::cli {

// `mubiao parse FILE... --format json|text`: metadata, region, outline.
void AddParseCommand(CLI::App& app);

// `mubiao targets FILE... --format json|csv|table`: targets, outcomes and
// qualitative commitments.
void AddTargetsCommand(CLI::App& app);

// `mubiao quantities`: reads lines from stdin and prints, per line, a JSON
// array of the quantities found in it (text, start, end in code points, value,
// value_max, unit, cmp, approx).
void AddQuantitiesCommand(CLI::App& app);

// The database file the commands use when --db is not given.
inline constexpr char kDefaultDatabase[] = "mubiao.db";

// The --db option of every command that works on a database.
inline void AddDatabaseOption(CLI::App* cmd, std::string* db) {
  cmd->add_option("--db", *db,
                  "Database: a SQLite file, or a PostgreSQL URI (postgresql://user@host/name); "
                  "default: $MUBIAO_DB, else mubiao.db")
      ->envname("MUBIAO_DB");
}

// `mubiao import PATH... [--db FILE] [--threads N]`: store and index documents
// in parallel, with a progress bar; idempotent and safe to interrupt.
void AddImportCommand(CLI::App& app);

// `mubiao copy-db FROM TO`: a whole database copied between SQLite and
// PostgreSQL, verified table by table, resumable (store/copy.h).
void AddCopyCommand(CLI::App& app);

// `mubiao rederive [--db FILE]`: re-analyse documents stored by an older
// extractor version, from their stored text.
void AddRederiveCommand(CLI::App& app);

// `mubiao search QUERY... [--region R] [--year Y] [--format json|text] ...`:
// full-text search with filters, ranking, snippets and pages.
void AddSearchCommand(CLI::App& app);

// `mubiao documents --db DB [--region R] [--year Y] [--type T] [--format
// table|json]`: the stored documents, one line (or JSON object with id,
// region_code, year, type, date, title and sources) each.
void AddDocumentsCommand(CLI::App& app);

// `mubiao track [--region R] [--year Y] [--indicator NAME] [--format ...]`:
// targets with verdicts and evidence; `track escalation`, `track override`
// and `track history` (see src/tracking).
void AddTrackCommand(CLI::App& app);

// `mubiao ledger create|list|tasks|assign|status|progress|export`:
// supervision ledgers (src/ducha) made from a stored report, assigned,
// followed and exported as .xlsx or .csv, from a script.
void AddLedgerCommand(CLI::App& app);

// `mubiao serve [--db FILE] [--listen ADDRESS:PORT]`: the portal (pages,
// search, targets explorer, comments, JSON API) until SIGINT or SIGTERM.
void AddServeCommand(CLI::App& app);

// `mubiao moderator add NAME [--db FILE]`: a portal moderator account; the
// password is read from stdin and stored as an Argon2id hash.
void AddModeratorCommand(CLI::App& app);

}  // namespace mubiao::cli

#endif  // MUBIAO_CLI_COMMANDS_H_
