// Everything the detail panel shows for one tree node, read from a graph snapshot: overview
// fields, labels and annotations, members, a user's bindings, roles with rules, quotas,
// network isolation and policies, and the live object as YAML. Which tabs apply follows.
#pragma once

#include "models/bindingtablemodel.h"
#include "models/connectionspec.h"
#include "models/membertablemodel.h"
#include "models/networkpolicytablemodel.h"
#include "models/nodekind.h"
#include "models/propertytablemodel.h"
#include "models/quotatablemodel.h"
#include "models/roletablemodel.h"
#include "models/sessionstatus.h"

#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include <QList>
#include <QPair>
#include <QCoreApplication>
#include <QString>

#include <vector>

class ClusterSession;

struct NodeDetails {
    Q_DECLARE_TR_FUNCTIONS(NodeDetails)

public:
    enum Tab : unsigned {
        OverviewTab = 1u << 0,
        MembersTab = 1u << 1,
        BindingsTab = 1u << 2,
        RolesTab = 1u << 3,
        QuotasTab = 1u << 4,
        NetworkTab = 1u << 5,
        YamlTab = 1u << 6,
        PermissionsTab = 1u << 7,  // the permission workbench, preset to this subject or scope
        DashboardTab = 1u << 8,    // charts: the platform's (cluster, platform), a workspace's quota use
    };

    NodeKind kind = NodeKind::Cluster;
    QString name;
    QString scope;
    bool exists = true;    // false: the object went away (the panel says so, keeps the tab)
    unsigned tabs = OverviewTab;

    QString title;         // "Workspace ws1"
    QList<QPair<QString, QString>> overview;  // label -> value, in display order
    std::vector<PropertyRow> labels, annotations;
    std::vector<MemberRow> members;
    QString membersTitle;
    std::vector<BindingRow> bindings;
    std::vector<RoleRow> roles;
    QString rolesTitle;
    std::vector<QuotaRow> quotas;
    QList<QPair<QString, QString>> containerDefaults;
    // The Quotas tab's words under the table: where usage comes from, what enforces the
    // workspace quota (standalone mode: nothing), and the budget check's warnings with numbers.
    QStringList quotaNotes;
    QStringList quotaWarnings;
    bool isolationKnown = false;
    bool isolationEnabled = false;
    QString isolationText;  // "on (workspace)", "off"...
    std::vector<NetworkPolicyRow> policies;
    // The Network tab's switch: whether this node has one (a workspace, a project of a
    // workspace), and what it does in this cluster's mode (set by the session overload).
    bool isolationSwitch = false;
    bool projectIsolated = false;  // a project's own switch (isolationEnabled also counts its workspace's)
    QString isolationExplanation;
    QString yaml;           // the live object, secrets redacted; "" when none

    static NodeDetails build(const kube::tenancy::GraphSnapshot &snapshot, NodeKind kind, const QString &name,
                             const QString &scope);
    // The same from a session's snapshot; a cluster node also gets the connection (context,
    // server, state, identity, mode, reach) at the top of its overview.
    static NodeDetails build(const ClusterSession &session, NodeKind kind, const QString &name, const QString &scope);
    // The connection's fields, prepended to the overview.
    void addConnection(const ConnectionSpec &spec, const SessionStatus &status);
    // The object as YAML the way kubectl shows it (no managedFields), passwords redacted.
    static QString yamlOf(const nlohmann::json &object);
};
