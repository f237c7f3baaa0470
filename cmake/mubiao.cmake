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
