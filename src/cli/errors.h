// How the mubiao command fails: one line on stderr, "mubiao: SUBJECT:
// error: REASON", and an exit code. Every error of src/cli goes through here.
#ifndef MUBIAO_CLI_ERRORS_H_
#define MUBIAO_CLI_ERRORS_H_

#include <string_view>

namespace mubiao::cli {

// Exit codes of the mubiao command (0 is success).
inline constexpr int kExitFailed = 1;  // a file, the database or the server failed
inline constexpr int kExitUsage = 2;   // the command line is wrong: an unknown option, a bad value

// Prints "mubiao: SUBJECT: error: REASON" to stderr (both escaped by
// text::EscapeForDisplay), SUBJECT being the file,
// database or option concerned ("mubiao: error: REASON" when it is empty,
// as when REASON names the file itself), and returns `exit_code`.
int PrintError(std::string_view subject, std::string_view reason, int exit_code = kExitFailed);

// Prints "mubiao: SUBJECT: warning: MESSAGE" to stderr, escaped the same
// way: something the user should know that did not fail.
void PrintWarning(std::string_view subject, std::string_view message);

// Ends the running command with `exit_code`, its errors already printed by
// PrintError. (Throws CLI::RuntimeError, which CLI11 passes up to main().)
[[noreturn]] void Exit(int exit_code);

// PrintError, then Exit.
[[noreturn]] void Fail(std::string_view subject, std::string_view reason,
                       int exit_code = kExitFailed);

}  // namespace mubiao::cli

#endif  // MUBIAO_CLI_ERRORS_H_
