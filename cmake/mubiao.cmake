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

# mubiao_embed_text(TARGET INPUT HEADER FUNCTION): compiles the text of the
# data file INPUT into TARGET as `std::span<const std::string_view>
# FUNCTION()`, declared in HEADER; regenerated whenever INPUT changes.
function(mubiao_embed_text target input header function)
  # Named by the whole file name: site.css and site.js must not clash.
  get_filename_component(name ${input} NAME)
  string(MAKE_C_IDENTIFIER "${name}" stem)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cc)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DHEADER=${header}
            -DFUNCTION=${function} -P ${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake
    DEPENDS ${input} ${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake
    COMMENT "Embedding ${input}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
