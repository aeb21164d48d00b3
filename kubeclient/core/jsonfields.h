// Typed reads of one member of a JSON object that never throw: text from a file or a server is
// only text, and a number where a string belongs must read as "absent", not end the program
// (nlohmann's value() and get<>() throw type_error on a mismatch).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace kube {

// obj[key] when obj is an object and the member is a string; else "".
inline std::string stringField(const nlohmann::json &obj, const char *key)
{
    if (!obj.is_object())
        return {};
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace kube
