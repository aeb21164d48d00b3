// What the permission engine cannot read in an object it keeps (RBAC and KubeSphere roles and
// bindings, users, namespaces): fields of another JSON type than the API defines, as a
// manifest written by hand can have them ("subjects[0].kind is a number"). kube-apiserver's
// schema never lets such an object in; a file can. The engine reads those fields as absent and
// never throws on them; offline loads (RbacLoader::fromPath) warn with these texts so an answer
// that ignores a subject or a rule says why.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::rbac {

// "subjects[0].kind is a number, not a string", one line per field; empty when well-formed.
std::vector<std::string> shapeProblems(const nlohmann::json &object);

} // namespace kube::rbac
