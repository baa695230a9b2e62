# Project-wide compile settings applied through one interface target.
add_library(hsim_build_settings INTERFACE)
target_compile_options(hsim_build_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports -Wrestrict and -Wmaybe-uninitialized inside libstdc++'s std::string and std::optional
  # at -O2 (GCC bugs 105329 and 105562); they are false positives there and would break -Werror builds.
  target_compile_options(hsim_build_settings INTERFACE -Wno-restrict -Wno-maybe-uninitialized)
endif()
if(HSIM_WERROR)
  target_compile_options(hsim_build_settings INTERFACE -Werror)
endif()
if(HSIM_FULL_CHECKS)
  target_compile_definitions(hsim_build_settings INTERFACE HSIM_FULL_CHECKS=1)
else()
  target_compile_definitions(hsim_build_settings INTERFACE HSIM_FULL_CHECKS=0)
endif()
if(HSIM_CHECKS)
  target_compile_definitions(hsim_build_settings INTERFACE HSIM_CHECKS=1)
else()
  target_compile_definitions(hsim_build_settings INTERFACE HSIM_CHECKS=0)
endif()
if(HSIM_SANITIZE)
  target_compile_options(hsim_build_settings INTERFACE -fsanitize=${HSIM_SANITIZE} -fno-omit-frame-pointer
                                                      -fno-sanitize-recover=all)
  target_link_options(hsim_build_settings INTERFACE -fsanitize=${HSIM_SANITIZE})
endif()
target_compile_definitions(hsim_build_settings INTERFACE HSIM_VERSION="${PROJECT_VERSION}")
