// What kube-apiserver checks on a networking.k8s.io/v1 NetworkPolicy (k8s
// pkg/apis/networking/validation: ValidateNetworkPolicy and the label selector rules it calls),
// checked before anything is written, so a form can name the field. Qt-free; depends on core/.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kube::net {

// One problem, with the JSON path of the field as the API server names it
// ("spec.ingress[0].from[1].ipBlock.cidr").
struct PolicyIssue {
    std::string field;
    std::string message;  // "\"10.0.0/8\" is not a valid CIDR"
    std::string text() const { return field + ": " + message; }
    bool operator==(const PolicyIssue &other) const = default;
};

struct PolicyValidationOptions {
    // A policy a user writes may not be named "nsnp-...": KubeSphere's network policy provider
    // treats every NetworkPolicy with that prefix as its own and deletes those it did not
    // generate (ks3 pkg/simple/client/network/.../provider ns_k8s.go). Off only for the policies
    // Tenantry writes in place of that controller.
    bool refuseReservedPrefix = true;
    // metadata.namespace must be set (the policy is namespaced).
    bool requireNamespace = true;
};

// Every issue, in field order; empty when the server would accept the policy.
std::vector<PolicyIssue> validateNetworkPolicy(const nlohmann::json &policy, const PolicyValidationOptions &options = {});
// All issues joined one per line, for an error message.
std::string describe(const std::vector<PolicyIssue> &issues);

// Pieces the form uses on their own.
inline constexpr const char *kReservedPolicyPrefix = "nsnp-";
// A CIDR as Go's net.ParseCIDR reads it: IPv4 dotted quad or IPv6, "/" and a prefix length.
bool isValidCidr(const std::string &cidr);
// Problems of a port name (IANA_SVC_NAME, at most 15 characters); empty when valid.
std::vector<std::string> portNameProblems(const std::string &name);
// Problems of a label key (a qualified name, optionally with a DNS subdomain prefix) or value.
std::vector<std::string> labelKeyProblems(const std::string &key);
std::vector<std::string> labelValueProblems(const std::string &value);
// Problems of an object name (DNS-1123 subdomain).
std::vector<std::string> dnsSubdomainProblems(const std::string &name);

} // namespace kube::net
