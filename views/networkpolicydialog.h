// Create or edit a NetworkPolicy of a project: a form (pod selector, policy types, ingress and
// egress rules with peers and ports; namespace selectors offered as workspace / project pickers)
// beside the YAML it makes, which follows every change. Validation (kube::net) names the field;
// the form keeps what was typed. The form <-> object conversion is models/networkpolicyform.
#pragma once

#include "views/plandialog.h"

#include "models/networkpolicyform.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;

class NetworkPolicyDialog final : public PlanDialog
{
    Q_OBJECT
public:
    enum PeerColumn { PeerKindColumn, PeerNamespaceColumn, PeerPodColumn, PeerCidrColumn, PeerExceptColumn, PeerColumnCount };
    enum PortColumn { PortProtocolColumn, PortNumberColumn, PortEndColumn, PortColumnCount };
    // Peer kinds offered in the Kind column, in this order.
    enum PeerKind { NamespacesPeer, PodsPeer, NamespacesAndPodsPeer, IpBlockPeer };

    // policy: "" for a new policy, else the NetworkPolicy of `project` to edit.
    NetworkPolicyDialog(PlanRunner *runner, const kube::tenancy::GraphSnapshot &snapshot, const QString &project,
                        const QString &policy, QWidget *parent = nullptr);

    bool creating() const { return m_creating; }
    const NetworkPolicyForm &form() const { return m_form; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *podSelectorEdit() const { return m_podSelector; }
    QCheckBox *ingressBox() const { return m_ingressType; }
    QCheckBox *egressBox() const { return m_egressType; }
    QListWidget *ruleList() const { return m_rules; }
    QTableWidget *peerTable() const { return m_peers; }
    QTableWidget *portTable() const { return m_ports; }
    QPlainTextEdit *yamlView() const { return m_yaml; }

    // What the Add buttons do (tests drive the dialog through these and the tables' cells).
    void addRule(bool ingress);
    void removeRule();
    void addPeer();
    void removePeer();
    void addPort();
    void removePort();

    // The policy as the form makes it; a problem names the field (form or API validation).
    nlohmann::json policy(QString *problem) const;

private:
    void loadRule();    // the selected rule into the tables
    void storeRule();   // the tables into the selected rule
    void setPeerRow(int row, const NetworkPolicyPeerForm &peer);
    void setPortRow(int row, const NetworkPolicyPortForm &port);
    void refreshRuleList();
    void changed();     // any edit: the YAML follows, the plan is stale
    NetworkPolicyRuleForm *currentRule();

    NetworkPolicyForm m_form;
    bool m_creating;
    QStringList m_namespacePicks;  // "kubesphere.io/workspace=ws1", "kubernetes.io/metadata.name=p1", ...
    QLineEdit *m_name;
    QLineEdit *m_podSelector;
    QCheckBox *m_ingressType;
    QCheckBox *m_egressType;
    QListWidget *m_rules;
    QTableWidget *m_peers;
    QTableWidget *m_ports;
    QPlainTextEdit *m_yaml;
    bool m_loading = false;
};
