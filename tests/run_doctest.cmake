# run_doctest.cmake — runs one doctest executable, echoes its output, and
# fails when it fails OR when it counted zero assertions. FILTER (optional): one doctest filter argument,
# e.g. -sf=*lesson* (only those source files) or -sfe=*lesson* (all but those).
execute_process(COMMAND ${EXE} --no-intro=false ${FILTER} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} failed (exit ${rc})")
endif()
string(REGEX MATCH "assertions: *([0-9]+)" m "${out}")
if(NOT m OR CMAKE_MATCH_1 EQUAL 0)
  message(FATAL_ERROR "${EXE} ran zero assertions: is <torch/torch.h> included before <doctest/doctest.h>?")
endif()
