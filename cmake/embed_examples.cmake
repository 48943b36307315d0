# Generates a C++ source holding every examples/*.yaml as a string, so the built-in example
# estates ship inside the binary. Run as a script: cmake -DSOURCE_DIR=... -DOUTPUT=... -P this.
file(GLOB examples ${SOURCE_DIR}/examples/*.yaml)
list(SORT examples)
set(body "")
foreach(path ${examples})
  get_filename_component(stem ${path} NAME_WE)
  file(READ ${path} text)
  string(REGEX MATCH "^# ([^\n]*)" first_line "${text}")
  set(summary "${CMAKE_MATCH_1}")
  string(REPLACE "\"" "\\\"" summary "${summary}")
  string(APPEND body "    {\"${stem}\", \"${summary}\", R\"headroom_yaml(${text})headroom_yaml\"},\n")
endforeach()
file(WRITE ${OUTPUT}.new "// Generated from examples/*.yaml by cmake/embed_examples.cmake. Do not edit.\n#include \"estate/examples.h\"\n\nnamespace headroom {\n\nconst std::vector<ExampleEstate>& BuiltInExamples() {\n  static const std::vector<ExampleEstate> kExamples = {\n${body}  };\n  return kExamples;\n}\n\n}  // namespace headroom\n")
# Only touch the output when it changed, so unchanged examples do not trigger a rebuild.
file(COPY_FILE ${OUTPUT}.new ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.new)
