// Fan-out over contexts. Commands print straight to stdout, so each run is captured through a
// temporary file standing in for fd 1; the runs are sequential, as the commands share stdout.
#include "contextfanout.h"

#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/kubeconfig/kubeconfig.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <cstdio>
#include <sstream>

namespace ctl {

namespace {

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line))
        out.push_back(line);
    return out;
}

bool looksLikeHeader(const std::string &line)
{
    return !line.empty()
        && std::none_of(line.begin(), line.end(), [](unsigned char c) { return std::islower(c); })
        && std::any_of(line.begin(), line.end(), [](unsigned char c) { return std::isupper(c); });
}

// Runs `fn` with stdout going to a temporary file; returns what it printed.
std::string captureStdout(const std::function<void()> &fn)
{
    std::fflush(stdout);
    FILE *tmp = std::tmpfile();
    const int saved = dup(STDOUT_FILENO);
    if (!tmp || saved < 0) {
        fn();  // no capture possible: print unmerged rather than not at all
        return {};
    }
    dup2(fileno(tmp), STDOUT_FILENO);
    fn();
    std::fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    std::string text;
    std::rewind(tmp);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, tmp)) > 0)
        text.append(buf, n);
    std::fclose(tmp);
    return text;
}

} // namespace

std::string ContextFanOut::mergeText(const std::vector<std::string> &contexts, const std::vector<std::string> &outputs)
{
    size_t width = std::string("CONTEXT").size();
    for (const auto &c : contexts)
        width = std::max(width, c.size());
    std::vector<std::vector<std::string>> split;
    for (const auto &o : outputs)
        split.push_back(lines(o));
    // A header only when every run that printed something starts with it.
    std::string header;
    for (const auto &l : split) {
        if (l.empty())
            continue;
        if (!looksLikeHeader(l.front()) || (!header.empty() && l.front() != header)) {
            header.clear();
            break;
        }
        header = l.front();
    }
    auto pad = [&](const std::string &text) { return text + std::string(width - text.size() + 3, ' '); };
    std::string out;
    if (!header.empty())
        out += pad("CONTEXT") + header + "\n";
    for (size_t i = 0; i < split.size(); ++i)
        for (size_t j = header.empty() ? 0 : 1; j < split[i].size(); ++j)
            out += pad(contexts[i]) + split[i][j] + "\n";
    return out;
}

int ContextFanOut::run(const CommandArgs &args, int (*command)(const CommandArgs &))
{
    std::vector<std::string> contexts = args.contexts();
    if (args.allContexts()) {
        auto config = kube::Kubeconfig::loadFromEnvironment(args.value("--kubeconfig"));
        if (!config) {
            std::fprintf(stderr, "error: %s\n", config.error().describe().c_str());
            return 1;
        }
        contexts = config->contextNames();
        if (contexts.empty()) {
            std::fprintf(stderr, "error: the kubeconfig has no contexts\n");
            return 1;
        }
    }
    const std::string output = args.output();
    const bool document = output == "json" || output == "yaml";
    std::vector<std::string> outputs;
    int worst = 0;
    for (const auto &context : contexts) {
        int rc = 0;
        outputs.push_back(captureStdout([&] { rc = command(args.withContext(context)); }));
        if (rc != 0)
            std::fprintf(stderr, "context %s: exit code %d\n", context.c_str(), rc);
        worst = std::max(worst, rc);
    }
    if (!document) {
        std::fputs(mergeText(contexts, outputs).c_str(), stdout);
        return worst;
    }
    // Documents cannot take a column: one list, an item per context.
    nlohmann::json items = nlohmann::json::array();
    for (size_t i = 0; i < contexts.size(); ++i) {
        nlohmann::json result = nullptr;
        if (auto docs = kube::parseYamlDocuments(outputs[i], "output of context " + contexts[i]); docs && !docs->empty())
            result = docs->size() == 1 ? docs->front() : nlohmann::json(*docs);
        items.push_back({{"context", contexts[i]}, {"result", result}});
    }
    const nlohmann::json list = {{"contexts", items}};
    std::fputs(output == "json" ? (list.dump(4) + "\n").c_str() : kube::toYaml(list).c_str(), stdout);
    return worst;
}

} // namespace ctl
