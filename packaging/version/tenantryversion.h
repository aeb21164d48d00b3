// The one version of Tenantry: CMake's project(VERSION) plus where the build came from (`git
// describe --always --dirty` at build time). tenantry, tenantryctl and the .deb all read it here.
#pragma once

#include <string>

namespace tenantry {

// "0.1.0": the project version (CMakeLists.txt), also the Debian package's version.
const char *version();
// "50bb4f3" or "v0.1.0-3-g50bb4f3-dirty"; empty when built outside a git checkout.
const char *gitDescribe();
// "0.1.0 (git 50bb4f3-dirty)", or "0.1.0" without git: what --version prints after the name.
std::string versionText();

} // namespace tenantry
