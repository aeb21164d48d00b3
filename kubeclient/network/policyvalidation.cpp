// The API server's NetworkPolicy rules, field by field, with its wording where it has one
// (metadata name, label selectors, ports and end ports, peers, ipBlock cidr and except,
// policyTypes), plus the JSON type checks the server's decoder would fail on.
#include "kubeclient/network/policyvalidation.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>
#include <regex>

namespace kube::net {

using nlohmann::json;

namespace {

constexpr size_t kDnsSubdomainMax = 253;
constexpr size_t kQualifiedNameMax = 63;
constexpr size_t kLabelValueMax = 63;
constexpr size_t kPortNameMax = 15;
constexpr int kPortMin = 1;
constexpr int kPortMax = 65535;

std::string quoted(const json &value)
{
    return value.is_string() ? "\"" + value.get<std::string>() + "\"" : value.dump();
}

class Checker
{
public:
    explicit Checker(const PolicyValidationOptions &options)
        : m_options(options)
    {
    }

    std::vector<PolicyIssue> run(const json &policy)
    {
        if (!policy.is_object()) {
            add("", "a NetworkPolicy must be a JSON object");
            return std::move(m_issues);
        }
        metadata(policy.value("metadata", json()));
        const auto spec = policy.find("spec");
        if (spec != policy.end() && !spec->is_null())
            this->spec(*spec, "spec");
        return std::move(m_issues);
    }

private:
    void add(std::string field, std::string message) { m_issues.push_back({std::move(field), std::move(message)}); }

    void metadata(const json &meta)
    {
        if (!meta.is_object()) {
            add("metadata.name", "Required value: name is required");
            return;
        }
        const json name = meta.value("name", json());
        if (!name.is_string() || name.get<std::string>().empty()) {
            add("metadata.name", "Required value: name is required");
        } else {
            const std::string n = name.get<std::string>();
            for (const auto &p : dnsSubdomainProblems(n))
                add("metadata.name", quoted(name) + ": " + p);
            if (m_options.refuseReservedPrefix && n.rfind(kReservedPolicyPrefix, 0) == 0)
                add("metadata.name",
                    quoted(name) + ": names starting with \"nsnp-\" are reserved for KubeSphere's network policy "
                                   "controller, which deletes such NetworkPolicies when it did not generate them; "
                                   "choose another name");
        }
        const json ns = meta.value("namespace", json());
        if (m_options.requireNamespace && (!ns.is_string() || ns.get<std::string>().empty()))
            add("metadata.namespace", "Required value: a NetworkPolicy lives in a project (namespace)");
        if (const auto labels = meta.find("labels"); labels != meta.end() && !labels->is_null())
            labelMap(*labels, "metadata.labels");
    }

    void spec(const json &spec, const std::string &path)
    {
        if (!spec.is_object()) {
            add(path, "must be an object");
            return;
        }
        if (const auto sel = spec.find("podSelector"); sel != spec.end() && !sel->is_null())
            selector(*sel, path + ".podSelector");
        rules(spec, path, "ingress", "from");
        rules(spec, path, "egress", "to");
        policyTypes(spec, path);
    }

    void rules(const json &spec, const std::string &path, const char *key, const char *peersKey)
    {
        const auto list = spec.find(key);
        if (list == spec.end() || list->is_null())
            return;
        const std::string listPath = path + "." + key;
        if (!list->is_array()) {
            add(listPath, "must be a list of rules");
            return;
        }
        for (size_t i = 0; i < list->size(); ++i) {
            const json &rule = (*list)[i];
            const std::string rulePath = listPath + "[" + std::to_string(i) + "]";
            if (rule.is_null())
                continue;
            if (!rule.is_object()) {
                add(rulePath, "must be an object");
                continue;
            }
            if (const auto ports = rule.find("ports"); ports != rule.end() && !ports->is_null()) {
                if (!ports->is_array())
                    add(rulePath + ".ports", "must be a list of ports");
                else
                    for (size_t p = 0; p < ports->size(); ++p)
                        port((*ports)[p], rulePath + ".ports[" + std::to_string(p) + "]");
            }
            if (const auto peers = rule.find(peersKey); peers != rule.end() && !peers->is_null()) {
                if (!peers->is_array())
                    add(rulePath + "." + peersKey, "must be a list of peers");
                else
                    for (size_t p = 0; p < peers->size(); ++p)
                        peer((*peers)[p], rulePath + "." + peersKey + "[" + std::to_string(p) + "]");
            }
        }
    }

    void port(const json &port, const std::string &path)
    {
        if (!port.is_object()) {
            add(path, "must be an object");
            return;
        }
        const json protocol = port.value("protocol", json());
        if (!protocol.is_null()) {
            const std::string p = protocol.is_string() ? protocol.get<std::string>() : std::string();
            if (p != "TCP" && p != "UDP" && p != "SCTP")
                add(path + ".protocol", "Unsupported value: " + quoted(protocol)
                                            + ": supported values: \"TCP\", \"UDP\", \"SCTP\"");
        }
        const json number = port.value("port", json());
        const json endPort = port.value("endPort", json());
        if (!endPort.is_null() && !endPort.is_number_integer())
            add(path + ".endPort", "Invalid value: " + quoted(endPort) + ": must be a number");
        if (number.is_null()) {
            if (endPort.is_number_integer())
                add(path + ".endPort", "Invalid value: " + endPort.dump() + ": may not be specified when `port` is not specified");
            return;
        }
        if (number.is_number_integer()) {
            const auto n = number.get<long long>();
            if (n < kPortMin || n > kPortMax)
                add(path + ".port", "Invalid value: " + number.dump() + ": must be between 1 and 65535, inclusive");
            if (endPort.is_number_integer()) {
                const auto e = endPort.get<long long>();
                if (e < n)
                    add(path + ".endPort", "Invalid value: " + endPort.dump() + ": must be greater than or equal to `port` ("
                                               + number.dump() + ")");
                if (e < kPortMin || e > kPortMax)
                    add(path + ".endPort", "Invalid value: " + endPort.dump() + ": must be between 1 and 65535, inclusive");
            }
            return;
        }
        if (number.is_string()) {
            for (const auto &p : portNameProblems(number.get<std::string>()))
                add(path + ".port", "Invalid value: " + quoted(number) + ": " + p);
            if (endPort.is_number_integer())
                add(path + ".endPort", "Invalid value: " + endPort.dump() + ": may not be specified when `port` is non-numeric");
            return;
        }
        add(path + ".port", "Invalid value: " + number.dump() + ": must be a port number (1-65535) or a port name");
    }

    void peer(const json &peer, const std::string &path)
    {
        if (!peer.is_object()) {
            add(path, "must be an object");
            return;
        }
        int count = 0;
        bool ipBlock = false;
        for (const char *key : {"podSelector", "namespaceSelector"}) {
            const auto sel = peer.find(key);
            if (sel == peer.end() || sel->is_null())
                continue;
            ++count;
            selector(*sel, path + "." + key);
        }
        if (const auto block = peer.find("ipBlock"); block != peer.end() && !block->is_null()) {
            ++count;
            ipBlock = true;
            this->ipBlock(*block, path + ".ipBlock");
        }
        if (count == 0)
            add(path, "Required value: must specify a peer (a pod selector, a namespace selector or an ipBlock)");
        else if (count > 1 && ipBlock)
            add(path, "Forbidden: may not specify both ipBlock and another peer");
    }

    void ipBlock(const json &block, const std::string &path)
    {
        if (!block.is_object()) {
            add(path, "must be an object");
            return;
        }
        const json cidr = block.value("cidr", json());
        if (!cidr.is_string() || cidr.get<std::string>().empty()) {
            add(path + ".cidr", "Required value: a CIDR such as 10.0.0.0/8 or 2001:db8::/32");
            return;
        }
        Network net;
        if (!parse(cidr.get<std::string>(), net)) {
            add(path + ".cidr", quoted(cidr) + " is not a valid CIDR (e.g. 10.0.0.0/8 or 2001:db8::/32)");
            return;
        }
        const auto except = block.find("except");
        if (except == block.end() || except->is_null())
            return;
        if (!except->is_array()) {
            add(path + ".except", "must be a list of CIDRs");
            return;
        }
        for (size_t i = 0; i < except->size(); ++i) {
            const json &e = (*except)[i];
            const std::string ePath = path + ".except[" + std::to_string(i) + "]";
            Network inner;
            if (!e.is_string() || !parse(e.get<std::string>(), inner)) {
                // The server stops at the first unparsable entry.
                add(ePath, quoted(e) + " is not a valid CIDR");
                return;
            }
            if (!net.contains(inner) || inner.prefix <= net.prefix)
                add(ePath, quoted(e) + " must be a strict subset of `cidr` (" + cidr.get<std::string>() + ")");
        }
    }

    void selector(const json &sel, const std::string &path)
    {
        if (!sel.is_object()) {
            add(path, "must be a label selector object");
            return;
        }
        if (const auto labels = sel.find("matchLabels"); labels != sel.end() && !labels->is_null())
            labelMap(*labels, path + ".matchLabels");
        const auto exprs = sel.find("matchExpressions");
        if (exprs == sel.end() || exprs->is_null())
            return;
        if (!exprs->is_array()) {
            add(path + ".matchExpressions", "must be a list");
            return;
        }
        for (size_t i = 0; i < exprs->size(); ++i) {
            const json &e = (*exprs)[i];
            const std::string ePath = path + ".matchExpressions[" + std::to_string(i) + "]";
            if (!e.is_object()) {
                add(ePath, "must be an object");
                continue;
            }
            const json op = e.value("operator", json());
            const json values = e.value("values", json::array());
            const size_t nValues = values.is_array() ? values.size() : 0;
            const std::string o = op.is_string() ? op.get<std::string>() : std::string();
            if (o == "In" || o == "NotIn") {
                if (nValues == 0)
                    add(ePath + ".values", "Required value: must be specified when `operator` is 'In' or 'NotIn'");
            } else if (o == "Exists" || o == "DoesNotExist") {
                if (nValues > 0)
                    add(ePath + ".values", "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
            } else {
                add(ePath + ".operator", "Invalid value: " + quoted(op) + ": not a valid selector operator (In, NotIn, Exists, DoesNotExist)");
            }
            const json key = e.value("key", json());
            if (!key.is_string())
                add(ePath + ".key", "Required value: a label key");
            else
                for (const auto &p : labelKeyProblems(key.get<std::string>()))
                    add(ePath + ".key", "Invalid value: " + quoted(key) + ": " + p);
            if (!values.is_array()) {
                add(ePath + ".values", "must be a list of strings");
                continue;
            }
            for (size_t v = 0; v < values.size(); ++v) {
                const std::string vPath = ePath + ".values[" + std::to_string(v) + "]";
                if (!values[v].is_string()) {
                    add(vPath, "must be a string");
                    continue;
                }
                for (const auto &p : labelValueProblems(values[v].get<std::string>()))
                    add(vPath, "Invalid value: " + quoted(values[v]) + ": " + p);
            }
        }
    }

    void labelMap(const json &labels, const std::string &path)
    {
        if (!labels.is_object()) {
            add(path, "must be a map of label keys to values");
            return;
        }
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            for (const auto &p : labelKeyProblems(it.key()))
                add(path, "Invalid value: \"" + it.key() + "\": " + p);
            if (!it.value().is_string()) {
                add(path + "." + it.key(), "must be a string");
                continue;
            }
            for (const auto &p : labelValueProblems(it.value().get<std::string>()))
                add(path, "Invalid value: " + quoted(it.value()) + ": " + p);
        }
    }

    void policyTypes(const json &spec, const std::string &path)
    {
        const auto types = spec.find("policyTypes");
        if (types == spec.end() || types->is_null())
            return;
        if (!types->is_array()) {
            add(path + ".policyTypes", "must be a list (Ingress, Egress)");
            return;
        }
        if (types->size() > 2) {
            add(path + ".policyTypes", "Invalid value: " + types->dump() + ": may not specify more than two policyTypes");
            return;
        }
        for (size_t i = 0; i < types->size(); ++i) {
            const json &t = (*types)[i];
            if (!(t == "Ingress" || t == "Egress"))
                add(path + ".policyTypes[" + std::to_string(i) + "]",
                    "Unsupported value: " + quoted(t) + ": supported values: \"Ingress\", \"Egress\"");
        }
    }

    struct Network {
        bool v6 = false;
        std::array<unsigned char, 16> bytes{};
        int prefix = 0;
        bool contains(const Network &other) const
        {
            if (v6 != other.v6)
                return false;
            for (int bit = 0; bit < prefix; ++bit) {
                const int byte = bit / 8, mask = 0x80 >> (bit % 8);
                if ((bytes[size_t(byte)] & mask) != (other.bytes[size_t(byte)] & mask))
                    return false;
            }
            return true;
        }
    };

    static bool parse(const std::string &text, Network &out)
    {
        const auto slash = text.find('/');
        if (slash == std::string::npos || slash + 1 >= text.size())
            return false;
        const std::string addr = text.substr(0, slash), len = text.substr(slash + 1);
        if (len.size() > 3 || len.find_first_not_of("0123456789") != std::string::npos)
            return false;
        out.prefix = std::stoi(len);
        if (addr.find(':') != std::string::npos) {
            out.v6 = true;
            if (inet_pton(AF_INET6, addr.c_str(), out.bytes.data()) != 1)
                return false;
            return out.prefix <= 128;
        }
        out.v6 = false;
        if (inet_pton(AF_INET, addr.c_str(), out.bytes.data()) != 1)
            return false;
        return out.prefix <= 32;
    }

    const PolicyValidationOptions &m_options;
    std::vector<PolicyIssue> m_issues;
};

} // namespace

std::vector<PolicyIssue> validateNetworkPolicy(const json &policy, const PolicyValidationOptions &options)
{
    return Checker(options).run(policy);
}

std::string describe(const std::vector<PolicyIssue> &issues)
{
    std::string out;
    for (const auto &i : issues) {
        if (!out.empty())
            out += '\n';
        out += i.text();
    }
    return out;
}

bool isValidCidr(const std::string &cidr)
{
    json block = {{"cidr", cidr}};
    json policy = {{"metadata", {{"name", "x"}}}, {"spec", {{"ingress", {{{"from", {{{"ipBlock", block}}}}}}}}}};
    PolicyValidationOptions o;
    o.requireNamespace = false;
    return validateNetworkPolicy(policy, o).empty();
}

std::vector<std::string> portNameProblems(const std::string &name)
{
    // IANA_SVC_NAME (RFC 6335), as apimachinery's IsValidPortName words it.
    std::vector<std::string> out;
    if (name.size() < 1 || name.size() > kPortNameMax)
        out.push_back("must be no more than 15 characters");
    static const std::regex chars("^[-a-z0-9]+$"), letter("[a-z]");
    if (!std::regex_match(name, chars))
        out.push_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    if (!std::regex_search(name, letter))
        out.push_back("must contain at least one letter (a-z)");
    if (name.find("--") != std::string::npos)
        out.push_back("must not contain consecutive hyphens");
    if (!name.empty() && (name.front() == '-' || name.back() == '-'))
        out.push_back("must not begin or end with a hyphen");
    return out;
}

std::vector<std::string> dnsSubdomainProblems(const std::string &name)
{
    std::vector<std::string> out;
    if (name.size() > kDnsSubdomainMax)
        out.push_back("must be no more than 253 characters");
    static const std::regex re("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    if (!std::regex_match(name, re))
        out.push_back("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                      "and must start and end with an alphanumeric character (e.g. 'example.com')");
    return out;
}

std::vector<std::string> labelKeyProblems(const std::string &key)
{
    std::vector<std::string> out;
    std::string name = key;
    if (const auto slash = key.find('/'); slash != std::string::npos) {
        const std::string prefix = key.substr(0, slash);
        name = key.substr(slash + 1);
        if (prefix.empty())
            out.push_back("prefix part must be non-empty");
        else
            for (const auto &p : dnsSubdomainProblems(prefix))
                out.push_back("prefix part " + p);
        if (name.find('/') != std::string::npos) {
            out.push_back("a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an "
                          "optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return out;
        }
    }
    if (name.empty()) {
        out.push_back("name part must be non-empty");
        return out;
    }
    if (name.size() > kQualifiedNameMax)
        out.push_back("name part must be no more than 63 characters");
    static const std::regex re("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    if (!std::regex_match(name, re))
        out.push_back("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                      "with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')");
    return out;
}

std::vector<std::string> labelValueProblems(const std::string &value)
{
    std::vector<std::string> out;
    if (value.size() > kLabelValueMax)
        out.push_back("must be no more than 63 characters");
    static const std::regex re("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
    if (!std::regex_match(value, re))
        out.push_back("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                      "and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')");
    return out;
}

} // namespace kube::net
