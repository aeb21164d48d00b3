// `tenantryctl config view`: prints the merged kubeconfig exactly as `kubectl config view`
// does (same flags, redaction, minify/flatten), which is how its output is tested.
#include "commands.h"

#include "kubeclient/kubeconfig/kubeconfig.h"
#include "kubeclient/kubeconfig/kubeconfigfile.h"
#include "kubeclient/kubeconfig/kubeconfigview.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <optional>
#include <string>

namespace ctl {

namespace {

void usage(FILE *out)
{
    std::fprintf(out,
                 "usage: tenantryctl config view [flags]\n"
                 "  --kubeconfig FILE     use only this file\n"
                 "  --merge=true|false    merge all kubeconfig files (default true; false needs --kubeconfig)\n"
                 "  --flatten             inline referenced files as *-data (implies --raw)\n"
                 "  --minify              keep only the current context and what it uses\n"
                 "  --context NAME        with --minify: the context to keep\n"
                 "  --raw                 show tokens, passwords and certificate data\n"
                 "  -o, --output json|yaml\n");
}

// kubectl's boolean flags: "--flag", "--flag=true|false" (pflag also takes 1/0/t/f).
std::optional<bool> parseBool(const std::string &text)
{
    if (text == "true" || text == "1" || text == "t" || text == "T" || text == "TRUE" || text == "True")
        return true;
    if (text == "false" || text == "0" || text == "f" || text == "F" || text == "FALSE" || text == "False")
        return false;
    return std::nullopt;
}

int fail(const kube::Error &error)
{
    std::fprintf(stderr, "error: %s\n", error.describe().c_str());
    return 1;
}

int usageError(const std::string &message)
{
    std::fprintf(stderr, "error: %s\n", message.c_str());
    usage(stderr);
    return 2;
}

struct ViewFlags {
    std::string kubeconfig;
    bool merge = true;
    std::string output = "yaml";
    kube::KubeconfigViewOptions view;
};

int runView(const ctl::Args &args)
{
    ViewFlags flags;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        auto valueOf = [&](const std::string &name, std::string &out) -> bool {
            // "--name value" or "--name=value"; "-o json", "-ojson", "-o=json" for the short form.
            if (arg == name) {
                if (i + 1 >= args.size())
                    return false;
                out = args[++i];
                return true;
            }
            if (arg.rfind(name + "=", 0) == 0) {
                out = arg.substr(name.size() + 1);
                return true;
            }
            if (name == "-o" && arg.size() > 2 && arg.rfind("-o", 0) == 0) {
                out = arg.substr(2);
                return true;
            }
            return false;
        };
        auto boolFlag = [&](const std::string &name, bool &out) -> std::optional<bool> {
            if (arg == name) {
                out = true;
                return true;
            }
            if (arg.rfind(name + "=", 0) == 0) {
                auto v = parseBool(arg.substr(name.size() + 1));
                if (!v)
                    return false;
                out = *v;
                return true;
            }
            return std::nullopt;
        };
        std::string value;
        if (arg == "-h" || arg == "--help") {
            usage(stdout);
            return 0;
        }
        if (auto r = boolFlag("--merge", flags.merge)) {
            if (!*r)
                return usageError("invalid value for --merge: " + arg);
            continue;
        }
        if (auto r = boolFlag("--flatten", flags.view.flatten)) {
            if (!*r)
                return usageError("invalid value for --flatten: " + arg);
            continue;
        }
        if (auto r = boolFlag("--minify", flags.view.minify)) {
            if (!*r)
                return usageError("invalid value for --minify: " + arg);
            continue;
        }
        if (auto r = boolFlag("--raw", flags.view.raw)) {
            if (!*r)
                return usageError("invalid value for --raw: " + arg);
            continue;
        }
        if (arg.rfind("--kubeconfig", 0) == 0 && valueOf("--kubeconfig", value)) {
            flags.kubeconfig = value;
            continue;
        }
        if (arg.rfind("--context", 0) == 0 && valueOf("--context", value)) {
            flags.view.context = value;
            continue;
        }
        if ((arg.rfind("--output", 0) == 0 && valueOf("--output", value)) || (arg.rfind("-o", 0) == 0 && valueOf("-o", value))) {
            flags.output = value;
            continue;
        }
        return usageError("unknown flag or argument: " + arg);
    }
    if (flags.output != "yaml" && flags.output != "json")
        return usageError("unsupported output format \"" + flags.output + "\" (use json or yaml)");

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

int runConfig(const Args &args)
{
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        usage(args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "view")
        return runView(Args(args.begin() + 1, args.end()));
    std::fprintf(stderr, "tenantryctl: unknown config command '%s'\n", args[0].c_str());
    usage(stderr);
    return 2;
}

} // namespace ctl
