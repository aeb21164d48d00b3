# Build-time step (cmake -P): runs `tenantry --help` (offscreen, no display needed) and turns
# QCommandLineParser's help into tenantry(1), so the page lists exactly the options the program
# takes. In: PROGRAM, VERSION, OUTPUT.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env QT_QPA_PLATFORM=offscreen "${PROGRAM}" --help
                OUTPUT_VARIABLE help RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT help MATCHES "\nOptions:\n")
  message(FATAL_ERROR "${PROGRAM} --help failed (${rc}): ${err}")
endif()

function(troff_escape out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# "  -h, --help        Displays help." / "  --kubeconfig <file>  Kubeconfig file ..." / a
# continuation line of the description further indented.
string(REPLACE ";" "\\;" help "${help}")
string(REPLACE "\n" ";" lines "${help}")
set(usage "")
set(description "")
set(section "")
set(items "")
foreach(line IN LISTS lines)
  if(line MATCHES "^Usage: [^ ]+ (.*)$")
    set(usage "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^(Options|Arguments):$")
    set(section "${CMAKE_MATCH_1}")
    string(APPEND items ".SH ${CMAKE_MATCH_1}\n")
  elseif(section STREQUAL "" AND NOT line STREQUAL "")
    string(APPEND description "${line}\n")
  elseif(line MATCHES "^  ([^ ].*[^ ]|[^ ])  +([^ ].*)$")
    set(term "${CMAKE_MATCH_1}")
    set(text "${CMAKE_MATCH_2}")
    troff_escape(term "${term}")
    string(REGEX REPLACE "(\\\\-[\\\\A-Za-z0-9-]+)" "\\\\fB\\1\\\\fR" term "${term}")
    string(REGEX REPLACE "<([^>]+)>" "\\\\fI\\1\\\\fR" term "${term}")
    string(REPLACE "\\" "\\e" text "${text}")
    string(APPEND items ".TP\n${term}\n${text}\n")
  elseif(line MATCHES "^   +([^ ].*)$")
    string(REPLACE "\\" "\\e" text "${CMAKE_MATCH_1}")
    string(APPEND items "${text}\n")
  endif()
endforeach()
string(REPLACE "\\;" ";" items "${items}")
string(REPLACE ".SH Options\n" ".SH OPTIONS\n" items "${items}")
string(REPLACE ".SH Arguments\n" ".SH ARGUMENTS\n" items "${items}")
string(STRIP "${description}" description)
string(REGEX REPLACE "\\.$" "" summary "${description}")
string(SUBSTRING "${summary}" 0 1 first)
string(TOLOWER "${first}" first)
string(SUBSTRING "${summary}" 1 -1 rest)
troff_escape(usage "${usage}")

file(WRITE "${OUTPUT}"
".\\\" Generated from `tenantry --help` by packaging/helptoman.cmake; do not edit.
.TH TENANTRY 1 \"\" \"tenantry ${VERSION}\" \"User Commands\"
.SH NAME
tenantry \\- ${first}${rest}
.SH SYNOPSIS
.B tenantry
${usage}
.SH DESCRIPTION
${description}
It reads kubeconfigs as kubectl does: \\fB\\-\\-kubeconfig\\fR or files given as arguments, else
every file in \\fBKUBECONFIG\\fR, else \\fI~/.kube/config\\fR.
With \\fB\\-\\-screenshot\\fR it renders the window once the data has loaded, without a display
when \\fBQT_QPA_PLATFORM=offscreen\\fR is set, and exits.
${items}.SH \"SEE ALSO\"
.BR tenantryctl (1),
.BR kubectl (1)
")
