// `tenantryctl whoami` and `tenantryctl get`: generic API access through the dynamic client.
#include "commandargs.h"
#include "globalflags.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/core/yamlconvert.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace ctl {

namespace {

std::string age(const std::string &timestamp)
{
    std::tm tm{};
    if (timestamp.size() < 19 || !strptime(timestamp.c_str(), "%Y-%m-%dT%H:%M:%S", &tm))
        return "<unknown>";
    const long long secs = static_cast<long long>(std::time(nullptr) - timegm(&tm));
    if (secs < 120)
        return std::to_string(std::max(0LL, secs)) + "s";
    if (secs < 7200)
        return std::to_string(secs / 60) + "m";
    if (secs < 172800)
        return std::to_string(secs / 3600) + "h";
    return std::to_string(secs / 86400) + "d";
}

void printTable(const std::vector<nlohmann::json> &items, bool withNamespace)
{
    size_t nameWidth = 4, nsWidth = 9;
    for (const auto &o : items) {
        kube::ObjectMeta m(o);
        nameWidth = std::max(nameWidth, m.name().size());
        nsWidth = std::max(nsWidth, m.namespaceName().size());
    }
    if (withNamespace)
        std::printf("%-*s   ", int(nsWidth), "NAMESPACE");
    std::printf("%-*s   %s\n", int(nameWidth), "NAME", "AGE");
    for (const auto &o : items) {
        kube::ObjectMeta m(o);
        if (withNamespace)
            std::printf("%-*s   ", int(nsWidth), m.namespaceName().c_str());
        std::printf("%-*s   %s\n", int(nameWidth), m.name().c_str(), age(m.creationTimestamp()).c_str());
    }
}

bool printObjects(const std::vector<nlohmann::json> &items, const std::string &output, bool single, bool withNamespace)
{
    if (output == "json" || output == "yaml") {
        nlohmann::json doc = single ? items.front()
                                    : nlohmann::json{{"apiVersion", "v1"}, {"kind", "List"}, {"items", items},
                                                     {"metadata", {{"resourceVersion", ""}}}};
        std::fputs(output == "json" ? (doc.dump(4) + "\n").c_str() : kube::toYaml(doc).c_str(), stdout);
        return true;
    }
    if (output == "name") {
        for (const auto &o : items)
            std::printf("%s/%s\n", kube::ObjectMeta(o).kind().c_str(), kube::ObjectMeta(o).name().c_str());
        return true;
    }
    if (output.empty() || output == "wide") {
        if (items.empty()) {
            std::fprintf(stderr, "No resources found\n");
            return true;
        }
        printTable(items, withNamespace);
        return true;
    }
    std::fprintf(stderr, "tenantryctl: unknown output format \"%s\" (json, yaml, name, wide)\n", output.c_str());
    return false;
}

} // namespace

int runWhoami(const CommandArgs &args)
{
    if (!args.positional().empty())
        return usageError(args, "whoami takes no arguments");
    const GlobalFlags flags = args.globalFlags();
    Connection c;
    ConnectOptions options;
    options.whoami = true;
    if (!connect(flags, c, options))
        return 1;
    if (!c.cluster->identity()) {
        printError(c.cluster->identityError() ? *c.cluster->identityError()
                                              : kube::Error::make(kube::ErrorKind::Invalid, "the server did not say who you are"));
        return 1;
    }
    const kube::UserInfo *me = &*c.cluster->identity();
    if (flags.output == "json" || flags.output == "yaml") {
        nlohmann::json doc = {{"username", me->username}, {"uid", me->uid}, {"groups", me->groups}, {"extra", me->extra}};
        std::fputs(flags.output == "json" ? (doc.dump(4) + "\n").c_str() : kube::toYaml(doc).c_str(), stdout);
        return 0;
    }
    std::printf("Username  %s\n", me->username.c_str());
    if (!me->uid.empty())
        std::printf("UID       %s\n", me->uid.c_str());
    std::string groups;
    for (const auto &g : me->groups)
        groups += (groups.empty() ? "" : " ") + g;
    std::printf("Groups    [%s]\n", groups.c_str());
    return 0;
}

int runGet(const CommandArgs &args)
{
    const GlobalFlags flags = args.globalFlags();
    if (flags.positional.empty() || flags.positional.size() > 2)
        return usageError(args, "get takes RESOURCE [NAME]");
    for (const char *f : {"--platform", "--cluster", "--workspace"})
        if (args.has(f))
            return usageError(args, std::string(f) + " is for tenancy kinds (workspaces, projects, users, roles, members)");
    Connection c;
    if (!connect(flags, c))
        return 1;
    if (auto loaded = c.client->discovery().ensureLoaded(); !loaded) {
        printError(loaded.error());
        return 1;
    }
    auto info = c.client->discovery().resolve(flags.positional[0]);
    // A cached discovery may predate a CRD installed since: ask the server before giving up.
    if (!info && c.client->discovery().servedFromDisk() && c.client->discovery().refresh())
        info = c.client->discovery().resolve(flags.positional[0]);
    if (!info) {
        printError(info.error());
        return 1;
    }
    const std::string ns = info->gvr.namespaced && !flags.allNamespaces ? c.ns : std::string();
    if (flags.positional.size() == 2) {
        auto obj = c.client->get(info->gvr, ns, flags.positional[1]);
        if (!obj) {
            printError(obj.error());
            return 1;
        }
        return printObjects({*obj}, flags.output, true, false) ? 0 : 2;
    }
    kube::ListOptions options;
    options.labelSelector = args.value("--selector");
    options.limit = args.has("--chunk-size") ? std::atol(args.value("--chunk-size").c_str()) : 500;
    auto list = c.client->list(info->gvr, ns, options);
    if (!list) {
        printError(list.error());
        return 1;
    }
    // List items carry no apiVersion/kind; restore them as kubectl does.
    for (auto &item : list->items) {
        item["apiVersion"] = info->gvr.apiVersion();
        item["kind"] = info->gvr.kind;
    }
    return printObjects(list->items, flags.output, false, info->gvr.namespaced && flags.allNamespaces) ? 0 : 2;
}

} // namespace ctl
