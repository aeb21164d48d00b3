// The NetworkPolicy editor's form as data, and its conversion to and from the object: pod
// selector and peers' selectors as "key=value, ..." text, policy types, ingress and egress
// rules with peers (namespace selector, pod selector, ipBlock with except) and ports (protocol,
// number or name, end port). What the form cannot show (unknown fields, matchExpressions) is
// kept from the object it was filled from and written back. No widgets: the dialog edits this.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

struct NetworkPolicyPortForm {
    QString protocol = QStringLiteral("TCP");  // "" when the object left it out (TCP by default)
    QString port;     // "" (every port), a number, or a named port
    QString endPort;  // "" or a number >= port
    nlohmann::json extra = nlohmann::json::object();  // fields the form does not show
};

struct NetworkPolicyPeerForm {
    // Which selectors the peer carries; an ipBlock stands alone.
    bool namespaceSelector = true;
    bool podSelector = false;
    bool ipBlock = false;
    QString namespaceLabels;  // "kubesphere.io/workspace=ws1" (workspace picker), "" = every namespace
    QString podLabels;        // "app=web", "" = every pod
    QString cidr;
    QString except;  // comma separated
    // matchExpressions and other selector fields the text does not show, kept as they were.
    nlohmann::json namespaceExtra = nlohmann::json::object();
    nlohmann::json podExtra = nlohmann::json::object();
    nlohmann::json extra = nlohmann::json::object();
    // One line for a list: "namespaces kubesphere.io/workspace=ws1, pods app=web".
    QString summary() const;
};

struct NetworkPolicyRuleForm {
    QList<NetworkPolicyPeerForm> peers;  // none: from / to anywhere
    QList<NetworkPolicyPortForm> ports;  // none: every port
    nlohmann::json extra = nlohmann::json::object();
};

class NetworkPolicyForm
{
    Q_DECLARE_TR_FUNCTIONS(NetworkPolicyForm)

public:
    QString name;
    QString ns;
    QString podLabels;  // spec.podSelector.matchLabels; "" selects every pod of the project
    nlohmann::json podExtra = nlohmann::json::object();
    bool ingressType = true;
    bool egressType = false;
    QList<NetworkPolicyRuleForm> ingress, egress;
    // The object the form was filled from (edit), or null (new): its other fields are kept.
    nlohmann::json base;

    // A new policy in `ns`: every pod, Ingress, no rule (denies all incoming traffic).
    static NetworkPolicyForm blank(const QString &ns);
    static NetworkPolicyForm fromJson(const nlohmann::json &policy);
    // The object; a problem (a label text that is not key=value, an end port that is not a
    // number) names the field as the API server would and returns null.
    nlohmann::json toJson(QString *problem = nullptr) const;

    // "k=v, k2=v2" <-> matchLabels.
    static nlohmann::json parseLabels(const QString &text, const QString &field, QString *problem);
    static QString labelsText(const nlohmann::json &matchLabels);
    // The namespace-selector text of the workspace and project pickers.
    static QString workspaceLabels(const QString &workspace);
    static QString projectLabels(const QString &project);
};
