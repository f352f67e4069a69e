# Warnings.cmake — one place for the warning flags every Ganarium target uses.
function(ganarium_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()
