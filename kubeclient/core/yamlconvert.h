// JSON <-> YAML for manifests and plans: YAML (block style, kubectl-like) out, and YAML
// documents (several per text) in, with errors that name the document and line.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kube {

// One YAML document (no leading "---"); strings that YAML would read as another type are quoted.
std::string toYaml(const nlohmann::json &value);
// Several documents separated by "---".
std::string toYamlDocuments(const std::vector<nlohmann::json> &documents);
// Parses every document of a YAML (or JSON) text; empty documents are skipped.
// `where` names the source in errors ("file.yaml").
Result<std::vector<nlohmann::json>> parseYamlDocuments(std::string_view text, const std::string &where);

} // namespace kube
