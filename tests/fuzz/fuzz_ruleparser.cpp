// The --rule / --non-resource-rule parser. Invariant (ruleparser.h): a rule that parses formats
// to text that parses back to the same rule: parseRule(formatRule(r)) == r.
#include "fuzzcheck.h"
#include "kubeclient/kubesphere/ruleparser.h"

#include <cstdint>
#include <string>

using kube::tenancy::RuleKind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const RuleKind kKinds[] = {RuleKind::Any, RuleKind::Resource, RuleKind::NonResource};
    const RuleKind kind = kKinds[data[0] % 3];
    const std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);
    auto rule = kube::tenancy::parseRule(text, kind);
    if (!rule.ok())
        return 0;
    const std::string formatted = kube::tenancy::formatRule(*rule);
    auto again = kube::tenancy::parseRule(formatted, kind);
    FUZZ_CHECK(again.ok(), "formatRule's text does not parse: " + formatted + " (" +
                               (again.ok() ? std::string() : again.error().message) + ")");
    FUZZ_CHECK(*again == *rule, "parseRule(formatRule(r)) != r: " + rule->dump() + " -> " + formatted + " -> " + again->dump());
    return 0;
}
