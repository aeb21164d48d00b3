// metav1.LabelSelector parsing (the client's one selector parser, net::Selector, and the RBAC
// wrapper LabelSelector). Input: a JSON selector, then '\n', then a JSON map of labels to match.
// Invariants: the stable key does not depend on the order of matchExpressions' values; a
// selector with only matchLabels selects its own witness.
#include "fuzzcheck.h"
#include "kubeclient/network/netselector.h"
#include "kubeclient/rbac/labelselector.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const auto newline = input.find('\n');
    const auto selectorJson = nlohmann::json::parse(input.substr(0, newline), nullptr, false);
    if (selectorJson.is_discarded())
        return 0;
    std::map<std::string, std::string> labels;
    if (newline != std::string_view::npos) {
        const auto labelsJson = nlohmann::json::parse(input.substr(newline + 1), nullptr, false);
        if (labelsJson.is_object())
            for (auto it = labelsJson.begin(); it != labelsJson.end(); ++it)
                if (it.value().is_string())
                    labels[it.key()] = it.value().get<std::string>();
    }

    const auto rbacSelector = kube::rbac::LabelSelector::fromJson(selectorJson);
    (void)rbacSelector.valid();
    (void)rbacSelector.matches(labels);

    auto selector = kube::net::Selector::parse(selectorJson, "spec.podSelector");
    if (!selector.ok())
        return 0;
    (void)selector->matches(labels);
    (void)selector->toString();
    std::map<std::string, std::set<std::string>> values;
    selector->collectValues(values);
    const auto witness = selector->witness("other");
    if (selectorJson.contains("matchLabels") && !selectorJson.contains("matchExpressions"))
        FUZZ_CHECK(selector->matches(witness), "a matchLabels selector does not match its witness: " + selector->toString());
    // Reversing every values list must not change what the selector is.
    if (selectorJson.contains("matchExpressions") && selectorJson["matchExpressions"].is_array()) {
        nlohmann::json reversed = selectorJson;
        for (auto &e : reversed["matchExpressions"])
            if (e.is_object() && e.contains("values") && e["values"].is_array())
                std::reverse(e["values"].begin(), e["values"].end());
        auto other = kube::net::Selector::parse(reversed, "spec.podSelector");
        FUZZ_CHECK(other.ok(), "reordering values made the selector invalid");
        FUZZ_CHECK(other->key() == selector->key(), "the key depends on the order of values");
    }
    return 0;
}
