// JSON <-> YAML for manifests and plans: YAML (block style, kubectl-like) out, and YAML
// documents (several per text) in, with errors that name the document and line.
#pragma once

#include "kubeclient/core/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kube {

// One YAML document (no leading "---"); strings that YAML would read as another type are quoted.
// libyaml's (so go-yaml's) limit for a simple key, in bytes (yaml_emitter_check_simple_key):
// a longer key is written explicit ("? key", ": value"). YAML readers take simple keys of up to
// 1,024 characters only.
inline constexpr std::size_t kMaxSimpleYamlKeyBytes = 128;

std::string toYaml(const nlohmann::json &value);
// Several documents separated by "---".
std::string toYamlDocuments(const std::vector<nlohmann::json> &documents);
// Parses every document of a YAML (or JSON) text; empty documents are skipped.
// `where` names the source in errors ("file.yaml").
Result<std::vector<nlohmann::json>> parseYamlDocuments(std::string_view text, const std::string &where);

} // namespace kube
