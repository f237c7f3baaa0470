# cmake -DINPUT=<data file> -DOUTPUT=<file.cc> -DHEADER=<embedded/name.h>
#       -DFUNCTION=<qualified::Name> -P embed_text.cmake
#
# Writes a C++ source defining `std::span<const std::string_view> FUNCTION()`
# (declared in HEADER, which mubiao_embed_text generates) with the text of
# INPUT as raw string literals, so data files need nothing beyond CMake and
# the compiler. Literals are cut at line
# ends so no UTF-8 character is split between two of them. Used through
# mubiao_embed_text() in mubiao.cmake.
set(limit 60000)
set(delimiter "data")

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

string(REGEX REPLACE "::[^:]+$" "" namespace "${FUNCTION}")
string(REGEX REPLACE "^.*::" "" function "${FUNCTION}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by embed_text.cmake; do not edit.
#include \"${HEADER}\"

namespace ${namespace} {
namespace {

using std::string_view_literals::operator\"\"sv;

// The sv suffix gives each literal its length directly; a compiler would
// otherwise count the characters at compile time and may exceed its
// constant-evaluation step limit (clang does).
constexpr std::string_view kChunks[] = {
${literals}};

}  // namespace

std::span<const std::string_view> ${function}() { return kChunks; }

}  // namespace ${namespace}
")
