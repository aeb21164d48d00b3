// Reading a Rego module's text without an engine: where the rules of one name are defined
// (top level only, comments and strings skipped), and a "probe" copy of the module in
// another package where each of those rules has a name of its own, so one evaluation can
// tell which rule allowed a request.
#pragma once

#include "kubeclient/rbac/regoevaluator.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kube::rbac {

class RegoModule
{
public:
    explicit RegoModule(std::string text);

    const std::string &text() const { return m_text; }
    // The module's package path ("authz"), empty when the text has no package line.
    const std::string &package() const { return m_package; }
    // Every top-level rule named `name` (not its `default`), in text order.
    std::vector<RegoRule> rules(const std::string &name = "allow") const;

    // The probe: the module with its package line replaced by `package <probePackage>` and
    // each rule named `name` renamed to probeRuleName(line). Empty when the module has no
    // package line or no such rule.
    std::string probe(const std::string &probePackage, const std::string &name = "allow") const;

    // The top-level input fields the module can read: every `input` in its code is followed by
    // `.Field` (User for input.User.Name). nullopt when the module reads input in any other way
    // (input[k], x := input, import input, with input as): then every field counts. Fields it
    // cannot read cannot change its answer, so inputs may drop them (the matrix then asks one
    // question per distinct reduced input, not one per namespace).
    std::optional<std::set<std::string>> inputFields() const;
    static std::string probeRuleName(int line);        // "tenantry_rule_L12"
    static int lineOfProbeRule(const std::string &ruleName);  // 12, or 0 for another name

private:
    struct Head {
        size_t offset = 0;  // of the rule name
        int line = 0;
        std::string name;
        size_t end = 0;  // one past the rule's last character
    };

    void scan();

    std::string m_text;
    std::string m_package;
    size_t m_packageBegin = 0, m_packageEnd = 0;  // the package line, without its newline
    bool m_hasPackage = false;
    std::vector<Head> m_heads;
};

} // namespace kube::rbac
