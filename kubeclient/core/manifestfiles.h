// Manifests from disk: a file or a folder (recursively: *.yaml, *.yml, *.json, in name order)
// of multi-document YAML or JSON, read the way every offline --from of tenantryctl reads them.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube {

struct ManifestFiles {
    std::vector<nlohmann::json> documents;  // in file order, then document order
    std::size_t files = 0;                  // files read successfully
    std::vector<std::string> warnings;      // "/dir/bad.yaml:2: invalid YAML: ... (file skipped)"
    std::vector<std::string> skipped;       // files of a folder that could not be read or parsed
};

// One text of YAML/JSON documents; `where` names it in errors. A single JSON object (a List
// from `kubectl get -o json`) takes the fast JSON parser.
Result<std::vector<nlohmann::json>> parseManifestText(const std::string &text, const std::string &where);

// In a folder, a file that cannot be read or parsed is skipped with a warning naming it and
// the line, the others still load; a single file that does not parse is an error.
Result<ManifestFiles> readManifestFiles(const std::string &path);

// The objects of a document: itself, or the items of a v1 List (any "...List" kind).
std::vector<nlohmann::json> objectsOf(const nlohmann::json &document);

} // namespace kube
