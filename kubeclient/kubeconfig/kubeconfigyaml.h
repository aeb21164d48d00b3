// YAML the way kubectl reads and writes it: scalar typing of go-yaml v2 (YAML 1.1: yes/no/on/off
// are booleans, 0777 is octal) and the output style of `kubectl config view` (sorted keys,
// indentless sequences, quoting only where a plain scalar would change type).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace kube {

class KubeconfigYaml
{
public:
    enum class ScalarType { Null, Bool, Int, UInt, Float, Timestamp, String };

    struct Scalar {
        ScalarType type = ScalarType::String;
        bool boolValue = false;
        std::int64_t intValue = 0;
        std::uint64_t uintValue = 0;
        double floatValue = 0.0;
    };

    // What go-yaml v2 makes of an unquoted, untagged scalar.
    static Scalar resolvePlain(std::string_view text);

    // The scalar as a JSON value, as sigs.k8s.io/yaml's YAMLToJSON would produce it
    // (integral floats become integers, timestamps stay strings).
    static nlohmann::json plainToJson(std::string_view text);

    // A JSON document rendered as kubectl renders it with -o yaml.
    static std::string dump(const nlohmann::ordered_json &document);
};

} // namespace kube
