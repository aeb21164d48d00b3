// Tenantry's CRDs and built-in roles, compiled into the program (generated from resources/ by
// embed.cmake) so installing needs no source tree. Plain C++, no Qt.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tenantry::resources {

// file name relative to the source root ("resources/crds/iam.kubesphere.io_users.yaml") and its text
using Manifest = std::pair<std::string, std::string>;

// Every CRD, one per file, in file-name order.
std::vector<Manifest> crdManifests();
// Categories, RoleTemplates, platform/cluster roles, bindings and BuiltinRoles, in install order.
std::vector<Manifest> builtinManifests();

} // namespace tenantry::resources
