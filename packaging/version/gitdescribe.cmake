# Run at every build (cmake -P): writes the version source from its template with the project
# version and `git describe --always --dirty`. configure_file leaves an unchanged file alone, so a
# build without new commits or edits recompiles nothing.
# In: SOURCE_DIR, GIT (may be empty), VERSION, TEMPLATE, OUTPUT.
set(TENANTRY_VERSION "${VERSION}")
set(TENANTRY_GIT_DESCRIBE "")
if(GIT)
  execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" describe --always --dirty
                  OUTPUT_VARIABLE describe RESULT_VARIABLE rc ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  # A tarball of the sources is no git checkout: the version alone is then the truth.
  if(rc EQUAL 0 AND describe MATCHES "^[A-Za-z0-9._+-]+$")
    set(TENANTRY_GIT_DESCRIBE "${describe}")
  endif()
endif()
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
