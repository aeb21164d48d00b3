// The skeleton of one cluster's tenancy tree (names, counts, flags per node), built from a
// graph snapshot on a worker thread so the GUI thread only merges two sorted lists.
#pragma once

#include "kubeclient/tenancy/graph/graphsnapshot.h"

#include <QByteArray>
#include <QString>

#include <bitset>
#include <optional>
#include <vector>

struct OutlineEntry {
    enum Flag : unsigned {
        Deleting = 1u << 0,     // deletionTimestamp set
        Disabled = 1u << 1,     // a user whose state is Disabled
        BuiltIn = 1u << 2,      // a role KubeSphere (or Tenantry in standalone) creates itself
        ReachableOnly = 1u << 3,  // a namespace known only from a rules review or a pin
        Isolated = 1u << 4,     // network isolation on
        Orphaned = 1u << 5,     // a project labelled with a workspace that does not exist
    };
    QString name;
    QString alias;
    QString detail;   // a short line for the tooltip (manager, e-mail, rule count...)
    int count = -1;   // shown beside the node; -1: nothing
    unsigned flags = 0;

    bool operator==(const OutlineEntry &other) const = default;
};

struct OutlineWorkspace {
    OutlineEntry entry;
    std::vector<OutlineEntry> projects;  // sorted by name (NaturalOrder)

    bool operator==(const OutlineWorkspace &other) const = default;
};

struct TenancyOutline {
    // Every list is sorted by name in NaturalOrder ("ws-2" before "ws-10").
    std::vector<OutlineEntry> users, globalRoles, clusterRoles;
    std::vector<OutlineWorkspace> workspaces;
    std::vector<OutlineEntry> orphanProjects;      // namespaces of no (existing) workspace
    std::vector<OutlineEntry> reachableProjects;   // known only from rules reviews and pins
    // Whether the kinds behind a section were listed: a forbidden kind shows as "no access"
    // instead of an empty list that would look like "none exist".
    enum class Section { Loading, Known, Forbidden };
    Section usersState = Section::Loading, globalRolesState = Section::Loading,
            clusterRolesState = Section::Loading, workspacesState = Section::Loading,
            projectsState = Section::Loading;
    std::uint64_t graphVersion = 0;

    std::size_t projectTotal() const;
    // The outline as bytes, for the tenancy cache's preview (the tree at start, before any
    // object is decoded), and back. decode gives nullopt for bytes this version did not write
    // (another version, cut short, or garbage), never a partial outline. graphVersion is not kept.
    QByteArray encode() const;
    static std::optional<TenancyOutline> decode(const QByteArray &bytes);
    // forbidden: the kinds this identity may not list (from the session's watches).
    static TenancyOutline build(const kube::tenancy::GraphSnapshot &snapshot,
                                const std::bitset<kube::tenancy::kGraphKindCount> &forbidden = {});
};
