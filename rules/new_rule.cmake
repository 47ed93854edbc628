# Scaffolds a rule: writes rules/<ID>/ with <ID>.cpp (metadata + a working placeholder
# check), <ID>.md (the six headings tests/rules/rules_test.cpp requires), <ID>.fail.Dockerfile,
# <ID>.pass.Dockerfile and <ID>.snap (the findings of the placeholder check on the failing
# fixture), from rules/_template/. The new rule builds and passes the tests as written; no
# other file changes (the build globs rules/*/ and generates the registry).
#   cmake -DID=ST2006 -DNAME=apt-without-no-install-recommends -P rules/new_rule.cmake
# ID: DL or ST and four digits (hadolint's id for hadolint's rules); NAME: kebab-case,
# unique among the rules. Refuses an existing id or name.
set(rules_dir "${CMAKE_CURRENT_LIST_DIR}")
if(NOT DEFINED ID OR NOT DEFINED NAME)
  message(FATAL_ERROR "usage: cmake -DID=ST2006 -DNAME=kebab-case-name -P rules/new_rule.cmake")
endif()
if(NOT ID MATCHES "^(DL|ST)[0-9][0-9][0-9][0-9]$")
  message(FATAL_ERROR "ID '${ID}' is not a rule id: DL or ST and four digits (ST2006, DL3020)")
endif()
if(NOT NAME MATCHES "^[a-z0-9]+(-[a-z0-9]+)*$")
  message(FATAL_ERROR "NAME '${NAME}' is not kebab-case: lower-case letters and digits in words joined by '-' "
                      "(add-for-local-files)")
endif()
if(EXISTS "${rules_dir}/${ID}")
  message(FATAL_ERROR "rules/${ID} already exists: rule ids are never reused; pick another id")
endif()
file(GLOB sources "${rules_dir}/*/[A-Z][A-Z][0-9][0-9][0-9][0-9].cpp")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" taken REGEX "^[ \t]*\\.name = \"${NAME}\",")
  if(taken)
    get_filename_component(owner "${source}" NAME_WE)
    message(FATAL_ERROR "NAME '${NAME}' is taken by ${owner}: rule names are unique")
  endif()
endforeach()
string(TOLOWER "${ID}" VAR)
set(template "${rules_dir}/_template")
foreach(pair "rule.cpp.in;${ID}.cpp" "rule.md.in;${ID}.md" "rule.fail.Dockerfile.in;${ID}.fail.Dockerfile"
             "rule.pass.Dockerfile.in;${ID}.pass.Dockerfile" "rule.snap.in;${ID}.snap")
  list(GET pair 0 from)
  list(GET pair 1 to)
  configure_file("${template}/${from}" "${rules_dir}/${ID}/${to}" @ONLY)
endforeach()
message(STATUS "wrote rules/${ID}/: ${ID}.cpp ${ID}.md ${ID}.fail.Dockerfile ${ID}.pass.Dockerfile ${ID}.snap\n"
               "   Its placeholder check flags FROM example.com/replace-me; replace the check, the fixtures and the\n"
               "   docs, then rewrite the snapshot: STRATA_UPDATE_SNAPSHOTS=1 build/tests/strata_tests \"[fixtures]\".\n"
               "   Build and test: cmake --build build && ctest --test-dir build -R rules.${ID}\n"
               "   README.md's rules table: cmake --build build --target rules-reference")
