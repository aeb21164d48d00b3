#!/usr/bin/env python3
# Writes resources/crds/*.yaml: Tenantry's CRDs for the KubeSphere 4.x tenancy kinds, built from
# the shapes in shared/kubesphere-tenancy-api.md (sections 2 and 3). Run after editing; commit both.
#
# The YAML files are the product (the build embeds them, the dev cluster applies them); this
# script only exists so that the schema pieces every kind shares (PolicyRule, Subject, RoleRef,
# LabelSelector, quantities) are written once and stay identical across 17 files.
# Needs PyYAML at development time only:  python3 resources/crdgen.py
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "crds")
MANAGED_BY = {"app.kubernetes.io/managed-by": "tenantry"}


# ---- shared schema pieces ---------------------------------------------------------------

def string(description=None, **extra):
    s = {"type": "string"}
    if description:
        s["description"] = description
    s.update(extra)
    return s


def strings(list_type="atomic", description=None):
    s = {"type": "array", "items": {"type": "string"}}
    if list_type:
        s["x-kubernetes-list-type"] = list_type
    if description:
        s["description"] = description
    return s


def string_map(description=None):
    s = {"type": "object", "additionalProperties": {"type": "string"}}
    if description:
        s["description"] = description
    return s


def obj(properties, required=None, description=None, **extra):
    s = {"type": "object", "properties": properties}
    if required:
        s["required"] = required
    if description:
        s["description"] = description
    s.update(extra)
    return s


def policy_rules(description):
    rule = obj({
        "apiGroups": strings(description='API groups; "" is the core group, "*" every group.'),
        "resources": strings(description='Resources, "resource/subresource" or "*".'),
        "resourceNames": strings(description="Object names the rule is limited to; empty means all."),
        "nonResourceURLs": strings(description='URL paths such as "/healthz"; "*" only as the last segment.'),
        "verbs": strings(description='Verbs, "*" for all.'),
    }, required=["verbs"], description="An RBAC PolicyRule.")
    return {"type": "array", "description": description, "items": rule}


def label_selector(description="Label selector; matchLabels and matchExpressions are ANDed."):
    requirement = obj({
        "key": string(),
        "operator": string("In, NotIn, Exists or DoesNotExist."),
        "values": strings(),
    }, required=["key", "operator"])
    return obj({
        "matchLabels": string_map(),
        "matchExpressions": {"type": "array", "items": requirement, "x-kubernetes-list-type": "atomic"},
    }, description=description, **{"x-kubernetes-map-type": "atomic"})


def aggregation_role_templates():
    return obj({
        "templateNames": strings(list_type="set", description="RoleTemplates whose rules this role includes."),
        "roleSelector": label_selector("Selects RoleTemplates by label; the role's own scope label is implied."),
    }, description="RoleTemplates this role is composed of; their rules are appended to rules.")


def role_ref(kind):
    return obj({
        "apiGroup": string(),
        "kind": string(),
        "name": string(),
    }, required=["apiGroup", "kind", "name"], description="The %s granted by this binding." % kind,
        **{"x-kubernetes-map-type": "atomic"})


def subjects():
    subject = obj({
        "apiGroup": string(),
        "kind": string("User, Group or ServiceAccount."),
        "name": string(),
        "namespace": string(),
    }, required=["kind", "name"], **{"x-kubernetes-map-type": "atomic"})
    return {"type": "array", "description": "Who the role is granted to.", "items": subject}


QUANTITY_PATTERN = (r"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))"
                    r"(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$")


def quantities(description):
    return {
        "type": "object",
        "description": description,
        "additionalProperties": {
            "anyOf": [{"type": "integer"}, {"type": "string"}],
            "pattern": QUANTITY_PATTERN,
            "x-kubernetes-int-or-string": True,
        },
    }


def top(properties, required=None, description=None):
    props = {"apiVersion": string(), "kind": string(), "metadata": {"type": "object"}}
    props.update(properties)
    return obj(props, required=required, description=description)


# spec 3.3: 8-64 characters with a lower-case letter, an upper-case letter and a digit in any
# order, or a bcrypt hash. CRD patterns have no look-ahead, so the six orders are spelled out.
PASSWORD_PATTERN = ("^(" + "|".join([
    r".*[a-z].*[A-Z].*[0-9].*", r".*[a-z].*[0-9].*[A-Z].*",
    r".*[A-Z].*[a-z].*[0-9].*", r".*[A-Z].*[0-9].*[a-z].*",
    r".*[0-9].*[a-z].*[A-Z].*", r".*[0-9].*[A-Z].*[a-z].*",
    r"\$2[aby]\$.{56}",
]) + ")$")


# ---- kinds ------------------------------------------------------------------------------

def version(name, schema, storage, deprecated=False, columns=None, status=False):
    v = {"name": name, "served": True, "storage": storage}
    if deprecated:
        # No deprecationWarning: the server's default text names the kind and version.
        v["deprecated"] = True
    if columns:
        v["additionalPrinterColumns"] = columns
    v["schema"] = {"openAPIV3Schema": schema}
    if status:
        v["subresources"] = {"status": {}}
    return v


def column(name, path, type_="string", **extra):
    c = {"name": name, "type": type_, "jsonPath": path}
    c.update(extra)
    return c


WORKSPACE_COLUMNS = [column("Workspace", r".metadata.labels.kubesphere\.io/workspace")]


def crd(group, kind, plural, scope, versions, categories, description):
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {
            "name": "%s.%s" % (plural, group),
            "labels": dict(MANAGED_BY),
            "annotations": {"tenantry.dev/description": description},
        },
        "spec": {
            "group": group,
            "names": {
                "kind": kind,
                "listKind": kind + "List",
                "plural": plural,
                "singular": kind.lower(),
                "categories": categories,
            },
            "scope": scope,
            "versions": versions,
        },
    }


def iam_pair(schema_old, schema_new, columns=None):
    """The 4.x iam kinds that 3.x already had: v1alpha2 served but deprecated, v1beta1 stored."""
    return [
        version("v1alpha2", schema_old, storage=False, deprecated=True, columns=columns),
        version("v1beta1", schema_new, storage=True, columns=columns),
    ]


def role_schema(kind, with_aggregation, rules_required=False):
    props = {"rules": policy_rules("The rules this %s grants." % kind)}
    if with_aggregation:
        props["aggregationRoleTemplates"] = aggregation_role_templates()
    return top(props, required=["rules"] if rules_required else None, description="A KubeSphere %s." % kind)


def binding_schema(kind, role_kind):
    return top({"roleRef": role_ref(role_kind), "subjects": subjects()}, required=["roleRef"],
               description="A KubeSphere %s: grants a %s to subjects." % (kind, role_kind))


def definitions():
    out = []

    # tenant.kubesphere.io -----------------------------------------------------------------
    ws_old = top({
        "spec": obj({"manager": string("User name of the workspace manager."),
                     "networkIsolation": {"type": "boolean", "description": "3.x workspace network isolation."}}),
        "status": {"type": "object"},
    }, description="A workspace on one cluster (3.x shape).")
    ws_new = top({
        "spec": obj({"manager": string("User name of the workspace manager.")}),
        "status": {"type": "object"},
    }, description="A workspace on one cluster, generated from its WorkspaceTemplate.")
    out.append(crd("tenant.kubesphere.io", "Workspace", "workspaces", "Cluster", [
        version("v1alpha1", ws_old, storage=False, deprecated=True),
        version("v1beta1", ws_new, storage=True),
    ], ["tenant"], "KubeSphere workspace (tenant unit) on one cluster"))

    placement = obj({
        "clusters": {
            "type": "array",
            "items": obj({"name": string()}, required=["name"]),
            "x-kubernetes-list-type": "map",
            "x-kubernetes-list-map-keys": ["name"],
        },
        "clusterSelector": label_selector("Clusters by label; {} selects every cluster."),
    }, description="The clusters the workspace is placed on.")
    wst_old = top({
        "spec": obj({
            "template": obj({
                "metadata": obj({"labels": string_map(), "annotations": string_map()},
                                **{"x-kubernetes-preserve-unknown-fields": True}),
                "spec": obj({"manager": string(), "networkIsolation": {"type": "boolean"}}),
            }),
            "placement": placement,
            "overrides": {"type": "array", "items": obj({
                "clusterName": string(),
                "clusterOverrides": {"type": "array", "items": obj({
                    "op": string(),
                    "path": string(),
                    "value": {"x-kubernetes-preserve-unknown-fields": True},
                }, required=["path"])},
            }, required=["clusterName"])},
        }, required=["placement", "template"]),
    }, description="The host-side definition of a workspace (3.x shape, kubefed overrides).")
    wst_new = top({
        "spec": obj({
            "template": obj({
                "metadata": obj({"labels": string_map(), "annotations": string_map()}),
                "spec": obj({"manager": string("User name of the workspace manager.")}),
            }),
            "placement": placement,
        }, required=["placement", "template"]),
    }, description="The host-side definition of a workspace; Workspaces are generated from it.")
    out.append(crd("tenant.kubesphere.io", "WorkspaceTemplate", "workspacetemplates", "Cluster", [
        version("v1alpha2", wst_old, storage=False, deprecated=True),
        version("v1beta1", wst_new, storage=True),
    ], ["tenant"], "KubeSphere workspace template (host cluster)"))

    # iam.kubesphere.io, kinds served since 3.x ----------------------------------------------
    user = top({
        "spec": obj({
            "email": string("Unique e-mail address (RFC 5322)."),
            "lang": string(),
            "description": string(),
            "displayName": string(),
            "groups": strings(list_type=None),
            "password": string("Plain text (hashed by the controller) or a bcrypt hash.",
                               minLength=8, maxLength=64, pattern=PASSWORD_PATTERN),
        }, required=["email"]),
        "status": obj({
            "state": string("Active, Disabled or AuthLimitExceeded."),
            "reason": string(),
            "lastTransitionTime": string(format="date-time"),
            "lastLoginTime": string(format="date-time"),
        }),
    }, required=["spec"], description="A KubeSphere user account.")
    out.append(crd("iam.kubesphere.io", "User", "users", "Cluster", iam_pair(user, user, [
        column("Email", ".spec.email"),
        column("Status", ".status.state"),
    ]), ["iam"], "KubeSphere user account"))

    login = top({
        "spec": obj({
            "type": string("Password, OAuth or Token."),
            "provider": string("Identity provider; empty for local accounts."),
            "sourceIP": string(),
            "userAgent": string(),
            "success": {"type": "boolean"},
            "reason": string(),
        }, required=["type", "provider", "sourceIP", "success", "reason"]),
    }, required=["spec"], description="One login attempt of a user.")
    out.append(crd("iam.kubesphere.io", "LoginRecord", "loginrecords", "Cluster", iam_pair(login, login, [
        column("Type", ".spec.type"),
        column("Provider", ".spec.provider"),
        column("From", ".spec.sourceIP"),
        column("Success", ".spec.success"),
        column("Reason", ".spec.reason"),
        column("Age", ".metadata.creationTimestamp", "date"),
    ]), ["iam"], "KubeSphere login record"))

    out.append(crd("iam.kubesphere.io", "GlobalRole", "globalroles", "Cluster", iam_pair(
        role_schema("GlobalRole", False), role_schema("GlobalRole", True, rules_required=True)),
        ["iam"], "KubeSphere platform role"))
    out.append(crd("iam.kubesphere.io", "GlobalRoleBinding", "globalrolebindings", "Cluster", iam_pair(
        binding_schema("GlobalRoleBinding", "GlobalRole"), binding_schema("GlobalRoleBinding", "GlobalRole")),
        ["iam"], "KubeSphere platform role binding"))

    ws_role_columns = WORKSPACE_COLUMNS + [column("Alias", r".metadata.annotations.kubesphere\.io/alias-name")]
    out.append(crd("iam.kubesphere.io", "WorkspaceRole", "workspaceroles", "Cluster", iam_pair(
        role_schema("WorkspaceRole", False), role_schema("WorkspaceRole", True), ws_role_columns),
        ["iam"], "KubeSphere workspace role"))
    out.append(crd("iam.kubesphere.io", "WorkspaceRoleBinding", "workspacerolebindings", "Cluster", iam_pair(
        binding_schema("WorkspaceRoleBinding", "WorkspaceRole"),
        binding_schema("WorkspaceRoleBinding", "WorkspaceRole"), WORKSPACE_COLUMNS),
        ["iam"], "KubeSphere workspace role binding"))

    group = top({"spec": {"type": "object"}, "status": {"type": "object"}},
                description="A user group of a workspace (label kubesphere.io/workspace).")
    out.append(crd("iam.kubesphere.io", "Group", "groups", "Cluster", iam_pair(group, group, WORKSPACE_COLUMNS),
                   ["group"], "KubeSphere user group"))
    group_binding = top({
        "groupRef": obj({"apiGroup": string(), "kind": string(), "name": string()}),
        "users": strings(list_type=None),
    }, description="Puts users into a Group.")
    out.append(crd("iam.kubesphere.io", "GroupBinding", "groupbindings", "Cluster", iam_pair(
        group_binding, group_binding, [column("Group", ".groupRef.name"), column("Users", ".users")]),
        ["group"], "KubeSphere group membership"))

    # iam.kubesphere.io, new in 4.x (v1beta1 only) --------------------------------------------
    def beta(schema):
        return [version("v1beta1", schema, storage=True)]

    out.append(crd("iam.kubesphere.io", "Role", "roles", "Namespaced", beta(role_schema("Role", True)),
                   ["iam"], "KubeSphere project role"))
    out.append(crd("iam.kubesphere.io", "RoleBinding", "rolebindings", "Namespaced",
                   beta(binding_schema("RoleBinding", "Role")), ["iam"], "KubeSphere project role binding"))
    out.append(crd("iam.kubesphere.io", "ClusterRole", "clusterroles", "Cluster", beta(role_schema("ClusterRole", True)),
                   ["iam"], "KubeSphere cluster role"))
    out.append(crd("iam.kubesphere.io", "ClusterRoleBinding", "clusterrolebindings", "Cluster",
                   beta(binding_schema("ClusterRoleBinding", "ClusterRole")), ["iam"], "KubeSphere cluster role binding"))

    template = top({
        "spec": obj({
            "displayName": string_map("Name shown in the UI, per language (en, zh)."),
            "description": string_map("Description per language."),
            "rules": policy_rules("The rules this template contributes."),
        }, required=["rules"]),
    }, description="A building block of roles (label iam.kubesphere.io/scope).")
    out.append(crd("iam.kubesphere.io", "RoleTemplate", "roletemplates", "Cluster", beta(template),
                   ["iam"], "KubeSphere role template"))

    builtin = top({
        "role": {
            "type": "object",
            "description": "The role object instantiated per workspace or project.",
            "x-kubernetes-embedded-resource": True,
            "x-kubernetes-preserve-unknown-fields": True,
        },
        "targetSelector": label_selector("Workspace templates or namespaces that receive the role."),
    }, required=["role"], description="Blueprint of a role created in every matching workspace or project.")
    out.append(crd("iam.kubesphere.io", "BuiltinRole", "builtinroles", "Cluster", beta(builtin),
                   ["iam"], "KubeSphere built-in role blueprint"))

    category = top({
        "spec": obj({
            "displayName": string_map(),
            "description": string_map(),
            "icon": string(),
        }),
    }, description="UI grouping of role templates.")
    out.append(crd("iam.kubesphere.io", "Category", "categories", "Cluster", beta(category),
                   ["iam"], "KubeSphere role template category"))

    # quota.kubesphere.io ----------------------------------------------------------------------
    scope_selector = obj({
        "matchExpressions": {"type": "array", "x-kubernetes-list-type": "atomic", "items": obj({
            "scopeName": string(),
            "operator": string(),
            "values": strings(),
        }, required=["operator", "scopeName"])},
    }, **{"x-kubernetes-map-type": "atomic"})
    quota = top({
        "spec": obj({
            "selector": string_map("Equality selector over namespace labels (kubesphere.io/workspace)."),
            "quota": obj({
                "hard": quantities("Limits across all selected namespaces."),
                "scopes": strings(),
                "scopeSelector": scope_selector,
            }),
        }, required=["quota", "selector"]),
        "status": obj({
            "total": obj({"hard": quantities("Mirrors spec.quota.hard."),
                          "used": quantities("Sum over the selected namespaces.")}),
            "namespaces": {"type": "array", "items": obj({
                "namespace": string(),
                "hard": quantities("Hard limits."),
                "used": quantities("Usage in this namespace."),
            }, required=["namespace"])},
        }, required=["namespaces", "total"]),
    }, required=["spec"], description="A workspace quota: aggregate limits over the workspace's projects.")
    out.append(crd("quota.kubesphere.io", "ResourceQuota", "resourcequotas", "Cluster", [
        version("v1alpha2", quota, storage=True, status=True),
    ], ["quota"], "KubeSphere workspace quota"))
    return out


class Dumper(yaml.SafeDumper):
    # Shared schema pieces are the same Python objects; spell them out instead of &id anchors,
    # which some YAML readers of CRDs do not expect.
    def ignore_aliases(self, data):
        return True


def _str(dumper, value):
    style = "'" if value == "" else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def main():
    os.makedirs(OUT, exist_ok=True)
    written = set()
    for d in definitions():
        spec = d["spec"]
        name = "%s_%s.yaml" % (spec["group"], spec["names"]["plural"])
        header = ("# %s (%s) for Tenantry's standalone mode, compatible with KubeSphere 4.x.\n"
                  "# Generated by resources/crdgen.py from shared/kubesphere-tenancy-api.md; edit the script.\n"
                  % (spec["names"]["kind"], spec["group"]))
        body = yaml.dump(d, Dumper=Dumper, sort_keys=False, default_flow_style=False, width=110)
        with open(os.path.join(OUT, name), "w") as f:
            f.write(header + body)
        written.add(name)
    for stale in set(os.listdir(OUT)) - written:
        if stale.endswith(".yaml"):
            print("crdgen: %s is not generated any more; remove it if it is obsolete" % stale, file=sys.stderr)
    print("crdgen: wrote %d CRDs to %s" % (len(written), OUT))


if __name__ == "__main__":
    main()
