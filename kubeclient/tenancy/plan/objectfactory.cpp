// Object shapes per flavour. 4.x: iam v1beta1 kinds, subjects in iam.kubesphere.io, role-ref
// labels; 3.x: v1alpha2 kinds, project/cluster roles as RBAC, subjects in rbac.authorization.k8s.io.
#include "kubeclient/tenancy/plan/objectfactory.h"

#include "kubeclient/api/objectdiff.h"
#include "kubeclient/api/ownerrefs.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/policyrules.h"

namespace kube::tenancy {

using nlohmann::json;

namespace {
constexpr const char *kRbacGroup = "rbac.authorization.k8s.io";
constexpr const char *kIamGroup = "iam.kubesphere.io";

void setIf(json &obj, const char *key, const std::string &value)
{
    if (!value.empty())
        obj[key] = value;
}
} // namespace

const char *toString(RoleSpec::Level level)
{
    switch (level) {
    case RoleSpec::Level::Platform: return "platform";
    case RoleSpec::Level::Cluster: return "cluster";
    case RoleSpec::Level::Workspace: return "workspace";
    case RoleSpec::Level::Project: return "project";
    }
    return "unknown";
}

ObjectFactory::ObjectFactory(TenancyApi api, std::string actor)
    : m_api(std::move(api))
    , m_actor(std::move(actor))
{
}

std::string ObjectFactory::subjectApiGroup() const
{
    return m_api.flavor == ApiFlavor::V4 ? kIamGroup : kRbacGroup;
}

json ObjectFactory::meta(const std::string &name, const std::string &ns) const
{
    json m = {{"name", name}};
    if (!ns.empty())
        m["namespace"] = ns;
    return m;
}

json ObjectFactory::userSubject(const std::string &user) const
{
    return {{"apiGroup", subjectApiGroup()}, {"kind", "User"}, {"name", user}};
}

json ObjectFactory::memberSubjects(const std::string &user) const
{
    json subjects = json::array({userSubject(user)});
    // 4.x: the ServiceAccount of the user's KubeSphere kubeconfig is bound too (spec 3.8).
    if (m_api.flavor == ApiFlavor::V4)
        subjects.push_back({{"kind", "ServiceAccount"},
                            {"name", userServiceAccountName(user)},
                            {"namespace", kUserServiceAccountNamespace}});
    return subjects;
}

json ObjectFactory::workspaceOwner(const std::string &workspace) const
{
    return controllerReference(m_api.workspaceTemplate.apiVersion(), "WorkspaceTemplate", workspace);
}

json ObjectFactory::workspaceTemplate(const WorkspaceSpec &spec) const
{
    json annotations = json::object();
    setIf(annotations, kCreatorAnnotation, m_actor);
    setIf(annotations, kAliasAnnotation, spec.alias);
    setIf(annotations, kDescriptionAnnotation, spec.description);
    setIf(annotations, kDeletionPropagationAnnotation, spec.deletionPropagation);
    json clusters = json::array();
    for (const auto &c : spec.clusters)
        clusters.push_back({{"name", c}});
    json wt = {{"apiVersion", m_api.workspaceTemplate.apiVersion()},
               {"kind", "WorkspaceTemplate"},
               {"metadata", meta(spec.name)},
               {"spec", {{"placement", {{"clusters", clusters}}}, {"template", {{"spec", json::object()}}}}}};
    if (!annotations.empty())
        wt["metadata"]["annotations"] = annotations;
    json &tmpl = wt["spec"]["template"];
    setIf(tmpl["spec"], "manager", spec.manager);
    if (m_api.flavor == ApiFlavor::V4) {
        // The console stamps the creator into the template too, so the Workspace carries it.
        if (!m_actor.empty())
            tmpl["metadata"]["annotations"][kCreatorAnnotation] = m_actor;
        // Where the 4.x controller copies annotations from onto each cluster's Workspace,
        // which the network extension reads (spec 9.3; ks4 workspacetemplate_controller.go).
        if (spec.networkIsolation.value_or(false))
            tmpl["metadata"]["annotations"][kNetworkIsolateAnnotation] = kNetworkIsolateEnabled;
    } else if (spec.networkIsolation) {
        tmpl["spec"]["networkIsolation"] = *spec.networkIsolation;
    }
    return wt;
}

json ObjectFactory::workspace(const WorkspaceSpec &spec) const
{
    json ws = {{"apiVersion", m_api.workspace.apiVersion()},
               {"kind", "Workspace"},
               {"metadata", meta(spec.name)},
               {"spec", json::object()}};
    setIf(ws["spec"], "manager", spec.manager);
    json annotations = json::object();
    setIf(annotations, kCreatorAnnotation, m_actor);
    setIf(annotations, kAliasAnnotation, spec.alias);
    setIf(annotations, kDescriptionAnnotation, spec.description);
    setIf(annotations, kDeletionPropagationAnnotation, spec.deletionPropagation);
    if (m_api.flavor == ApiFlavor::V4 && spec.networkIsolation.value_or(false))
        annotations[kNetworkIsolateAnnotation] = kNetworkIsolateEnabled;
    if (m_api.flavor == ApiFlavor::V3 && spec.networkIsolation)
        ws["spec"]["networkIsolation"] = *spec.networkIsolation;
    if (!annotations.empty())
        ws["metadata"]["annotations"] = annotations;
    return ws;
}

json ObjectFactory::project(const ProjectSpec &spec) const
{
    json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", meta(spec.name)}};
    if (!spec.workspace.empty()) {
        ns["metadata"]["labels"][kWorkspaceLabel] = spec.workspace;
        // 4.x built-in project roles only target namespaces marked managed (spec 8.3).
        if (m_api.flavor == ApiFlavor::V4)
            ns["metadata"]["labels"][kManagedLabel] = "true";
    }
    json annotations = json::object();
    setIf(annotations, kCreatorAnnotation, m_actor);
    setIf(annotations, kAliasAnnotation, spec.alias);
    setIf(annotations, kDescriptionAnnotation, spec.description);
    if (!annotations.empty())
        ns["metadata"]["annotations"] = annotations;
    return ns;
}

json ObjectFactory::user(const UserSpec &spec, const std::string &state) const
{
    json u = {{"apiVersion", m_api.user.apiVersion()}, {"kind", "User"}, {"metadata", meta(spec.name)},
              {"spec", {{"email", spec.email}}}};
    setIf(u["spec"], "password", spec.password);
    setIf(u["spec"], "displayName", spec.displayName);
    setIf(u["spec"], "description", spec.description);
    setIf(u["spec"], "lang", spec.lang);
    if (!m_actor.empty())
        u["metadata"]["annotations"][kCreatorAnnotation] = m_actor;
    // The console shows a user's display name and description from these annotations; the
    // spec fields stay for ks-apiserver's own readers.
    if (!spec.displayName.empty())
        u["metadata"]["annotations"][kAliasAnnotation] = spec.displayName;
    if (!spec.description.empty())
        u["metadata"]["annotations"][kDescriptionAnnotation] = spec.description;
    if (!state.empty())
        u["status"]["state"] = state;
    return u;
}

json copyableFields(json object)
{
    if (!object.is_object())
        return json::object();
    object = withoutServerFields(std::move(object));
    if (auto m = object.find("metadata"); m != object.end() && m->is_object())
        for (const char *key : {"ownerReferences", "finalizers"})
            m->erase(key);
    return object;
}

json ObjectFactory::role(const RoleSpec &spec, const json &rules) const
{
    GroupVersionResource gvr;
    std::string ns;
    switch (spec.level) {
    case RoleSpec::Level::Platform: gvr = m_api.globalRole; break;
    case RoleSpec::Level::Cluster: gvr = m_api.clusterRole; break;
    case RoleSpec::Level::Workspace: gvr = m_api.workspaceRole; break;
    case RoleSpec::Level::Project:
        gvr = m_api.projectRole;
        ns = spec.scope;
        break;
    }
    if (spec.base.is_object()) {
        // Edit / clone: every field of the source stays; the form's fields replace theirs.
        json r = copyableFields(spec.base);
        r["apiVersion"] = gvr.apiVersion();
        r["kind"] = gvr.kind;
        if (!r["metadata"].is_object())
            r["metadata"] = json::object();
        json &m = r["metadata"];
        m["name"] = spec.name;
        if (ns.empty())
            m.erase("namespace");
        else
            m["namespace"] = ns;
        if (!spec.resourceVersion.empty())
            m["resourceVersion"] = spec.resourceVersion;
        r["rules"] = rules.is_array() ? rules : json::array();
        if (spec.level == RoleSpec::Level::Workspace) {
            m["labels"][kWorkspaceLabel] = spec.scope;
            addOwnerReference(r, workspaceOwner(spec.scope));
        }
        json annotations = m.value("annotations", json::object());
        if (!annotations.is_object())
            annotations = json::object();
        // An edit keeps the original creator (a clone's base comes without it).
        if (!m_actor.empty() && !annotations.contains(kCreatorAnnotation))
            annotations[kCreatorAnnotation] = m_actor;
        auto setOrErase = [&](const char *key, const std::string &value) {
            if (value.empty())
                annotations.erase(key);
            else
                annotations[key] = value;
        };
        setOrErase(kAliasAnnotation, spec.alias);
        setOrErase(kDescriptionAnnotation, spec.description);
        if (m_api.flavor == ApiFlavor::V4) {
            json agg = r.value("aggregationRoleTemplates", json::object());
            if (!agg.is_object())
                agg = json::object();
            if (spec.templates.empty())
                agg.erase("templateNames");
            else
                agg["templateNames"] = spec.templates;
            if (agg.empty())
                r.erase("aggregationRoleTemplates");
            else
                r["aggregationRoleTemplates"] = agg;
        } else {
            setOrErase(kAggregationRolesAnnotation, spec.templates.empty() ? std::string() : json(spec.templates).dump());
        }
        if (annotations.empty())
            m.erase("annotations");
        else
            m["annotations"] = annotations;
        if (m.contains("labels") && m["labels"].is_object() && m["labels"].empty())
            m.erase("labels");
        return r;
    }
    json r = {{"apiVersion", gvr.apiVersion()}, {"kind", gvr.kind}, {"metadata", meta(spec.name, ns)},
              {"rules", rules.is_array() ? rules : json::array()}};
    if (!spec.resourceVersion.empty())
        r["metadata"]["resourceVersion"] = spec.resourceVersion;
    if (spec.level == RoleSpec::Level::Workspace) {
        r["metadata"]["labels"][kWorkspaceLabel] = spec.scope;
        addOwnerReference(r, workspaceOwner(spec.scope));
    }
    json annotations = json::object();
    setIf(annotations, kCreatorAnnotation, m_actor);
    setIf(annotations, kAliasAnnotation, spec.alias);
    setIf(annotations, kDescriptionAnnotation, spec.description);
    if (!spec.templates.empty()) {
        if (m_api.flavor == ApiFlavor::V4)
            r["aggregationRoleTemplates"]["templateNames"] = spec.templates;
        else
            annotations[kAggregationRolesAnnotation] = json(spec.templates).dump();
    }
    if (!annotations.empty())
        r["metadata"]["annotations"] = annotations;
    return r;
}

json ObjectFactory::globalRoleBinding(const std::string &user, const std::string &role) const
{
    json b = {{"apiVersion", m_api.globalRoleBinding.apiVersion()},
              {"kind", "GlobalRoleBinding"},
              {"metadata", meta(memberBindingName(user, role))},
              {"roleRef", {{"apiGroup", kIamGroup}, {"kind", "GlobalRole"}, {"name", role}}},
              {"subjects", json::array({userSubject(user)})}};
    b["metadata"]["labels"][kUserRefLabel] = user;
    if (m_api.flavor == ApiFlavor::V4)
        b["metadata"]["labels"][kRoleRefLabel] = refLabelValue(role);
    return b;
}

json ObjectFactory::workspaceRoleBinding(const std::string &workspace, const std::string &user,
                                         const std::string &workspaceRole, const std::string &name) const
{
    json b = {{"apiVersion", m_api.workspaceRoleBinding.apiVersion()},
              {"kind", "WorkspaceRoleBinding"},
              {"metadata", meta(name.empty() ? memberBindingName(user, workspaceRole) : name)},
              {"roleRef", {{"apiGroup", kIamGroup}, {"kind", "WorkspaceRole"}, {"name", workspaceRole}}},
              {"subjects", json::array({userSubject(user)})}};
    b["metadata"]["labels"][kWorkspaceLabel] = workspace;
    b["metadata"]["labels"][kUserRefLabel] = user;
    if (m_api.flavor == ApiFlavor::V4)
        b["metadata"]["labels"][kRoleRefLabel] = refLabelValue(workspaceRole);
    addOwnerReference(b, workspaceOwner(workspace));
    return b;
}

json ObjectFactory::projectRoleBinding(const std::string &ns, const std::string &user, const std::string &role,
                                       const std::string &name) const
{
    const bool v4 = m_api.flavor == ApiFlavor::V4;
    json b = {{"apiVersion", m_api.projectRoleBinding.apiVersion()},
              {"kind", "RoleBinding"},
              {"metadata", meta(name.empty() ? memberBindingName(user, role) : name, ns)},
              {"roleRef", {{"apiGroup", v4 ? kIamGroup : kRbacGroup}, {"kind", "Role"}, {"name", role}}},
              {"subjects", memberSubjects(user)}};
    b["metadata"]["labels"][kUserRefLabel] = user;
    if (v4)
        b["metadata"]["labels"][kRoleRefLabel] = refLabelValue(role);
    return b;
}

json ObjectFactory::clusterRoleBinding(const std::string &user, const std::string &role) const
{
    const bool v4 = m_api.flavor == ApiFlavor::V4;
    json b = {{"apiVersion", m_api.clusterRoleBinding.apiVersion()},
              {"kind", "ClusterRoleBinding"},
              {"metadata", meta(memberBindingName(user, role))},
              {"roleRef", {{"apiGroup", v4 ? kIamGroup : kRbacGroup}, {"kind", "ClusterRole"}, {"name", role}}},
              {"subjects", memberSubjects(user)}};
    b["metadata"]["labels"][kUserRefLabel] = user;
    if (v4)
        b["metadata"]["labels"][kRoleRefLabel] = refLabelValue(role);
    return b;
}

json ObjectFactory::rbacMirror(const json &iam)
{
    ObjectMeta m(iam);
    const std::string kind = m.kind();
    json out = {{"apiVersion", std::string(kRbacGroup) + "/v1"}, {"kind", kind}, {"metadata", {{"name", mirrorName(m.name())}}}};
    if (!m.namespaceName().empty())
        out["metadata"]["namespace"] = m.namespaceName();
    json labels = json::object();
    labels[kGeneratedByLabel] = kFieldManager;
    if (kind == "Role" || kind == "ClusterRole") {
        labels[kind == "Role" ? kRoleRefLabel : kClusterRoleRefLabel] = refLabelValue(m.name());
        out["rules"] = namespacedRules(iam.value("rules", json::array()));
        if (kind == "ClusterRole")  // cluster roles may carry non-resource URLs
            out["rules"] = mergeRules(json::array(), iam.value("rules", json::array()));
    } else {
        labels[kind == "RoleBinding" ? kRoleBindingRefLabel : kClusterRoleBindingRefLabel] = refLabelValue(m.name());
        const json &ref = iam["roleRef"];
        out["roleRef"] = {{"apiGroup", kRbacGroup}, {"kind", ref.value("kind", "")},
                          {"name", mirrorName(ref.value("name", ""))}};
        json subjects = json::array();
        for (json s : iam.value("subjects", json::array())) {
            if (s.contains("apiGroup") && !s["apiGroup"].get<std::string>().empty())
                s["apiGroup"] = kRbacGroup;
            subjects.push_back(s);
        }
        out["subjects"] = subjects;
    }
    if (!m.label(kUserRefLabel).empty())
        labels[kUserRefLabel] = m.label(kUserRefLabel);
    out["metadata"]["labels"] = labels;
    // Owned by the iam object, as KubeSphere's role and binding controllers own their mirrors.
    addOwnerReference(out, controllerReferenceTo(iam));
    return out;
}

json ObjectFactory::workspaceRoleProjection(const json &workspaceRole)
{
    ObjectMeta m(workspaceRole);
    json labels = {{kGeneratedByLabel, kFieldManager}, {kProjectedFromLabel, refLabelValue(m.name())},
                   {kWorkspaceLabel, m.label(kWorkspaceLabel)}};
    // Owned by the workspace role: it goes when the role goes.
    return {{"apiVersion", std::string(kRbacGroup) + "/v1"},
            {"kind", "ClusterRole"},
            {"metadata",
             {{"name", projectionName(m.name())},
              {"labels", labels},
              {"ownerReferences", json::array({controllerReferenceTo(workspaceRole)})}}},
            {"rules", namespacedRules(workspaceRole.value("rules", json::array()))}};
}

json ObjectFactory::workspaceBindingProjection(const json &binding, const std::string &ns)
{
    ObjectMeta m(binding);
    json labels = {{kGeneratedByLabel, kFieldManager}, {kProjectedFromLabel, refLabelValue(m.name())},
                   {kWorkspaceLabel, m.label(kWorkspaceLabel)}};
    if (!m.label(kUserRefLabel).empty())
        labels[kUserRefLabel] = m.label(kUserRefLabel);
    json subjects = json::array();
    for (json s : binding.value("subjects", json::array())) {
        if (s.contains("apiGroup") && !s["apiGroup"].get<std::string>().empty())
            s["apiGroup"] = kRbacGroup;
        subjects.push_back(s);
    }
    const std::string role = binding["roleRef"].value("name", "");
    return {{"apiVersion", std::string(kRbacGroup) + "/v1"},
            {"kind", "RoleBinding"},
            {"metadata",
             {{"name", projectionName(m.name())},
              {"namespace", ns},
              {"labels", labels},
              // Owned by the workspace binding (a cluster-scoped owner may own namespaced objects).
              {"ownerReferences", json::array({controllerReferenceTo(binding)})}}},
            {"roleRef", {{"apiGroup", kRbacGroup}, {"kind", "ClusterRole"}, {"name", projectionName(role)}}},
            {"subjects", subjects}};
}

json ObjectFactory::platformAdminClusterBinding(const std::string &user) const
{
    json subjects = json::array({{{"apiGroup", kRbacGroup}, {"kind", "User"}, {"name", user}}});
    if (m_api.flavor == ApiFlavor::V4)
        subjects.push_back({{"kind", "ServiceAccount"},
                            {"name", userServiceAccountName(user)},
                            {"namespace", kUserServiceAccountNamespace}});
    // Owned by the user's platform-admin GlobalRoleBinding, as KubeSphere's controller does.
    const json owner = controllerReference(m_api.globalRoleBinding.apiVersion(), "GlobalRoleBinding",
                                           memberBindingName(user, "platform-admin"));
    return {{"apiVersion", std::string(kRbacGroup) + "/v1"},
            {"kind", "ClusterRoleBinding"},
            {"metadata", {{"name", platformAdminBindingName(user)},
                          {"labels", {{kUserRefLabel, user}, {kGeneratedByLabel, kFieldManager}}},
                          {"ownerReferences", json::array({owner})}}},
            {"roleRef", {{"apiGroup", kRbacGroup}, {"kind", "ClusterRole"}, {"name", "cluster-admin"}}},
            {"subjects", subjects}};
}

} // namespace kube::tenancy
