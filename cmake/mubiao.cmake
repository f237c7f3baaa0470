# mubiao_test(NAME SOURCES... LIBS ...): a GoogleTest binary registered with
# CTest as one test, so suites that share expensive set-up (the whole-corpus
# checks parse ~3,000 documents once) run it once. Tests find the reference
# data through MUBIAO_DATA_DIR (overridable by the environment variable of the
# same name at run time).
function(mubiao_test name)
  if(NOT MUBIAO_TESTS)
    return()
  endif()
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} mubiao_testing GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name})
endfunction()

# mubiao_postgres_test(NAME): runs the test executable NAME again, as
# NAME_postgres, with its stores on PostgreSQL (store/testing.h TestDialect):
# each test makes a database on a throwaway server the process starts.
function(mubiao_postgres_test name)
  if(NOT MUBIAO_TESTS)
    return()
  endif()
  add_test(NAME ${name}_postgres COMMAND ${name})
  set_tests_properties(${name}_postgres PROPERTIES ENVIRONMENT "MUBIAO_TEST_DATABASE=postgresql")
endfunction()

# mubiao_embed_text(TARGET INPUT FUNCTION): compiles the text of the data
# file INPUT into TARGET as `std::span<const std::string_view> FUNCTION()`
# (its pieces cut at line ends; text::JoinChunks joins them), regenerated
# whenever INPUT changes. The declaration is generated too, in
# "embedded/<file name as identifier>.h" (data/regions.tsv: embedded/regions_tsv.h),
# on TARGET's private include path.
function(mubiao_embed_text target input function)
  # Named by the whole file name: site.css and site.js must not clash.
  get_filename_component(name ${input} NAME)
  string(MAKE_C_IDENTIFIER "${name}" stem)
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/generated)
  set(header embedded/${stem}.h)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cc)
  string(TOUPPER "MUBIAO_EMBEDDED_${stem}_H_" guard)
  string(REGEX REPLACE "::[^:]+$" "" namespace "${function}")
  string(REGEX REPLACE "^.*::" "" unqualified "${function}")
  if(namespace STREQUAL function)
    message(FATAL_ERROR "mubiao_embed_text: ${function} needs its namespace (mubiao::module::Name)")
  endif()
  file(CONFIGURE OUTPUT ${generated}/${header} CONTENT
"// Generated from ${name} by mubiao_embed_text (cmake/mubiao.cmake); do not edit.
#ifndef ${guard}
#define ${guard}
#include <span>
#include <string_view>
namespace ${namespace} {
// The text of ${name} in pieces, each ending at a line end.
std::span<const std::string_view> ${unqualified}();
}  // namespace ${namespace}
#endif  // ${guard}
")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DHEADER=${header}
            -DFUNCTION=${function} -P ${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake
    DEPENDS ${input} ${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake ${generated}/${header}
    COMMENT "Embedding ${input}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
  target_include_directories(${target} PRIVATE ${generated})
endfunction()
