// Tolerant reads shared by the code that reads both nlohmann::json and kube::FrozenJson (views,
// ObjectMeta, the store's indexes): a missing member or a mistyped value reads as empty, never
// throws, since objects come from clusters we do not control.
#pragma once

#include "kubeclient/core/frozenjson.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kube::jsonread {

template <typename J>
const J &emptyJson()
{
    if constexpr (std::is_same_v<J, FrozenJson>) {
        return FrozenJson::null();
    } else {
        static const J *empty = new J;
        return *empty;
    }
}

template <typename J>
const J &emptyArray()
{
    if constexpr (std::is_same_v<J, FrozenJson>) {
        return FrozenJson::emptyArray();
    } else {
        static const J *empty = new J(J::array());
        return *empty;
    }
}

// j[key] when j is an object that has it, else null.
template <typename J>
const J &member(const J &j, const char *key)
{
    if (!j.is_object())
        return emptyJson<J>();
    const auto it = j.find(key);
    return it == j.end() ? emptyJson<J>() : *it;
}

// The string, or "" when j is not one.
template <typename J>
std::string str(const J &j)
{
    if constexpr (std::is_same_v<J, FrozenJson>)
        return std::string(j.text());
    else
        return j.is_string() ? j.template get_ref<const std::string &>() : std::string();
}

} // namespace kube::jsonread
