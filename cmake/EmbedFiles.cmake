# EmbedFiles.cmake — turns text files (the default scene, shaders) into a
# generated C++ source so an installed binary runs from any directory.
# Each file becomes an entry {"basename", "contents"} in
#   NAMESPACE::files()  ->  const std::vector<std::pair<const char*, const char*>>&
function(ganarium_embed_files target name)
  cmake_parse_arguments(EMBED "" "NAMESPACE" "FILES" ${ARGN})
  set(out_cpp ${CMAKE_BINARY_DIR}/generated/${name}.cpp)
  string(REPLACE ";" "|" files_arg "${EMBED_FILES}")  # keep the list one argument
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DNS=${EMBED_NAMESPACE} "-DFILES=${files_arg}"
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${EMBED_FILES} ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out_cpp})
endfunction()
