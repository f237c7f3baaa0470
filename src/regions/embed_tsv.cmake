# cmake -DINPUT=<regions.tsv> -DOUTPUT=<file.cc> -P embed_tsv.cmake
#
# Writes a C++ source defining mubiao::regions::internal::EmbeddedTsvChunks()
# (see embedded_tsv.h) with the text of INPUT as raw string literals, so the
# data needs nothing beyond CMake and the compiler. Literals are cut at line
# ends so no UTF-8 character is split between two of them.
set(limit 60000)
set(delimiter "tsv")

file(READ "${INPUT}" text)
string(FIND "${text}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )${delimiter}\"")
endif()

set(literals "")
string(LENGTH "${text}" remaining)
while(remaining GREATER 0)
  if(remaining GREATER limit)
    string(SUBSTRING "${text}" 0 ${limit} head)
    string(FIND "${head}" "\n" last_newline REVERSE)
    if(last_newline EQUAL -1)
      message(FATAL_ERROR "${INPUT} has a line longer than ${limit} bytes")
    endif()
    math(EXPR cut "${last_newline} + 1")
  else()
    set(cut ${remaining})
  endif()
  string(SUBSTRING "${text}" 0 ${cut} chunk)
  string(SUBSTRING "${text}" ${cut} -1 text)
  string(APPEND literals "    R\"${delimiter}(${chunk})${delimiter}\"sv,\n")
  math(EXPR remaining "${remaining} - ${cut}")
endwhile()

file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by embed_tsv.cmake; do not edit.
#include \"regions/embedded_tsv.h\"

namespace mubiao::regions::internal {
namespace {

using std::string_view_literals::operator\"\"sv;

// The sv suffix gives each literal its length directly; a compiler would
// otherwise count the characters at compile time and may exceed its
// constant-evaluation step limit (clang does).
constexpr std::string_view kChunks[] = {
${literals}};

}  // namespace

std::span<const std::string_view> EmbeddedTsvChunks() { return kChunks; }

}  // namespace mubiao::regions::internal
")
