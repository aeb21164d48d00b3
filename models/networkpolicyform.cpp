// Form <-> object. Every known field is read into the form and removed from the "extra" copy;
// the extra copy is what gets merged back under the form's fields, so nothing unknown is lost.
#include "models/networkpolicyform.h"

#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/tenancy/plan/networkplans.h"

#include <QCoreApplication>

using nlohmann::json;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

json objectOr(const json &j, const char *key)
{
    if (!j.is_object())
        return json::object();
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : json::object();
}

json arrayOr(const json &j, const char *key)
{
    if (!j.is_object())
        return json::array();
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : json::array();
}

QString scalarText(const json &j)
{
    if (j.is_string())
        return qs(j.get<std::string>());
    if (j.is_number_integer())
        return QString::number(j.get<long long>());
    return {};
}

// A selector as text plus whatever else it holds (matchExpressions).
void readSelector(const json &selector, QString &labels, json &extra)
{
    extra = selector.is_object() ? selector : json::object();
    labels = NetworkPolicyForm::labelsText(objectOr(selector, "matchLabels"));
    extra.erase("matchLabels");
}

json writeSelector(const QString &labels, const json &extra, const QString &field, QString *problem)
{
    json selector = extra.is_object() ? extra : json::object();
    const json matchLabels = NetworkPolicyForm::parseLabels(labels, field + QStringLiteral(".matchLabels"), problem);
    if (matchLabels.is_null())
        return nullptr;
    if (!matchLabels.empty())
        selector["matchLabels"] = matchLabels;
    return selector;
}

NetworkPolicyPeerForm readPeer(const json &peer)
{
    NetworkPolicyPeerForm p;
    p.extra = peer.is_object() ? peer : json::object();
    p.namespaceSelector = p.extra.contains("namespaceSelector") && !p.extra["namespaceSelector"].is_null();
    p.podSelector = p.extra.contains("podSelector") && !p.extra["podSelector"].is_null();
    p.ipBlock = p.extra.contains("ipBlock") && !p.extra["ipBlock"].is_null();
    if (p.namespaceSelector)
        readSelector(p.extra["namespaceSelector"], p.namespaceLabels, p.namespaceExtra);
    if (p.podSelector)
        readSelector(p.extra["podSelector"], p.podLabels, p.podExtra);
    if (p.ipBlock) {
        const json block = objectOr(p.extra, "ipBlock");
        p.cidr = scalarText(block.value("cidr", json()));
        QStringList except;
        for (const auto &e : arrayOr(block, "except"))
            except << scalarText(e);
        p.except = except.join(QStringLiteral(", "));
    }
    for (const char *key : {"namespaceSelector", "podSelector", "ipBlock"})
        p.extra.erase(key);
    return p;
}

NetworkPolicyRuleForm readRule(const json &rule, const char *peersKey)
{
    NetworkPolicyRuleForm r;
    r.extra = rule.is_object() ? rule : json::object();
    for (const auto &peer : arrayOr(rule, peersKey))
        r.peers.append(readPeer(peer));
    for (const auto &port : arrayOr(rule, "ports")) {
        NetworkPolicyPortForm p;
        p.extra = port.is_object() ? port : json::object();
        // Absent stays absent (the server's default is TCP); a new port in the form says TCP.
        p.protocol = scalarText(p.extra.value("protocol", json()));
        p.port = scalarText(p.extra.value("port", json()));
        p.endPort = scalarText(p.extra.value("endPort", json()));
        for (const char *key : {"protocol", "port", "endPort"})
            p.extra.erase(key);
        r.ports.append(p);
    }
    r.extra.erase(peersKey);
    r.extra.erase("ports");
    return r;
}

bool isNumber(const QString &text)
{
    bool ok = false;
    text.toLongLong(&ok);
    return ok && !text.isEmpty() && (text[0].isDigit() || text[0] == QLatin1Char('-'));
}

json writeRules(const QList<NetworkPolicyRuleForm> &rules, const QString &path, const char *peersKey, QString *problem)
{
    json out = json::array();
    for (int i = 0; i < rules.size(); ++i) {
        const auto &rule = rules[i];
        const QString rulePath = QStringLiteral("%1[%2]").arg(path).arg(i);
        json r = rule.extra.is_object() ? rule.extra : json::object();
        if (!rule.peers.isEmpty()) {
            json peers = json::array();
            for (int p = 0; p < rule.peers.size(); ++p) {
                const auto &peer = rule.peers[p];
                const QString peerPath = QStringLiteral("%1.%2[%3]").arg(rulePath, QLatin1String(peersKey)).arg(p);
                json o = peer.extra.is_object() ? peer.extra : json::object();
                if (peer.ipBlock) {
                    json block = {{"cidr", peer.cidr.trimmed().toStdString()}};
                    json except = json::array();
                    for (const QString &e : peer.except.split(QLatin1Char(','), Qt::SkipEmptyParts))
                        if (!e.trimmed().isEmpty())
                            except.push_back(e.trimmed().toStdString());
                    if (!except.empty())
                        block["except"] = except;
                    o["ipBlock"] = block;
                }
                if (peer.namespaceSelector) {
                    json sel = writeSelector(peer.namespaceLabels, peer.namespaceExtra, peerPath + QStringLiteral(".namespaceSelector"), problem);
                    if (sel.is_null())
                        return nullptr;
                    o["namespaceSelector"] = sel;
                }
                if (peer.podSelector) {
                    json sel = writeSelector(peer.podLabels, peer.podExtra, peerPath + QStringLiteral(".podSelector"), problem);
                    if (sel.is_null())
                        return nullptr;
                    o["podSelector"] = sel;
                }
                peers.push_back(o);
            }
            r[peersKey] = peers;
        }
        if (!rule.ports.isEmpty()) {
            json ports = json::array();
            for (int p = 0; p < rule.ports.size(); ++p) {
                const auto &port = rule.ports[p];
                const QString portPath = QStringLiteral("%1.ports[%2]").arg(rulePath).arg(p);
                json o = port.extra.is_object() ? port.extra : json::object();
                if (!port.protocol.trimmed().isEmpty())
                    o["protocol"] = port.protocol.trimmed().toStdString();
                const QString number = port.port.trimmed(), end = port.endPort.trimmed();
                if (!number.isEmpty()) {
                    if (isNumber(number))
                        o["port"] = number.toLongLong();
                    else
                        o["port"] = number.toStdString();
                }
                if (!end.isEmpty()) {
                    if (!isNumber(end)) {
                        if (problem)
                            *problem = QStringLiteral("%1.endPort: \"%2\" ").arg(portPath, end)
                                + NetworkPolicyForm::tr("is not a number (an end port closes a range of port numbers)");
                        return nullptr;
                    }
                    o["endPort"] = end.toLongLong();
                }
                ports.push_back(o);
            }
            r["ports"] = ports;
        }
        out.push_back(r);
    }
    return out;
}

} // namespace

QString NetworkPolicyPeerForm::summary() const
{
    QStringList parts;
    if (ipBlock)
        parts << NetworkPolicyForm::tr("IP block %1").arg(cidr) + (except.trimmed().isEmpty() ? QString() : NetworkPolicyForm::tr(" except %1").arg(except));
    if (namespaceSelector)
        parts << (namespaceLabels.isEmpty() ? NetworkPolicyForm::tr("every namespace") : NetworkPolicyForm::tr("namespaces %1").arg(namespaceLabels));
    if (podSelector)
        parts << (podLabels.isEmpty() ? NetworkPolicyForm::tr("every pod") : NetworkPolicyForm::tr("pods %1").arg(podLabels));
    if (parts.isEmpty())
        parts << NetworkPolicyForm::tr("(no selector)");
    return parts.join(QStringLiteral(", "));
}

NetworkPolicyForm NetworkPolicyForm::blank(const QString &ns)
{
    NetworkPolicyForm f;
    f.ns = ns;
    return f;
}

NetworkPolicyForm NetworkPolicyForm::fromJson(const json &policy)
{
    NetworkPolicyForm f;
    f.base = policy;
    const json meta = objectOr(policy, "metadata");
    f.name = scalarText(meta.value("name", json()));
    f.ns = scalarText(meta.value("namespace", json()));
    const json spec = objectOr(policy, "spec");
    readSelector(objectOr(spec, "podSelector"), f.podLabels, f.podExtra);
    const json types = arrayOr(spec, "policyTypes");
    if (types.empty()) {
        // The API server's default: Ingress always, Egress when there are egress rules.
        f.ingressType = true;
        f.egressType = !arrayOr(spec, "egress").empty();
    } else {
        f.ingressType = std::find(types.begin(), types.end(), json("Ingress")) != types.end();
        f.egressType = std::find(types.begin(), types.end(), json("Egress")) != types.end();
    }
    for (const auto &r : arrayOr(spec, "ingress"))
        f.ingress.append(readRule(r, "from"));
    for (const auto &r : arrayOr(spec, "egress"))
        f.egress.append(readRule(r, "to"));
    return f;
}

json NetworkPolicyForm::toJson(QString *problem) const
{
    json out = base.is_object() ? base : json::object();
    out["apiVersion"] = "networking.k8s.io/v1";
    out["kind"] = "NetworkPolicy";
    if (!out["metadata"].is_object())
        out["metadata"] = json::object();
    out["metadata"]["name"] = name.trimmed().toStdString();
    out["metadata"]["namespace"] = ns.toStdString();
    json spec = objectOr(out, "spec");
    json podSelector = writeSelector(podLabels, podExtra, QStringLiteral("spec.podSelector"), problem);
    if (podSelector.is_null())
        return nullptr;
    spec["podSelector"] = podSelector;
    json types = json::array();
    if (ingressType)
        types.push_back("Ingress");
    if (egressType)
        types.push_back("Egress");
    spec["policyTypes"] = types;
    json ingressRules = writeRules(ingress, QStringLiteral("spec.ingress"), "from", problem);
    if (ingressRules.is_null())
        return nullptr;
    json egressRules = writeRules(egress, QStringLiteral("spec.egress"), "to", problem);
    if (egressRules.is_null())
        return nullptr;
    if (ingressRules.empty())
        spec.erase("ingress");
    else
        spec["ingress"] = ingressRules;
    if (egressRules.empty())
        spec.erase("egress");
    else
        spec["egress"] = egressRules;
    out["spec"] = spec;
    return out;
}

json NetworkPolicyForm::parseLabels(const QString &text, const QString &field, QString *problem)
{
    json out = json::object();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            continue;
        const int eq = item.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            if (problem)
                *problem = QStringLiteral("%1: \"%2\" ").arg(field, item) + NetworkPolicyForm::tr("is not key=value");
            return nullptr;
        }
        out[item.left(eq).trimmed().toStdString()] = item.mid(eq + 1).trimmed().toStdString();
    }
    return out;
}

QString NetworkPolicyForm::labelsText(const json &matchLabels)
{
    QStringList out;
    if (matchLabels.is_object())
        for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
            out << qs(it.key()) + QLatin1Char('=') + scalarText(it.value());
    return out.join(QStringLiteral(", "));
}

QString NetworkPolicyForm::workspaceLabels(const QString &workspace)
{
    return QString::fromLatin1(kube::tenancy::kWorkspaceLabel) + QLatin1Char('=') + workspace;
}

QString NetworkPolicyForm::projectLabels(const QString &project)
{
    return QString::fromLatin1(kube::tenancy::NetworkPlans::kNamespaceNameLabel) + QLatin1Char('=') + project;
}
