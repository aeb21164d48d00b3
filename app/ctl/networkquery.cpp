// Parsing and rendering for can-reach and flows; no I/O, so the unit tests see exactly what the
// commands print.
#include "networkquery.h"

#include "tenancytable.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace ctl {

using kube::Error;
using kube::ErrorKind;
using namespace kube::net;

namespace {

Error usage(const std::string &message) { return Error::make(ErrorKind::Invalid, message); }

std::string upper(std::string s)
{
    for (auto &c : s)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string refText(const RuleRef &r) { return r.ns + "/" + r.policy + (r.rule >= 0 ? " rule " + std::to_string(r.rule) : ""); }

nlohmann::json refJson(const NetworkPolicySet &set, const RuleRef &r)
{
    return {{"namespace", r.ns}, {"policy", r.policy}, {"rule", r.rule}, {"text", set.ruleText(r)}};
}

std::string podText(const Endpoint &e)
{
    std::string labels;
    for (const auto &[k, v] : e.pod)
        labels += (labels.empty() ? "" : ",") + k + "=" + v;
    return "pods {" + labels + "} of " + e.ns;
}

} // namespace

kube::Result<Labels> parseLabelList(const std::string &text, const std::string &flag)
{
    Labels out;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            return usage(flag + ": \"" + item + "\" is not key=value (labels are written k=v,k2=v2)");
        const std::string key = item.substr(0, eq);
        if (out.count(key))
            return usage(flag + ": label \"" + key + "\" is given twice");
        out[key] = item.substr(eq + 1);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

kube::Result<TrafficPort> parsePortFlag(const std::string &text)
{
    TrafficPort port;
    const std::size_t slash = text.find('/');
    const std::string number = text.substr(0, slash);
    if (number.empty() || number.size() > 5 || number.find_first_not_of("0123456789") != std::string::npos
        || std::stoi(number) < 1 || std::stoi(number) > 65535)
        return usage("--port: \"" + text + "\" is not a port (1-65535, optionally /TCP, /UDP or /SCTP)");
    port.number = std::stoi(number);
    if (slash != std::string::npos) {
        port.protocol = upper(text.substr(slash + 1));
        if (port.protocol != "TCP" && port.protocol != "UDP" && port.protocol != "SCTP")
            return usage("--port: protocol \"" + text.substr(slash + 1) + "\" is not TCP, UDP or SCTP");
    }
    return port;
}

kube::Result<CanReachQuery> parseCanReach(const CommandArgs &args)
{
    const auto &pos = args.positional();
    if (pos.size() != 2)
        return usage("can-reach takes two namespaces, FROM_NS and TO_NS (got " + std::to_string(pos.size()) + ")");
    CanReachQuery q;
    q.from.ns = pos[0];
    q.to.ns = pos[1];
    for (const auto *e : {&q.from, &q.to})
        if (e->ns.empty())
            return usage("a namespace may not be empty");
    auto from = parseLabelList(args.value("--from-labels"), "--from-labels");
    if (!from)
        return from.error();
    auto to = parseLabelList(args.value("--to-labels"), "--to-labels");
    if (!to)
        return to.error();
    q.from.pod = *from;
    q.to.pod = *to;
    if (args.has("--port")) {
        auto port = parsePortFlag(args.value("--port"));
        if (!port)
            return port.error();
        q.port = *port;
    }
    return q;
}

std::vector<std::string> explainDecision(const NetworkPolicySet &set, const CanReachQuery &q, const Decision &d)
{
    std::vector<std::string> out;
    const std::string port = std::to_string(q.port.number) + "/" + q.port.protocol;
    auto side = [&](const char *what, const Endpoint &self, bool isolated, bool allowed,
                    const std::vector<RuleRef> &selectedBy, const std::vector<RuleRef> &allowedBy) {
        const std::string head = std::string(what) + " at " + self.ns + " (" + podText(self) + "): ";
        if (!isolated) {
            out.push_back(head + "allowed: no NetworkPolicy selects these pods for " + what);
            return;
        }
        std::string policies;
        for (const auto &r : selectedBy)
            policies += (policies.empty() ? "" : ", ") + r.policy;
        if (!allowed) {
            out.push_back(head + "denied: selected by " + policies + "; no rule allows " + port);
            for (const auto &r : selectedBy)
                for (int i = 0;; ++i) {
                    const std::string text = set.ruleText({r.ns, r.policy, r.direction, i});
                    if (text.empty())
                        break;
                    out.push_back("  " + r.ns + "/" + r.policy + " rule " + std::to_string(i) + " does not match: " + text);
                }
            return;
        }
        out.push_back(head + "allowed (selected by " + policies + ")");
        for (const auto &r : allowedBy)
            out.push_back("  " + refText(r) + ": " + set.ruleText(r));
    };
    side("egress", q.from, d.egressIsolated, d.egressAllowed, d.egressSelectedBy, d.egressAllowedBy);
    side("ingress", q.to, d.ingressIsolated, d.ingressAllowed, d.ingressSelectedBy, d.ingressAllowedBy);
    return out;
}

FlowsView flowsView(const NetworkPolicySet &, const FlowMap &map,
                    const std::function<std::string(const std::string &)> &workspaceOf, const std::string &workspace)
{
    FlowsView view;
    view.workspaceOf = workspaceOf;
    std::set<std::string> members;
    for (const auto &ns : map.namespaces())
        if (workspace.empty() || workspaceOf(ns) == workspace) {
            view.namespaces.push_back(ns);
            members.insert(ns);
        }
    // Projects grouped by workspace (namespaces outside workspaces last).
    std::stable_sort(view.namespaces.begin(), view.namespaces.end(), [&](const std::string &a, const std::string &b) {
        const std::string wa = workspaceOf(a), wb = workspaceOf(b);
        if (wa.empty() != wb.empty())
            return wb.empty();
        return wa < wb;
    });
    auto shown = [&](const NamespaceFlow &f) { return members.count(f.from) || members.count(f.to); };
    for (const auto &f : map.restrictedFlows())
        if (shown(f))
            view.flows.push_back(f);
    for (auto &f : map.noneFlows())
        if (shown(f))
            view.flows.push_back(std::move(f));
    std::sort(view.flows.begin(), view.flows.end(), [](const NamespaceFlow &x, const NamespaceFlow &y) {
        return std::tie(x.from, x.to) < std::tie(y.from, y.to);
    });
    return view;
}

void printFlowsTable(FILE *out, const FlowMap &map, const FlowsView &view)
{
    TenancyTable namespaces({"NAMESPACE", "WORKSPACE", "INGRESS", "EGRESS"});
    for (const auto &ns : view.namespaces) {
        const std::string ws = view.workspaceOf(ns);
        namespaces.addRow({ns, ws.empty() ? "-" : ws, map.ingressOpen(ns) ? "open" : "restricted",
                           map.egressOpen(ns) ? "open" : "restricted"});
    }
    namespaces.print(out, "No namespaces found");
    if (view.flows.empty()) {
        std::fprintf(out, "\nNo NetworkPolicy restricts traffic between these namespaces: every pair is open.\n");
        return;
    }
    TenancyTable flows({"FROM", "TO", "REACH", "RULES", "DETAIL"});
    for (const auto &f : view.flows) {
        std::string rules;
        for (const auto *list : {&f.egressRules, &f.ingressRules})
            for (const auto &r : *list)
                rules += (rules.empty() ? "" : ",") + r.ns + "/" + r.policy + "#" + std::to_string(r.rule);
        flows.addRow({f.from, f.to, toString(f.reach), rules.empty() ? "-" : rules, f.detail});
    }
    std::fprintf(out, "\n");
    flows.print(out);
    std::fprintf(out, "\nPairs not listed are open: no NetworkPolicy restricts them.\n");
}

nlohmann::json flowsJson(const NetworkPolicySet &set, const FlowMap &map, const FlowsView &view,
                         const std::vector<std::string> &warnings)
{
    nlohmann::json doc = {{"namespaces", nlohmann::json::array()},
                          {"workspaces", nlohmann::json::array()},
                          {"flows", nlohmann::json::array()},
                          {"warnings", warnings},
                          {"note", "pairs not listed in flows are open: no NetworkPolicy restricts them"}};
    std::map<std::string, std::vector<std::string>> byWorkspace;
    for (const auto &ns : view.namespaces) {
        const std::string ws = view.workspaceOf(ns);
        byWorkspace[ws].push_back(ns);
        doc["namespaces"].push_back(
            {{"name", ns}, {"workspace", ws}, {"ingressOpen", map.ingressOpen(ns)}, {"egressOpen", map.egressOpen(ns)}});
    }
    for (const auto &[ws, projects] : byWorkspace)
        doc["workspaces"].push_back({{"name", ws}, {"projects", projects}});
    for (const auto &f : view.flows) {
        nlohmann::json flow = {{"from", f.from},
                               {"to", f.to},
                               {"reach", toString(f.reach)},
                               {"detail", f.detail},
                               {"egressRules", nlohmann::json::array()},
                               {"ingressRules", nlohmann::json::array()}};
        for (const auto &r : f.egressRules)
            flow["egressRules"].push_back(refJson(set, r));
        for (const auto &r : f.ingressRules)
            flow["ingressRules"].push_back(refJson(set, r));
        doc["flows"].push_back(std::move(flow));
    }
    return doc;
}

} // namespace ctl
