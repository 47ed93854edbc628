# Layering: PEGTL (tao/pegtl) and the grammars (grammar/) are parser internals. They may be
# included only by
#   grammar/         the grammars themselves,
#   src/parse/*.cpp  the parsers, which turn parse trees into the model (ast/); their headers
#                    do not, so that a user of a parser never compiles PEGTL,
#   tests/grammar/   the grammar tests, which drive PEGTL rules directly (analyze, partial matches),
#   fuzz/, bench/    fuzzers and benchmarks of the grammars (built only on request).
# Everything else (src/ outside parse/, rules/, the other tests) sees the model only.
# Fails, naming each offending file and line, when another file includes one of them.
# Usage: cmake -DSOURCE_DIR=<repository root> -P tests/layering/check_includes.cmake
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repository root> -P check_includes.cmake")
endif()
set(allowed "^((grammar|tests/grammar|fuzz|bench)/|src/parse/[^/]*\\.cpp$)")
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/src/*.hpp" "${SOURCE_DIR}/src/*.in"
     "${SOURCE_DIR}/rules/*.cpp" "${SOURCE_DIR}/rules/*.hpp"
     "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.hpp")
set(offences "")
set(scanned 0)
foreach(file IN LISTS files)
  if(file MATCHES "${allowed}")
    continue()
  endif()
  math(EXPR scanned "${scanned} + 1")
  file(STRINGS "${SOURCE_DIR}/${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](tao/pegtl|grammar/)")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    string(APPEND offences "  ${file}: ${line}\n")
  endforeach()
endforeach()
if(scanned EQUAL 0)
  message(FATAL_ERROR "no source scanned under ${SOURCE_DIR}: wrong SOURCE_DIR?")
endif()
if(NOT offences STREQUAL "")
  message(FATAL_ERROR "PEGTL and grammar/ may be included only in src/parse/*.cpp (and grammar/, tests/grammar/, "
                      "fuzz/, bench/); use the parsers' model instead:\n${offences}")
endif()
message(STATUS "layering: none of the ${scanned} files outside the parsers and grammars includes tao/pegtl or grammar/")
