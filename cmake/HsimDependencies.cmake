# Every dependency comes from a Debian 12 package; nothing is downloaded.
find_package(Boost 1.74 REQUIRED)                # Boost.Graph is header-only
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(yaml-cpp 0.7 REQUIRED)
find_package(TBB 2021 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(NLopt 2.7 REQUIRED)
if(HSIM_MPI)
  find_package(MPI 3.1 REQUIRED COMPONENTS CXX)
endif()
if(HSIM_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)
endif()

# Random123 is header-only and ships no CMake package.
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
add_library(hsim_random123 INTERFACE)
target_include_directories(hsim_random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})

# yaml-cpp 0.7 on Debian exports the target without a namespace.
if(TARGET yaml-cpp AND NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()
