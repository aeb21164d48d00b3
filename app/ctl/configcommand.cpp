// `tenantryctl config view`: prints the merged kubeconfig exactly as `kubectl config view`
// does (same flags, redaction, minify/flatten), which is how its output is tested.
#include "commandargs.h"
#include "commands.h"

#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <string>

namespace ctl {

namespace {

int fail(const kube::Error &error)
{
    std::fprintf(stderr, "error: %s\n", error.describe().c_str());
    return 1;
}

struct ViewFlags {
    std::string kubeconfig;
    bool merge = true;
    std::string output = "yaml";
    kube::KubeconfigViewOptions view;
};

int runView(const CommandArgs &args)
{
    ViewFlags flags;
    flags.kubeconfig = args.value("--kubeconfig");
    flags.merge = !args.has("--merge") || args.on("--merge");
    flags.view.flatten = args.on("--flatten");
    flags.view.minify = args.on("--minify");
    flags.view.raw = args.on("--raw");
    flags.view.context = args.value("--context");
    flags.output = args.value("--output", "yaml");
    if (args.positional().size() > 1)
        return usageError(args, "config view takes no arguments");
    if (flags.output != "yaml" && flags.output != "json")
        return usageError(args, "unsupported output format \"" + flags.output + "\" (use json or yaml)");

    kube::Kubeconfig config;
    if (!flags.merge) {
        if (flags.kubeconfig.empty()) {
            std::fprintf(stderr, "error: if merge==false a precise file must be specified\n");
            return 1;
        }
        auto file = kube::KubeconfigFile::read(flags.kubeconfig);
        if (!file)
            return fail(file.error());
        config = kube::Kubeconfig::merge({file.value()});
    } else {
        struct stat st {};
        const bool explicitMissing = !flags.kubeconfig.empty() && ::stat(flags.kubeconfig.c_str(), &st) != 0 && errno == ENOENT;
        if (!explicitMissing) {
            // kubectl prints an empty config for a missing --kubeconfig here (and only here).
            auto loaded = kube::Kubeconfig::load(kube::KubeconfigSources::fromEnvironment(flags.kubeconfig));
            if (!loaded)
                return fail(loaded.error());
            config = std::move(loaded.value());
        }
    }

    auto document = kube::KubeconfigView::render(std::move(config), flags.view);
    if (!document)
        return fail(document.error());
    const std::string text = flags.output == "json" ? kube::KubeconfigView::toJson(document.value())
                                                    : kube::KubeconfigView::toYaml(document.value());
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

} // namespace

int runConfig(const CommandArgs &args)
{
    if (args.positional().empty())
        return usageError(args, "config needs a sub-command (view)");
    if (args.positional()[0] == "view")
        return runView(args);
    return usageError(args, "unknown config command \"" + args.positional()[0] + "\"");
}

} // namespace ctl
