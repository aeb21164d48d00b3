// Installer: plan (KubeSphere detection, dry-run comparison per object) and apply (CRDs, wait
// for Established and discovery, then built-ins), every message naming the file and object.
#include "kubeclient/tenancy/install/installer.h"
#include "kubeclient/tenancy/install/kscorechart.h"

#include "kubeclient/core/cancelwait.h"
#include "kubeclient/api/client.h"
#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/tenancyapi.h"
#include "kubeclient/core/yamlconvert.h"

#include <set>

namespace kube::tenancy {

using nlohmann::json;

namespace {

// At most this many changed paths are listed per object: enough to see what an update touches.
constexpr size_t kMaxListedChanges = 8;

const char *kAdminHint = "installing Tenantry's CRDs needs cluster-admin rights on the cluster";

Error sourceError(const InstallItem &item, Error error)
{
    return error.withContext(item.source() + " (" + item.title() + ")");
}

std::pair<std::string, std::string> splitApiVersion(const std::string &apiVersion)
{
    auto slash = apiVersion.find('/');
    if (slash == std::string::npos)
        return {"", apiVersion};
    return {apiVersion.substr(0, slash), apiVersion.substr(slash + 1)};
}

// The fields the server owns and that say nothing about what we asked for.
json comparable(json object)
{
    if (!object.is_object())
        return object;
    object.erase("status");
    if (auto meta = object.find("metadata"); meta != object.end() && meta->is_object()) {
        for (const char *key : {"managedFields", "resourceVersion", "generation", "creationTimestamp", "uid"})
            meta->erase(key);
    }
    return object;
}

std::vector<std::string> changesBetween(const json &before, const json &after)
{
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto &op : json::diff(comparable(before), comparable(after))) {
        std::string path = op.value("path", std::string());
        if (path.empty() || !seen.insert(path).second)
            continue;
        if (out.size() == kMaxListedChanges) {
            out.push_back("...");
            break;
        }
        out.push_back(path);
    }
    return out;
}

std::string conditionSummary(const json &crd)
{
    std::string out;
    const json *conditions = nullptr;
    if (crd.contains("status") && crd["status"].is_object() && crd["status"].contains("conditions"))
        conditions = &crd["status"]["conditions"];
    if (!conditions || !conditions->is_array())
        return "no conditions reported yet";
    for (const auto &c : *conditions) {
        if (!out.empty())
            out += "; ";
        out += c.value("type", std::string("?")) + "=" + c.value("status", std::string("?"));
        if (const auto msg = c.value("message", std::string()); !msg.empty())
            out += " (" + msg + ")";
    }
    return out.empty() ? "no conditions reported yet" : out;
}

const json *condition(const json &crd, const std::string &type)
{
    if (!crd.contains("status") || !crd["status"].is_object() || !crd["status"].contains("conditions"))
        return nullptr;
    for (const auto &c : crd["status"]["conditions"])
        if (c.is_object() && c.value("type", std::string()) == type)
            return &c;
    return nullptr;
}

} // namespace

Installer::Installer(Client &client, std::vector<ManifestFile> crds, std::vector<ManifestFile> builtins,
                     InstallerOptions options)
    : m_client(client)
    , m_crds(std::move(crds))
    , m_builtins(std::move(builtins))
    , m_options(std::move(options))
{
}

Result<std::vector<InstallItem>> Installer::readManifests() const
{
    std::vector<InstallItem> items;
    const auto readSet = [&](const std::vector<ManifestFile> &files, bool crds) -> Result<void> {
        for (const auto &[file, text] : files) {
            auto docs = parseYamlDocuments(text, file);
            if (!docs)
                return Error(docs.error()).withContext("reading Tenantry's manifests");
            int index = 0;
            for (auto &doc : *docs) {
                ++index;
                InstallItem item;
                item.file = file;
                item.document = index;
                const std::string where = item.source();
                const auto fail = [&](const std::string &what) {
                    return Error::make(ErrorKind::Invalid, what, where,
                                       "fix the manifest (the build embeds resources/ as it is in the source tree)");
                };
                if (!doc.is_object())
                    return fail("the document is not a YAML mapping");
                if (!doc.contains("apiVersion") || !doc["apiVersion"].is_string() || !doc.contains("kind")
                    || !doc["kind"].is_string())
                    return fail("the document has no apiVersion or kind");
                item.object = std::move(doc);
                if (item.name().empty())
                    return fail("the document has no metadata.name");
                item.crd = item.object["apiVersion"] == "apiextensions.k8s.io/v1"
                    && item.object["kind"] == "CustomResourceDefinition";
                if (crds && !item.crd)
                    return fail("a CRD file holds a " + item.kind() + "; only CustomResourceDefinitions belong there");
                if (!crds && item.crd)
                    return fail("a CustomResourceDefinition among the built-ins; CRDs belong in resources/crds");
                items.push_back(std::move(item));
            }
        }
        return {};
    };
    if (auto r = readSet(m_crds, true); !r)
        return r.error();
    if (auto r = readSet(m_builtins, false); !r)
        return r.error();
    return items;
}

Result<GroupVersionResource> Installer::resourceOf(const InstallItem &item, const std::vector<InstallItem> &items) const
{
    if (item.crd)
        return TenancyApi::customResourceDefinition;
    const auto [group, version] = splitApiVersion(item.object["apiVersion"].get<std::string>());
    const std::string kind = item.kind();
    // Our own CRDs define most kinds; they may not be installed yet, so read them from the manifests.
    for (const auto &c : items) {
        if (!c.crd)
            continue;
        const json &spec = c.object.value("spec", json::object());
        if (spec.value("group", std::string()) != group || !spec.contains("names")
            || spec["names"].value("kind", std::string()) != kind)
            continue;
        for (const auto &v : spec.value("versions", json::array())) {
            if (v.value("name", std::string()) == version && v.value("served", false)) {
                return GroupVersionResource{group, version, spec["names"].value("plural", std::string()),
                                            spec.value("scope", std::string()) == "Namespaced", kind};
            }
        }
        return Error::make(ErrorKind::Invalid, "apiVersion " + group + "/" + version + " is not served by CRD "
                               + c.name() + " (" + c.file + ")",
                           item.source() + " (" + item.title() + ")", "use a version the CRD serves");
    }
    for (const auto &r : m_client.discovery().resources()) {
        if (r.gvr.group == group && r.gvr.version == version && r.gvr.kind == kind
            && r.gvr.resource.find('/') == std::string::npos)
            return r.gvr;
    }
    return Error::make(ErrorKind::Invalid,
                       "kind " + kind + " (" + group + "/" + version
                           + ") is neither defined by Tenantry's CRDs nor served by the cluster",
                       item.source() + " (" + item.title() + ")", "add its CRD to resources/crds or fix apiVersion/kind");
}

Result<void> Installer::detectKubeSphere(InstallPlan &plan, const std::vector<InstallItem> &items,
                                         const CancelTokenPtr &cancel)
{
    for (const auto &item : items) {
        if (!item.crd)
            continue;
        auto existing = m_client.get(item.gvr, "", item.name(), cancel);
        if (!existing) {
            if (existing.error().isApi(StatusReason::NotFound))
                continue;
            Error e = existing.error().withContext("checking whether KubeSphere owns the tenancy API");
            if (e.hint.empty() || e.isApi(StatusReason::Forbidden))
                e.hint = kAdminHint;
            return e;
        }
        const ObjectMeta meta(*existing);
        if (meta.label(kManagedByLabel) != kManagedByValue && !m_options.takeOver) {
            const std::string owner = meta.label(kManagedByLabel);
            plan.kubesphereEvidence.push_back("CRD " + item.name() + " exists without the label " + kManagedByLabel + "="
                                              + kManagedByValue
                                              + (owner.empty() ? std::string(" (installed by KubeSphere)")
                                                               : " (managed by " + owner + ")"));
        }
    }

    auto deployment = m_client.get(TenancyApi::deployments, m_options.controllerNamespace,
                                   m_options.controllerDeployment, cancel);
    if (deployment) {
        plan.kubesphereEvidence.push_back("deployment " + m_options.controllerNamespace + "/"
                                          + m_options.controllerDeployment + " exists (KubeSphere's controllers run here)");
    } else if (!deployment.error().isApi(StatusReason::NotFound)) {
        Error e = deployment.error().withContext("checking whether KubeSphere's controllers run");
        if (e.hint.empty() || e.isApi(StatusReason::Forbidden))
            e.hint = kAdminHint;
        return e;
    }

    if (!plan.kubesphereEvidence.empty()) {
        plan.kubesphereMode = true;
        std::string why;
        for (const auto &e : plan.kubesphereEvidence)
            why += (why.empty() ? "" : "; ") + e;
        plan.refusal = "KubeSphere owns the tenancy API on " + plan.where + ": " + why
            + ". Tenantry will work in KubeSphere mode there (it writes the objects the KubeSphere console would and "
              "lets KubeSphere's controllers do the rest); nothing was installed.";
    }
    return {};
}

bool Installer::served(const GroupVersionResource &gvr) const
{
    return m_client.discovery().findResource(gvr.group, gvr.version, gvr.resource).has_value();
}

bool Installer::sleep(const CancelTokenPtr &cancel) const
{
    CancelWait wait(cancel);
    return wait.sleepFor(m_options.pollInterval);
}

Result<void> Installer::decide(InstallItem &item, const CancelTokenPtr &cancel)
{
    if (!item.crd && !served(item.gvr)) {
        item.action = InstallAction::Create;
        item.note = "its kind is not served yet: the CRD " + item.gvr.groupResource() + " is installed first";
        return {};
    }
    auto existing = m_client.get(item.gvr, item.ns(), item.name(), cancel);
    if (!existing) {
        if (existing.error().isApi(StatusReason::NotFound)) {
            item.action = InstallAction::Create;
            return {};
        }
        Error e = sourceError(item, existing.error());
        if (e.isApi(StatusReason::Forbidden))
            e.hint = kAdminHint;
        return e;
    }
    // Handed over to Helm (tenantryctl handover kubesphere): applying would take it back.
    if (const std::string release = KsCoreChart::helmRelease(*existing); !release.empty() && !item.crd && !m_options.takeOver) {
        item.action = InstallAction::Unchanged;
        item.handedOver = true;
        item.note = "marked for Helm release " + release + " (the hand-over to KubeSphere): left alone; "
                    "`install --take-over` takes it back";
        return {};
    }
    // Ask the server what applying would produce (defaults, merging with other managers' fields)
    // rather than guessing: identical means a real apply would change nothing.
    WriteOptions options;
    options.dryRun = true;
    options.fieldManager = m_options.fieldManager;
    options.force = true;
    auto result = m_client.apply(item.gvr, item.ns(), item.object, options, cancel);
    if (!result) {
        Error e = sourceError(item, result.error());
        if (e.isApi(StatusReason::Forbidden))
            e.hint = kAdminHint;
        else if (e.hint.empty())
            e.hint = "the server rejects this object as written; fix the manifest";
        return e;
    }
    item.changes = changesBetween(*existing, *result);
    item.action = item.changes.empty() ? InstallAction::Unchanged : InstallAction::Update;
    return {};
}

Result<InstallPlan> Installer::plan(const CancelTokenPtr &cancel)
{
    auto items = readManifests();
    if (!items)
        return items.error();
    InstallPlan plan;
    plan.where = m_client.where();
    // Fresh discovery: whether our kinds are served decides how objects are compared.
    if (auto r = m_client.discovery().refresh(cancel); !r)
        return Error(r.error()).withContext("reading the cluster's API (discovery)");
    for (auto &item : *items) {
        auto gvr = resourceOf(item, *items);
        if (!gvr)
            return gvr.error();
        item.gvr = *gvr;
    }
    if (auto r = detectKubeSphere(plan, *items, cancel); !r)
        return r.error();
    if (plan.kubesphereMode)
        return plan;
    for (auto &item : *items) {
        if (cancel && cancel->cancelled())
            return Error::make(ErrorKind::Cancelled, "planning the install was cancelled", plan.where);
        if (auto r = decide(item, cancel); !r)
            return r.error();
    }
    plan.items = std::move(*items);
    return plan;
}

Result<InstallOutcome> Installer::applyOne(const InstallItem &item, bool dryRun, const CancelTokenPtr &cancel)
{
    InstallOutcome out;
    out.title = item.title();
    out.source = item.source();
    if (item.handedOver) {
        out.action = InstallAction::Unchanged;
        out.note = item.note;
        return out;
    }
    if (!item.crd && !served(item.gvr)) {
        if (dryRun) {
            out.action = InstallAction::Create;
            out.serverChecked = false;
            out.note = "not checked by the server: the CRD " + item.gvr.groupResource()
                + " is not installed yet and a dry run does not create it";
            return out;
        }
        return Error::make(ErrorKind::Api, "the kind " + item.kind() + " is still not served after its CRD was installed",
                           item.source() + " (" + item.title() + ")", "run the install again");
    }

    json before;
    auto existing = m_client.get(item.gvr, item.ns(), item.name(), cancel);
    if (existing)
        before = std::move(*existing);
    else if (!existing.error().isApi(StatusReason::NotFound))
        return sourceError(item, existing.error());

    WriteOptions options;
    options.dryRun = dryRun;
    options.fieldManager = m_options.fieldManager;
    // Tenantry owns these objects (the plan refused clusters where it does not), so it takes
    // over fields another manager last set, such as the dev cluster's own apply of resources/.
    options.force = true;
    auto result = m_client.apply(item.gvr, item.ns(), item.object, options, cancel);
    if (!result) {
        Error e = sourceError(item, result.error());
        if (e.isApi(StatusReason::Forbidden))
            e.hint = kAdminHint;
        else if (e.hint.empty())
            e.hint = "fix the manifest, then run the install again";
        return e;
    }
    if (before.is_null()) {
        out.action = InstallAction::Create;
    } else {
        out.changes = changesBetween(before, *result);
        out.action = out.changes.empty() ? InstallAction::Unchanged : InstallAction::Update;
    }
    return out;
}

Result<void> Installer::waitEstablished(const InstallItem &crd, const CancelTokenPtr &cancel)
{
    const auto deadline = std::chrono::steady_clock::now() + m_options.establishTimeout;
    json last;
    for (;;) {
        auto current = m_client.get(crd.gvr, "", crd.name(), cancel);
        if (!current)
            return sourceError(crd, current.error());
        last = std::move(*current);
        if (const json *est = condition(last, "Established"); est && est->value("status", std::string()) == "True")
            return {};
        // A name clash never resolves by waiting: say so at once.
        if (const json *names = condition(last, "NamesAccepted"); names && names->value("status", std::string()) == "False")
            return Error::make(ErrorKind::Api, "CRD " + crd.name() + " was not accepted: " + names->value("message", std::string()),
                               crd.source(), "another CRD already uses one of its names; remove that CRD or rename ours");
        if (std::chrono::steady_clock::now() >= deadline)
            break;
        if (!sleep(cancel))
            return Error::make(ErrorKind::Cancelled, "cancelled while waiting for CRD " + crd.name() + " to be established",
                               m_client.where(), "run the install again to finish");
    }
    return Error::make(ErrorKind::Timeout,
                       "CRD " + crd.name() + " was not Established within "
                           + std::to_string(m_options.establishTimeout.count() / 1000) + " s (" + conditionSummary(last) + ")",
                       crd.source(), "check kube-apiserver's log, then run the install again");
}

Result<void> Installer::waitServed(const std::vector<const InstallItem *> &items, const CancelTokenPtr &cancel)
{
    const auto deadline = std::chrono::steady_clock::now() + m_options.establishTimeout;
    for (;;) {
        if (auto r = m_client.discovery().refresh(cancel); !r)
            return Error(r.error()).withContext("refreshing discovery after installing the CRDs");
        const InstallItem *missing = nullptr;
        for (const auto *item : items) {
            if (!served(item->gvr)) {
                missing = item;
                break;
            }
        }
        if (!missing)
            return {};
        if (std::chrono::steady_clock::now() >= deadline)
            return Error::make(ErrorKind::Timeout,
                               missing->gvr.groupResource() + " (" + missing->gvr.version
                                   + ") is not in the server's discovery although its CRD is Established",
                               missing->source() + " (" + missing->title() + ")", "run the install again in a moment");
        if (!sleep(cancel))
            return Error::make(ErrorKind::Cancelled, "cancelled while waiting for the new kinds to be served",
                               m_client.where(), "run the install again to finish");
    }
}

Result<InstallReport> Installer::apply(const InstallPlan &plan, bool dryRun, const InstallProgressCallback &progress,
                                       const CancelTokenPtr &cancel)
{
    if (plan.kubesphereMode)
        return Error::make(ErrorKind::Invalid, plan.refusal, plan.where);

    InstallReport report;
    report.dryRun = dryRun;
    std::vector<const InstallItem *> crds, builtins;
    for (const auto &item : plan.items)
        (item.crd ? crds : builtins).push_back(&item);
    const size_t total = plan.items.size();
    const auto tell = [&](const std::string &step) {
        if (progress)
            progress(InstallProgress{report.items.size(), total, step});
    };
    const auto cancelled = [&]() {
        return Error::make(ErrorKind::Cancelled,
                           "install cancelled after " + std::to_string(report.items.size()) + " of "
                               + std::to_string(total) + " objects",
                           plan.where, "run the install again: it continues where it stopped");
    };
    const std::string verb = dryRun ? "dry-run applying " : "applying ";

    for (const auto *item : crds) {
        if (cancel && cancel->cancelled())
            return cancelled();
        tell(verb + item->title());
        auto outcome = applyOne(*item, dryRun, cancel);
        if (!outcome)
            return outcome.error();
        report.items.push_back(std::move(*outcome));
    }

    if (!dryRun) {
        tell("waiting for " + std::to_string(crds.size()) + " CRDs to be established");
        for (const auto *item : crds) {
            if (auto r = waitEstablished(*item, cancel); !r)
                return r.error();
        }
        tell("refreshing discovery until the new kinds are served");
        if (auto r = waitServed(builtins, cancel); !r)
            return r.error();
    }

    for (const auto *item : builtins) {
        if (cancel && cancel->cancelled())
            return cancelled();
        tell(verb + item->title());
        auto outcome = applyOne(*item, dryRun, cancel);
        if (!outcome)
            return outcome.error();
        report.items.push_back(std::move(*outcome));
    }
    tell("done");

    if (const size_t unchecked = report.uncheckedCount(); unchecked > 0) {
        report.notes.push_back(std::to_string(unchecked)
                               + " built-in objects were not checked by the server: their CRDs are not installed yet "
                                 "and a dry run does not create them. Install without --dry-run to create the CRDs; "
                                 "a dry run after that checks every object.");
    }
    return report;
}

} // namespace kube::tenancy
