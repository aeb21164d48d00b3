// What installing Tenantry's CRDs and built-ins would do to a cluster (InstallPlan) and what
// it did (InstallReport): the values Installer hands to tenantryctl and the app to show.
#pragma once

#include "kubeclient/api/resource.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace kube::tenancy {

enum class InstallAction {
    Create,     // the object does not exist yet
    Update,     // it exists and applying changes it (InstallItem::changes says where)
    Unchanged,  // it exists and applying would leave it as it is
};

const char *toString(InstallAction action);  // "create", "update", "unchanged"

// One object of the manifests, where it came from, and what applying it would do.
struct InstallItem {
    std::string file;       // "resources/builtins/30-globalroles.yaml"
    int document = 0;       // 1-based position in the file
    nlohmann::json object;  // as written in the file
    GroupVersionResource gvr;
    bool crd = false;
    InstallAction action = InstallAction::Create;
    std::vector<std::string> changes;  // JSON pointers an update would change (a few, for the reader)
    std::string note;                  // why the action was decided without asking the server, if so
    // Marked for a Helm release (`tenantryctl handover kubesphere`): the install leaves it alone.
    bool handedOver = false;

    std::string kind() const;
    std::string name() const;
    std::string ns() const;
    // "GlobalRole platform-admin"
    std::string title() const;
    // "resources/builtins/30-globalroles.yaml document 1"
    std::string source() const;
};

struct InstallPlan {
    std::string where;  // the cluster, as the client names it
    // KubeSphere (or another installer) owns the tenancy API here: nothing may be installed.
    bool kubesphereMode = false;
    std::vector<std::string> kubesphereEvidence;  // one line per finding
    std::string refusal;                          // the whole explanation for the user
    std::vector<InstallItem> items;               // CRDs first, then built-ins, in file order

    size_t count(InstallAction action) const;
    bool upToDate() const { return !kubesphereMode && count(InstallAction::Unchanged) == items.size(); }
};

struct InstallOutcome {
    std::string title;   // "GlobalRole platform-admin"
    std::string source;  // file and document
    InstallAction action = InstallAction::Create;
    // false in a dry run for objects whose CRD is not installed yet: the server cannot check
    // (or even parse) an object of a kind it does not serve.
    bool serverChecked = true;
    std::vector<std::string> changes;
    std::string note;
};

struct InstallReport {
    bool dryRun = false;
    std::vector<InstallOutcome> items;
    std::vector<std::string> notes;  // things the reader must know about the run as a whole

    size_t count(InstallAction action) const;
    size_t uncheckedCount() const;
};

struct InstallProgress {
    size_t done = 0;
    size_t total = 0;
    std::string step;  // "applying GlobalRole platform-admin", "waiting for 18 CRDs to be established"
};

using InstallProgressCallback = std::function<void(const InstallProgress &)>;

} // namespace kube::tenancy
